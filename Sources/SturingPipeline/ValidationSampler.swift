import Foundation
import SturingCore
import SturingIngest
import SturingText
import SturingValidation

/// Draws a coding sheet from a run: up to N counted matches per perspective, spread over the plans
/// (each plan in turn, in a seeded order), and M random sentences of the corpus. The same run,
/// numbers and seed give the same sheet, whether the text comes from the cache or the files.
public enum ValidationSampler {
    /// The sheet's rows (codes empty), matches first, then sentences.
    public static func sample(_ corpus: CorpusPlan, lexicon: CompiledLexicon, reader: IsolatedReader,
                              matches: Int, sentences: Int, seed: UInt64, run: String) throws -> [CodingSheet.Row] {
        let scorer = try DocumentScorer(lexicon: lexicon)
        let planOf = Dictionary(corpus.plans.flatMap { p in p.files.map { ($0, p.municipality) } }, uniquingKeysWith: { a, _ in a })
        var occurrences = [Perspective: [String: [KWICLine]]]()  // perspective → plan → matches in text order
        var allSentences = [(municipality: String, file: String, sentence: DocumentScorer.Sentence)]()
        for file in corpus.files {
            let document: Document
            do {
                document = try reader.read(path: file)
            } catch { continue }  // failed files are in the run's errors; they have no matches to code
            let municipality = planOf[file] ?? file
            for line in scorer.occurrences(document, window: 10, entryFilter: { _ in true }) {
                occurrences[line.perspective, default: [:]][municipality, default: []].append(line)
            }
            for s in scorer.sentences(document) { allSentences.append((municipality, file, s)) }
        }
        var rng = SplitMix64(seed: seed)
        var rows = [CodingSheet.Row]()
        for p in Perspective.allCases {
            guard var byPlan = occurrences[p] else { continue }
            var plans = byPlan.keys.sorted()
            plans.shuffle(using: &rng)
            for name in plans { byPlan[name]!.shuffle(using: &rng) }
            var taken = 0
            while taken < matches && byPlan.values.contains(where: { !$0.isEmpty }) {
                for name in plans where taken < matches {
                    guard let line = byPlan[name]?.popLast() else { continue }
                    taken += 1
                    rows.append(CodingSheet.Row(
                        id: String(format: "m%04d", rows.count + 1), kind: .match, perspective: p, term: line.term,
                        form: WordTokenizer.normalizeTerm(line.match), municipality: name, file: line.file,
                        page: line.page.map(String.init) ?? "", left: line.left, match: line.match, right: line.right,
                        found: [p], run: run))
                }
            }
        }
        // Sentences: a seeded sample without replacement, kept in corpus order.
        var indices = Array(allSentences.indices)
        indices.shuffle(using: &rng)
        for (k, i) in indices.prefix(sentences).sorted().enumerated() {
            let s = allSentences[i]
            rows.append(CodingSheet.Row(id: String(format: "s%04d", k + 1), kind: .sentence, perspective: nil, municipality: s.municipality,
                                        file: s.file, page: s.sentence.page.map(String.init) ?? "", match: s.sentence.text,
                                        found: s.sentence.found, run: run))
        }
        return rows
    }
}
