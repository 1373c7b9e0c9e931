import Foundation
import SturingCore
import SturingIngest
import SturingText
import SturingValidation

/// Draws a coding sheet from a run: up to N counted matches per perspective, spread over the plans
/// (each plan in turn, in a seeded order), and M random sentences of the corpus. The same run,
/// numbers and seed give the same sheet, whether the text comes from the cache or the files.
/// Sentences of fewer than `minimumSentenceWords` words and captions ("Figuur 3 …", "Tabel 2: …")
/// are not drawn: a coder cannot judge a fragment.
public enum ValidationSampler {
    /// Fewer words than this are a fragment, not a sentence to code.
    public static let minimumSentenceWords = 4
    /// The words that open a caption when a number, a colon or nothing follows them.
    static let captionWords: Set<String> = ["figuur", "fig", "tabel", "grafiek", "afbeelding", "foto", "kaart", "bron", "schema", "illustratie",
                                             "figure", "table", "source"]
    /// Words of context on each side of a match, unless told otherwise.
    public static let defaultWindow = 20

    /// A drawn sample: the sheet's rows (codes empty), matches first, then sentences, and its key.
    public struct Sample {
        /// The rows, in sheet order.
        public var rows: [CodingSheet.Row]
        /// What was drawn and what the tool found, row by row.
        public var key: SampleKey
    }

    /// Draws the sample.
    public static func sample(_ corpus: CorpusPlan, lexicon: CompiledLexicon, reader: IsolatedReader,
                              matches: Int, sentences: Int, seed: UInt64, run: String, window: Int = defaultWindow,
                              model: ContextModel? = nil) throws -> Sample {
        let scorer = try DocumentScorer(lexicon: lexicon)
        scorer.model = model
        let planOf = Dictionary(corpus.plans.flatMap { p in p.files.map { ($0, p.municipality) } }, uniquingKeysWith: { a, _ in a })
        typealias Drawn = (line: KWICLine, position: Int)
        var occurrences = [Perspective: [String: [Drawn]]]()  // perspective → plan → matches in text order
        var allSentences = [(municipality: String, file: String, position: Int, sentence: DocumentScorer.Sentence)]()
        for file in corpus.files {
            let document: Document
            do {
                document = try reader.read(path: file)
            } catch { continue }  // failed files are in the run's errors; they have no matches to code
            let municipality = planOf[file] ?? file
            for (position, line) in scorer.occurrences(document, window: window, entryFilter: { _ in true }).enumerated() {
                occurrences[line.perspective, default: [:]][municipality, default: []].append((line, position))
            }
            for (position, s) in scorer.sentences(document).enumerated() where isCodable(s.text) {
                allSentences.append((municipality, file, position, s))
            }
        }
        var rng = SplitMix64(seed: seed)
        var rows = [CodingSheet.Row](), entries = [SampleKey.Entry]()
        for p in Perspective.allCases {
            guard var byPlan = occurrences[p] else { continue }
            var plans = byPlan.keys.sorted()
            plans.shuffle(using: &rng)
            for name in plans { byPlan[name]!.shuffle(using: &rng) }
            var taken = 0
            while taken < matches && byPlan.values.contains(where: { !$0.isEmpty }) {
                for name in plans where taken < matches {
                    guard let (line, position) = byPlan[name]?.popLast() else { continue }
                    taken += 1
                    let id = String(format: "m%04d", rows.count + 1), page = line.page.map(String.init) ?? ""
                    rows.append(CodingSheet.Row(
                        id: id, kind: .match, perspective: p, term: line.term,
                        form: WordTokenizer.normalizeTerm(line.match), municipality: name, file: line.file,
                        page: page, left: line.left, match: line.match, right: line.right, found: [p], run: run))
                    entries.append(SampleKey.Entry(id: id, kind: .match, perspective: p, term: line.term, file: line.file, page: page,
                                                   position: position, found: [p]))
                }
            }
        }
        // Sentences: a seeded sample without replacement, kept in corpus order.
        var indices = Array(allSentences.indices)
        indices.shuffle(using: &rng)
        for (k, i) in indices.prefix(sentences).sorted().enumerated() {
            let s = allSentences[i]
            let id = String(format: "s%04d", k + 1), page = s.sentence.page.map(String.init) ?? ""
            rows.append(CodingSheet.Row(id: id, kind: .sentence, perspective: nil, municipality: s.municipality,
                                        file: s.file, page: page, match: s.sentence.text, found: s.sentence.found, run: run))
            entries.append(SampleKey.Entry(id: id, kind: .sentence, perspective: nil, term: "", file: s.file, page: page,
                                           position: s.position, found: s.sentence.found))
        }
        return Sample(rows: rows, key: SampleKey(run: run, seed: seed, entries: entries))
    }

    /// True when `text` is a sentence a coder can judge: at least `minimumSentenceWords` words
    /// with letters, and not a caption.
    static func isCodable(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == " " })
        guard parts.filter({ $0.contains(where: \.isLetter) }).count >= minimumSentenceWords else { return false }
        let first = parts[0].lowercased().trimmingCharacters(in: .punctuationCharacters)
        if captionWords.contains(first) {
            let next = parts.count > 1 ? parts[1] : ""
            // "Figuur 3.1 …", "Tabel 2: …", "Bron: CBS" open a caption; "Tabel en stoel" does not.
            if parts[0].hasSuffix(":") || next.first?.isNumber == true || next.hasPrefix(":") { return false }
        }
        return true
    }
}
