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

    /// Reads `path` (a scores.json file). Documents are read back losslessly (`ScoreJSON.decodeDocument`).
    public static func load(path: String) throws -> CorpusReportInput {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: "\(path): cannot read the file (give analyze's scores.json or its output folder)")
        }
        guard let root = try? JSONValue.parse(String(decoding: data, as: UTF8.self)), let plans = root["plans"]?.arrayValue else {
            throw ReadError(description: "\(path): not a scores.json of `sturing analyze` (no 'plans' list)")
        }
        func text(_ v: JSONValue?) -> String { v?.stringValue ?? "?" }
        let lexicon = root["lexicon"]
        let provenance = Provenance(
            toolVersion: text(root["tool"]?["version"]),
            lexiconName: text(lexicon?["name"]), lexiconVersion: text(lexicon?["version"]),
            lexiconSHA256: text(lexicon?["sha256"]), lexiconPath: text(lexicon?["path"]),
            match: MatchSetting(rawValue: root["match"]?.stringValue ?? "") ?? .lexicon, stemmer: text(root["stemmer"]),
            icu: text(root["icu"]), poppler: text(root["poppler"]), date: text(root["date"]))
        let documents = (root["documents"]?.arrayValue ?? []).compactMap(ScoreJSON.decodeDocument)
        var entries = [(plan: Plan, score: DocumentScore, documents: [DocumentScore])]()
        for p in plans {
            let plan = Plan(municipality: text(p["municipality"]), category: p["category"]?.stringValue,
                            region: p["region"]?.stringValue, province: p["province"]?.stringValue, title: p["title"]?.stringValue,
                            year: p["year"]?.stringValue, planType: p["plan_type"]?.stringValue,
                            files: (p["files"]?.arrayValue ?? []).compactMap(\.stringValue))
            guard let scoreJSON = p["score"], let score = ScoreJSON.decodeDocument(scoreJSON) else {
                throw ReadError(description: "\(path): the plan \(plan.municipality) has no readable score")
            }
            entries.append((plan, score, documents.filter { plan.files.contains($0.file) }))
        }
        let failures = (root["errors"]?.arrayValue ?? []).map { FileFailure(file: text($0["file"]), error: text($0["error"])) }
        let settings = root["settings"]
        var input = CorpusReportInput(provenance: provenance, plans: entries, failures: failures,
                                      warnings: (root["warnings"]?.arrayValue ?? []).compactMap(\.stringValue),
                                      k: settings?["top"]?.intValue ?? 5)
        input.distinct = CaseSelection.Distinct(rawValue: settings?["distinct"]?.stringValue ?? "") ?? .province
        input.exclude = (settings?["exclude"]?.arrayValue ?? []).compactMap(\.stringValue)
        // Runs from before the threshold ranked every plan with shares.
        input.minSignalWords = settings?["min_signal_words"]?.intValue ?? 0
        return input
    }
}
