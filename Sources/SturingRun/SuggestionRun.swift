import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText
import SturingValidation

/// `lexicon suggest`: reads plan files, finds the words and phrases the lexicon lacks that stand
/// where a perspective is counted and in contexts like its true matches, with examples.
public enum SuggestionRun {
    /// Suggests candidates for `perspective` in the files `inputs` lists, with `lexicon` (its
    /// model, when it has one, weighs the counted matches by p); the true matches are the coded
    /// ones of `sheets` when given. Files that cannot be read go to `failed` and are skipped.
    public static func run(_ inputs: CorpusInputs, perspective: Perspective, lexicon: RunLexicon, sheets: [String] = [],
                           options: LexiconSuggestion.Options, keepStopwords: Bool = false,
                           failed: (String, IngestError) -> Void = { _, _ in }) throws -> SuggestionReport.Input {
        let compiled = lexicon.compiled
        let scorer = try DocumentScorer(lexicon: compiled)
        scorer.model = lexicon.model?.model
        var coded: [[String]]?
        if !sheets.isEmpty {
            var bags = [[String]]()
            for path in sheets {
                for m in try CodedMatches.load(path: path).matches where m.perspective == perspective && m.signals {
                    bags.append(m.features.filter { $0.hasPrefix("b:") }.map { String($0.dropFirst(2)) })
                }
            }
            guard !bags.isEmpty else {
                throw RunError("the sheets hold no \(perspective.code) match coded 1: code some with `sturing validate sample`, or leave out --sheet to learn from the corpus's matches")
            }
            coded = bags
        }
        let reader = IsolatedReader(cache: nil, textThreads: ProcessInfo.processInfo.activeProcessorCount)
        var documents = [Document](), sequences = [WordSequence]()
        for file in inputs.files {
            do throws(IngestError) {
                let document = try reader.read(path: file)
                documents.append(document)
                sequences.append(scorer.wordSequence(document))
            } catch {
                failed(file, error)
            }
        }
        guard !sequences.isEmpty else { throw RunError("no document could be read") }
        let leaveOut = keepStopwords ? { _ in false } : Stopwords.leaveOut(language: compiled.lexicon.language)
        let result = LexiconSuggestion.suggest(sequences, perspective: perspective, options: options, leaveOut: leaveOut, coded: coded)
        // Examples, one document load per document.
        var lines = [Int: [KWICLine]]()
        var byDocument = [Int: [(candidate: Int, place: LexiconSuggestion.Place)]]()
        for (c, candidate) in result.candidates.enumerated() { for place in candidate.examples { byDocument[place.document, default: []].append((c, place)) } }
        for (d, wanted) in byDocument.sorted(by: { $0.key < $1.key }) {
            for (k, line) in zip(wanted, scorer.contexts(documents[d], spans: wanted.map { ($0.place.token, $0.place.length) },
                                                          perspective: perspective, term: "", window: 8)) {
                lines[k.candidate, default: []].append(line)
            }
        }
        let profileSource = coded != nil ? "\(Int(result.profileWeight)) matches coded 1 in \(sheets.count) sheet(s)"
            : lexicon.model != nil ? String(format: "%.1f", result.profileWeight) + " expected true matches (counted matches weighed by p)"
            : "\(Int(result.profileWeight)) counted matches (all weighed alike; --disambiguate weighs them by p)"
        return SuggestionReport.Input(perspective: perspective, lexicon: compiled.lexicon.name, documents: sequences.count, result: result,
                                      examples: lines, municipality: inputs.municipality, profileSource: profileSource,
                                      examplesPerCandidate: options.examples)
    }
}
