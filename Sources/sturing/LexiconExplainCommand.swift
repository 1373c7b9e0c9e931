import ArgumentParser
import Foundation
import SturingCore
import SturingReport
import SturingText

extension LexiconCommand {
    /// `sturing lexicon explain MODEL TERM`: the context words that push a term's matches up or down.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the context words that make a term's matches more or less likely to signal its perspective.")

        @Argument(help: "A context model (from `validate train`), 'built-in' for the default lexicon's, or a built-in lexicon's name (nijdam-2019-plus) for its model.")
        var model: String

        @Argument(help: "The term.")
        var term: String

        @Option(name: .long, help: "Only this perspective (PA, NPM, NPG, SR).")
        var perspective: String?

        @Option(name: .long, help: "How many words each way.")
        var top = 12

        @Option(name: .long, help: "Language: nl | en.")
        var lang: Language = .dutch

        func run() throws {
            // "built-in" is the default lexicon's model; a built-in lexicon's name gives its model.
            let builtinName = model == "built-in" ? BuiltinLexicon.defaultName : model
            let loaded = if let json = BuiltinModel.json[builtinName], !FileManager.default.fileExists(atPath: model) {
                try ContextModel.decode(Data(json.utf8), file: "built-in:" + builtinName, lexicon: nil)
            } else {
                try ContextModel.load(path: model, lexicon: nil)
            }
            var only: Perspective?
            if let perspective {
                guard let p = Perspective(code: perspective) else { throw CLIError(description: "--perspective \(perspective): not PA, NPM, NPG or SR") }
                only = p
            }
            guard let text = ContextModelReport.explain(loaded, term: term, perspective: only, top: top, language: lang) else {
                let coded = loaded.perspectives.values.flatMap(\.terms.keys).sorted()
                throw CLIError(description: "\(model): the term '\(term)' was never coded for this model (coded terms: \(coded.prefix(20).joined(separator: ", "))\(coded.count > 20 ? ", …" : ""); give --perspective to see what a match of it would get)")
            }
            print(text, terminator: "")
        }
    }
}
