import ArgumentParser
import Foundation
import SturingCore
import SturingIngest
import SturingText

/// The options that choose and compile the lexicon, shared by the commands that match words.
struct LexiconOptions: ParsableArguments {
    @Option(name: .long, help: "Lexicon file (YAML, or CSV 'perspective,term'). Default: the built-in nijdam-2019 lexicon.")
    var lexicon: String?

    @Option(name: .long, help: "exact | stem | lexicon. exact/stem apply that pure mode to every term and ignore include/exclude lists.")
    var match: MatchSetting = .lexicon

    /// Loads and compiles the chosen lexicon, or throws a CLIError naming the problem.
    func compile() throws -> CompiledLexicon {
        let loaded: Lexicon
        do {
            loaded = try lexicon.map { try LexiconLoader.load(path: $0) } ?? LexiconLoader.builtin()
        } catch let error as LexiconError {
            throw CLIError(description: "\(error.description) (nothing was scored; fix the lexicon and run again)")
        }
        if let note = LexiconLanguageCheck.labelNote(loaded) { printWarning("\(loaded.path): \(note)") }
        do {
            return try CompiledLexicon(loaded, setting: match)
        } catch {
            throw CLIError(description: error.description)
        }
    }

    /// The provenance of a run with `compiled`.
    static func provenance(_ compiled: CompiledLexicon) -> Provenance {
        Provenance(lexiconName: compiled.lexicon.name, lexiconVersion: compiled.lexicon.version,
                   lexiconSHA256: compiled.lexicon.sha256, lexiconPath: compiled.lexicon.path,
                   match: compiled.setting, stemmer: compiled.stemmer, icu: WordTokenizer.icuVersion,
                   poppler: ExtractionLibraries.poppler, date: UTCTime.iso8601())
    }
}

extension MatchSetting: ExpressibleByArgument {}
