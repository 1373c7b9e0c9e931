import Foundation
import SturingAnalysis
import SturingCore

/// Reads analyze's scores.json back into a report input, so `sturing report` can redraw the
/// report of an earlier run without scoring again.
public enum ScoresJSONReader {
    /// A scores.json that cannot be used.
    public struct ReadError: Error, CustomStringConvertible {
        /// What is wrong and what to do.
        public var description: String
    }

    /// Reads `path` (a scores.json file).
    public static func load(path: String) throws -> CorpusReportInput {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: "\(path): cannot read the file (give analyze's scores.json or its output folder)")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let plans = root["plans"] as? [[String: Any]] else {
            throw ReadError(description: "\(path): not a scores.json of `sturing analyze` (no 'plans' list)")
        }
        let lexicon = root["lexicon"] as? [String: Any] ?? [:]
        let provenance = Provenance(
            toolVersion: (root["tool"] as? [String: Any])?["version"] as? String ?? "?",
            lexiconName: lexicon["name"] as? String ?? "?", lexiconVersion: lexicon["version"] as? String ?? "?",
            lexiconSHA256: lexicon["sha256"] as? String ?? "?", lexiconPath: lexicon["path"] as? String ?? "?",
            match: MatchSetting(rawValue: root["match"] as? String ?? "") ?? .lexicon, stemmer: root["stemmer"] as? String ?? "?",
            icu: root["icu"] as? String ?? "?", poppler: root["poppler"] as? String ?? "?", date: root["date"] as? String ?? "?")
        let documents = (root["documents"] as? [[String: Any]] ?? []).map(document)
        var entries = [(plan: Plan, score: DocumentScore, documents: [DocumentScore])]()
        for p in plans {
            let plan = Plan(municipality: p["municipality"] as? String ?? "?", category: p["category"] as? String,
                            region: p["region"] as? String, province: p["province"] as? String, title: p["title"] as? String,
                            year: p["year"] as? String, planType: p["plan_type"] as? String, files: p["files"] as? [String] ?? [])
            let score = document(p["score"] as? [String: Any] ?? [:])
            entries.append((plan, score, documents.filter { plan.files.contains($0.file) }))
        }
        let failures = (root["errors"] as? [[String: Any]] ?? []).map {
            FileFailure(file: $0["file"] as? String ?? "?", error: $0["error"] as? String ?? "?")
        }
        let settings = root["settings"] as? [String: Any] ?? [:]
        var input = CorpusReportInput(provenance: provenance, plans: entries, failures: failures,
                                      warnings: root["warnings"] as? [String] ?? [], k: settings["top"] as? Int ?? 5)
        input.distinct = CaseSelection.Distinct(rawValue: settings["distinct"] as? String ?? "") ?? .province
        input.exclude = settings["exclude"] as? [String] ?? []
        // Runs from before the threshold ranked every plan with shares.
        input.minSignalWords = settings["min_signal_words"] as? Int ?? 0
        return input
    }

    /// One document object of the score JSON.
    static func document(_ d: [String: Any]) -> DocumentScore {
        let ps = d["perspectives"] as? [String: Any] ?? [:]
        let terms = d["terms"] as? [String: Any] ?? [:]
        let forms = d["forms"] as? [String: Any] ?? [:]
        let evidence = d["evidence"] as? [String: Any] ?? [:]
        var perspectives = [Perspective: PerspectiveScore](), termCounts = [Perspective: [TermCount]]()
        var kwic = [Perspective: [KWICLine]]()
        for p in Perspective.allCases {
            let x = ps[p.code] as? [String: Any] ?? [:]
            perspectives[p] = PerspectiveScore(count: x["count"] as? Int ?? 0, share: x["share"] as? Double,
                                               per10kTokens: x["per_10k_tokens"] as? Double ?? 0)
            let termMap = terms[p.code] as? [String: Any] ?? [:]
            let formMap = forms[p.code] as? [String: Any] ?? [:]
            termCounts[p] = termMap.keys.sorted().map { term in
                let f = (formMap[term] as? [String: Any] ?? [:]).compactMap { k, v in (v as? Int).map { (form: k, count: $0) } }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.form < $1.form }
                return TermCount(term: term, count: termMap[term] as? Int ?? 0, forms: f)
            }
            kwic[p] = (evidence[p.code] as? [[String: Any]])?.map {
                KWICLine(file: $0["file"] as? String ?? "", page: $0["page"] as? Int, perspective: p, term: $0["term"] as? String ?? "",
                         left: $0["left"] as? String ?? "", match: $0["match"] as? String ?? "", right: $0["right"] as? String ?? "")
            }
        }
        var score = DocumentScore(file: d["file"] as? String ?? "?", sha256: d["sha256"] as? String ?? "",
                                  tokens: d["tokens"] as? Int ?? 0, pages: d["pages"] as? Int, encoding: d["encoding"] as? String ?? "",
                                  perspectives: perspectives, terms: termCounts, warnings: d["warnings"] as? [String] ?? [])
        score.evidence = kwic.compactMapValues { $0 }
        return score
    }
}
