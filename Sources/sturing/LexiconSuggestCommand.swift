import ArgumentParser
import Foundation
import SturingRun
import SturingAnalysis
import SturingCore
import SturingReport

extension LexiconCommand {
    /// `sturing lexicon suggest CORPUS --perspective P`: words and phrases the lexicon lacks that
    /// the corpus uses where the perspective is counted, and in contexts like its true matches.
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Suggest new signal words for a perspective: keyness in its sentences and context similarity to its true matches, with examples.",
            discussion: """
                A candidate is a word or two-word phrase of content words (stopwords and numbers are left out) that the \
                lexicon does not already count. It is ranked on two things, by the mean of its two ranks: how much more \
                often it stands in the sentences where the perspective is counted than in the corpus's other sentences \
                (log-likelihood G², with the log ratio beside it), and how much its context words (within --window words, \
                in the sentence) resemble those of the perspective's true matches (cosine of positive PMI vectors). The \
                true matches are the perspective's counted matches, each weighed by p with --disambiguate or --model, \
                or the matches coded 1 in the --sheet sheets. Everything is learned from the corpus itself. Read the \
                examples before adding a word: a suggestion is a candidate, not a signal word.
                """)

        @Argument(help: "Plan files or folders (\(ReadFormats.list); a folder's manifest.csv names the municipalities).")
        var inputs: [String]

        @Option(name: .long, help: "The perspective: PA, NPM, NPG or SR.")
        var perspective: String

        @OptionGroup var lexiconOptions: LexiconOptions

        @Option(name: .long, help: "A coded sheet (`validate sample`, or features as in data/coded/): its matches of the perspective coded 1 form the context profile. Repeatable.")
        var sheet: [String] = []

        @Option(name: .long, help: "Words of context on each side (within the sentence).")
        var window = 5

        @Option(name: .long, help: "Least occurrences of a candidate.")
        var minFrequency = 5

        @Option(name: .long, help: "Least documents that use a candidate (at most the number of documents).")
        var minDocuments = 2

        @Option(name: .long, help: "Candidates to list.")
        var top = 30

        @Option(name: .long, help: "Examples per candidate.")
        var examples = 2

        @Flag(name: .long, help: "Only single words, no two-word phrases.")
        var noPhrases = false

        @Flag(name: .long, help: "Keep stopwords (de, het, wij …) and numbers as candidates and contexts.")
        var keepStopwords = false

        @Option(name: .long, help: "table | csv | json")
        var format: Format = .table

        @Option(name: .long, help: "CSV style (with --format csv): standard or excel-nl (semicolon, BOM).")
        var csvDialect: CSVDialect = .standard

        /// Output formats of `lexicon suggest`.
        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

        func validate() throws {
            if Perspective(code: perspective) == nil { throw ValidationError("unknown perspective '\(perspective)' (use PA, NPM, NPG or SR)") }
            if window < 1 { throw ValidationError("--window must be 1 or more") }
            if minFrequency < 1 || minDocuments < 1 || top < 1 || examples < 0 {
                throw ValidationError("--min-frequency, --min-documents and --top must be 1 or more, --examples 0 or more")
            }
        }

        func run() throws {
            guard let wanted = Perspective(code: perspective) else { return }
            let lexicon = try lexiconOptions.load()
            let listed = try CorpusInputs(inputs)
            guard !listed.files.isEmpty else { throw RunError("no plan files in \(inputs.joined(separator: ", ")) (\(ReadFormats.list))") }
            var options = LexiconSuggestion.Options()
            options.window = window; options.minFrequency = minFrequency; options.minDocuments = minDocuments
            options.top = top; options.examples = examples; options.phrases = !noPhrases
            var failed = false
            let suggestions = try SuggestionRun.run(listed, perspective: wanted, lexicon: lexicon, sheets: sheet, options: options,
                                                    keepStopwords: keepStopwords, failed: { file, error in
                printError("\(file): \(error.description)")
                failed = true
            })
            switch format {
            case .table:
                if suggestions.result.candidates.isEmpty {
                    printNote("no candidate: no word or phrase outside the lexicon occurs \(minFrequency)+ times in \(min(minDocuments, suggestions.documents))+ document(s) and more often in \(wanted.code)'s sentences (lower --min-frequency or --min-documents, or add plans)")
                }
                print(SuggestionReport.table(suggestions), terminator: "")
            case .csv:
                let csv = SuggestionReport.csv(suggestions, dialect: csvDialect)
                print(isatty(1) != 0 ? Escape.terminalText(csv) : csv, terminator: "")
            case .json:
                print(SuggestionReport.json(suggestions), terminator: "")
            }
            if failed { throw ExitCode(1) }
        }
    }
}
