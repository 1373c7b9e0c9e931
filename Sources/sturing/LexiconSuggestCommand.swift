import ArgumentParser
import Foundation
import SturingRun
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText
import SturingValidation

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
            let compiled = try lexiconOptions.compile()
            let scorer = try DocumentScorer(lexicon: compiled)
            let model = try lexiconOptions.contextModel(for: compiled)
            scorer.model = model?.model
            var coded: [[String]]?
            if !sheet.isEmpty {
                var bags = [[String]]()
                for path in sheet {
                    let loaded: CodedMatches.Loaded
                    loaded = try CodedMatches.load(path: path)
                    for m in loaded.matches where m.perspective == wanted && m.signals {
                        bags.append(m.features.filter { $0.hasPrefix("b:") }.map { String($0.dropFirst(2)) })
                    }
                }
                guard !bags.isEmpty else {
                    throw CLIError(description: "the sheets hold no \(wanted.code) match coded 1: code some with `sturing validate sample`, or leave out --sheet to learn from the corpus's matches")
                }
                coded = bags
            }
            let listed = try CorpusInputs(inputs)
            guard !listed.files.isEmpty else { throw CLIError(description: "no plan files in \(inputs.joined(separator: ", ")) (\(ReadFormats.list))") }
            let reader = IsolatedReader(cache: nil, textThreads: ProcessInfo.processInfo.activeProcessorCount)
            var documents = [Document](), sequences = [WordSequence](), failed = false
            for file in listed.files {
                do {
                    let document = try reader.read(path: file)
                    documents.append(document)
                    sequences.append(scorer.wordSequence(document))
                } catch {
                    printError("\(file): \(error.description)")
                    failed = true
                }
            }
            guard !sequences.isEmpty else { throw CLIError(description: "no document could be read") }
            var options = LexiconSuggestion.Options()
            options.window = window; options.minFrequency = minFrequency; options.minDocuments = minDocuments
            options.top = top; options.examples = examples; options.phrases = !noPhrases
            let leaveOut = keepStopwords ? { _ in false } : Stopwords.leaveOut(language: compiled.lexicon.language)
            let result = LexiconSuggestion.suggest(sequences, perspective: wanted, options: options, leaveOut: leaveOut, coded: coded)
            // Examples, one document load per document.
            var lines = [Int: [KWICLine]]()
            var byDocument = [Int: [(candidate: Int, place: LexiconSuggestion.Place)]]()
            for (c, candidate) in result.candidates.enumerated() { for place in candidate.examples { byDocument[place.document, default: []].append((c, place)) } }
            for (d, wantedPlaces) in byDocument.sorted(by: { $0.key < $1.key }) {
                for (k, line) in zip(wantedPlaces, scorer.contexts(documents[d], spans: wantedPlaces.map { ($0.place.token, $0.place.length) },
                                                                    perspective: wanted, term: "", window: 8)) {
                    lines[k.candidate, default: []].append(line)
                }
            }
            func example(_ line: KWICLine) -> String {
                let name = URL(fileURLWithPath: line.file).lastPathComponent
                let municipality = listed.municipality[line.file].flatMap { $0 == URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent ? nil : $0 }
                let place = (municipality.map { $0 + ", " } ?? "") + name + (line.page.map { " p.\($0)" } ?? "")
                return "\(place): \(line.left) [\(line.match)] \(line.right)"
            }
            let profileSource = coded != nil ? "\(Int(result.profileWeight)) matches coded 1 in \(sheet.count) sheet(s)"
                : model != nil ? String(format: "%.1f", result.profileWeight) + " expected true matches (counted matches weighed by p)"
                : "\(Int(result.profileWeight)) counted matches (all weighed alike; --disambiguate weighs them by p)"
            switch format {
            case .table:
                print(Escape.terminal("\(wanted.code) in \(sequences.count) document(s), lexicon \(compiled.lexicon.name): \(result.targetSentences) sentence(s) where \(wanted.code) is counted, \(result.otherSentences) other(s); context profile from \(profileSource); \(result.eligible) words and phrases considered"))
                if result.candidates.isEmpty {
                    printNote("no candidate: no word or phrase outside the lexicon occurs \(minFrequency)+ times in \(min(minDocuments, sequences.count))+ document(s) and more often in \(wanted.code)'s sentences (lower --min-frequency or --min-documents, or add plans)")
                }
                print("rank  word or phrase              freq  docs  in \(wanted.code.padding(toLength: 4, withPad: " ", startingAt: 0)) other       G²  log ratio  similarity")
                for (c, s) in result.candidates.enumerated() {
                    print(Escape.terminal(String(format: "%4d  ", c + 1) + s.text.padding(toLength: 26, withPad: " ", startingAt: 0)
                        + String(format: " %5d %5d %7d %5d %8.1f %10.2f %11.3f", s.frequency, s.documents, s.target, s.reference, s.g2, s.logRatio, s.similarity)))
                    for line in lines[c] ?? [] { print(Escape.terminal("        " + example(line))) }
                }
            case .csv:
                var rows = [["rank", "candidate", "frequency", "documents", "in_perspective_sentences", "in_other_sentences", "g2", "log_ratio",
                             "similarity", "keyness_rank", "similarity_rank"] + (0..<examples).map { "example_\($0 + 1)" }]
                for (c, s) in result.candidates.enumerated() {
                    let shown = (lines[c] ?? []).map(example)
                    rows.append(["\(c + 1)", s.text, "\(s.frequency)", "\(s.documents)", "\(s.target)", "\(s.reference)", csvDialect.number(s.g2),
                                 csvDialect.number(s.logRatio), csvDialect.number(s.similarity), "\(s.keynessRank)", "\(s.similarityRank)"]
                        + (0..<examples).map { $0 < shown.count ? shown[$0] : "" })
                }
                let csv = csvDialect.write(rows)
                print(isatty(1) != 0 ? Escape.terminalText(csv) : csv, terminator: "")
            case .json:
                print(JSONValue.object([
                    ("perspective", .string(wanted.code)), ("lexicon", .string(compiled.lexicon.name)), ("documents", .int(sequences.count)),
                    ("perspective_sentences", .int(result.targetSentences)), ("other_sentences", .int(result.otherSentences)),
                    ("profile", .string(profileSource)), ("considered", .int(result.eligible)),
                    ("candidates", .array(result.candidates.enumerated().map { c, s in .object([
                        ("rank", .int(c + 1)), ("candidate", .string(s.text)), ("frequency", .int(s.frequency)), ("documents", .int(s.documents)),
                        ("in_perspective_sentences", .int(s.target)), ("in_other_sentences", .int(s.reference)), ("g2", .double(s.g2)),
                        ("log_ratio", .double(s.logRatio)), ("similarity", .double(s.similarity)), ("keyness_rank", .int(s.keynessRank)),
                        ("similarity_rank", .int(s.similarityRank)),
                        ("examples", .array((lines[c] ?? []).map { l in .object([("file", .string(l.file)), ("page", l.page.map { .int($0) } ?? .null),
                                                                                  ("left", .string(l.left)), ("match", .string(l.match)), ("right", .string(l.right))]) })),
                    ]) })),
                ]).pretty(), terminator: "")
            }
            if failed { throw ExitCode(1) }
        }
    }
}
