import ArgumentParser
import Foundation
import SturingCore
import SturingReport
import SturingText
import SturingValidation

extension ValidateCommand {
    /// `sturing validate train SHEET... --out MODEL.json`.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn a context model from coded matches (1/0) and print its cross-validated precision.",
            discussion: "Sheets: coded sheets from `validate sample`, or sheets of features as in data/coded/. Folds are split by document.")

        @Argument(help: "Coded sheets.")
        var sheets: [String]

        @Option(name: .long, help: "The lexicon the matches were counted with (default: the built-in nijdam-2019).")
        var lexicon: String?

        @Option(name: .long, help: "Cross-validation folds (split by document).")
        var folds = 5

        @Option(name: .long, help: "Seed of the fold assignment.")
        var seed: UInt64 = 1

        @Option(name: .long, help: "L2 penalty on the context weights.")
        var lambda = 2.0

        @Option(name: .long, help: "Where to write the model (JSON).")
        var out: String

        @Option(name: .long, help: "table | json | md")
        var format: TableFormat = .table

        @Option(name: .long, help: "Language of the table: nl | en.")
        var lang: Language = .dutch

        func validate() throws {
            guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
            guard lambda > 0 else { throw ValidationError("--lambda must be above 0") }
        }

        func run() throws {
            let lexiconName = try LexiconLoader.loadNamed(lexicon).name
            var matches = [CodedMatch](), sources = [ContextModel.Source](), skipped = 0
            for path in sheets {
                let loaded = try CodedMatches.load(path: path)
                matches += loaded.matches
                sources.append(loaded.source)
                skipped += loaded.skipped
            }
            let documents = Set(matches.map(\.document)).count
            guard matches.count >= 20, documents >= folds else {
                throw CLIError(description: "\(matches.count) coded matches in \(documents) document(s): too few to learn from and test on \(folds) folds (code at least 20 matches from at least \(folds) documents)")
            }
            if skipped > 0 { printWarning("\(skipped) row(s) coded unclear or not coded were left out") }
            let trainer = ContextModelTrainer(settings: .init(lambda: lambda, folds: folds, seed: seed))
            let (model, cv) = trainer.train(matches, sources: sources, lexicon: lexiconName, tool: SturingVersion.current)
            try AtomicFile.write(model.encoded(), to: out)
            switch format {
            case .json: print(String(decoding: model.encoded(), as: UTF8.self), terminator: "")
            case .csv, .table, .md: print(ContextModelReport.markdown(model, cv, language: lang), terminator: "")
            }
            printStandardError("sturing: wrote \(out) (\(matches.count) coded matches, \(documents) documents)")
        }
    }
}
