import Foundation
import SturingAnalysis
import SturingCore

/// Reads analyze's scores.json back into a report input, so `sturing report` can redraw the
/// report of an earlier run without scoring again.
public enum ScoresJSONReader {
    /// A scores.json that cannot be used.
    public struct ReadError: UserError {
        /// What is wrong and what to do.
        public var description: String
    }

    /// The largest scores.json read (a run of 100,000 plans writes well under this).
    static let largestFile = 1 << 30

    /// Reads `path` (a scores.json file). Documents are read back losslessly (`ScoreJSON.decodeDocument`).
    public static func load(path: String) throws -> CorpusReportInput {
        var info = stat()
        if stat(path, &info) == 0, info.st_size > Self.largestFile {
            throw ReadError(description: "\(path): \(info.st_size / 1_048_576) MB is too large for a scores.json of `sturing analyze` (give the scores.json of a run)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: "\(path): cannot read the file (give analyze's scores.json or its output folder)")
        }
        let root: JSONValue
        do { root = try JSONValue.parse(String(decoding: data, as: UTF8.self)) } catch {
            throw ReadError(description: "\(path): not valid JSON at byte \(error.offset): \(error.description) (give the scores.json of a run, unchanged)")
        }
        guard let plans = root["plans"]?.arrayValue else {
            throw ReadError(description: "\(path): not a scores.json of `sturing analyze` (no 'plans' list)")
        }
        func text(_ v: JSONValue?) -> String { v?.stringValue ?? "?" }
        let lexicon = root["lexicon"]
        var provenance = Provenance(
            toolVersion: text(root["tool"]?["version"]),
            lexiconName: text(lexicon?["name"]), lexiconVersion: text(lexicon?["version"]),
            lexiconSHA256: text(lexicon?["sha256"]), lexiconPath: text(lexicon?["path"]),
            match: MatchSetting(rawValue: root["match"]?.stringValue ?? "") ?? .lexicon, stemmer: text(root["stemmer"]),
            icu: text(root["icu"]), poppler: text(root["poppler"]), date: text(root["date"]))
        provenance.model = ScoreJSON.decodeContextModel(root["context_model"])
        // The documents: in scores.json itself (runs before 0.2), or in documents.jsonl beside it.
        var documents = [String: DocumentScore]()
        let separate = root["documents"] == nil
        if let list = root["documents"]?.arrayValue {
            for d in list.compactMap(ScoreJSON.decodeDocument) { documents[d.file] = d }
        } else {
            let journal = (((path as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent(root["documents_file"]?.stringValue ?? "documents.jsonl"))
            guard FileManager.default.fileExists(atPath: journal) else {
                throw ReadError(description: "\(journal): not found (scores.json keeps the tables; the word forms and evidence are in documents.jsonl beside it)")
            }
            // A journal changed after its run finished is refused (run.json records its SHA-256).
            let runJSON = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("run.json")
            if let text = try? String(contentsOfFile: runJSON, encoding: .utf8), let record = try? JSONValue.parse(text),
               let recorded = record["documents_sha256"]?.stringValue, recorded != JSONLinesFile.sha256(path: journal) {
                throw ReadError(description: "\(journal): was changed after the run finished (its SHA-256 differs from run.json's documents_sha256); run the analysis again")
            }
            for (n, line) in JSONLinesFile.lines(path: journal).enumerated() {
                guard let value = try? JSONValue.parse(line) else {
                    throw ReadError(description: "\(journal):\(n + 1): not a JSON line (the file was changed or damaged; run the analysis again)")
                }
                if value["error"] != nil { continue }
                guard let d = ScoreJSON.decodeDocument(value) else {
                    throw ReadError(description: "\(journal):\(n + 1): a document record with a missing count, or one that is not a whole number (the file was changed or damaged; run the analysis again)")
                }
                documents[d.file] = d
            }
        }
        var entries = [(plan: Plan, score: DocumentScore, documents: [DocumentScore])]()
        for p in plans {
            let plan = Plan(municipality: text(p["municipality"]), category: p["category"]?.stringValue,
                            region: p["region"]?.stringValue, province: p["province"]?.stringValue, title: p["title"]?.stringValue,
                            year: p["year"]?.stringValue, planType: p["plan_type"]?.stringValue,
                            files: (p["files"]?.arrayValue ?? []).compactMap(\.stringValue))
            let docs = plan.files.compactMap { documents[$0] }
            let score: DocumentScore
            if separate {
                guard !docs.isEmpty else {
                    throw ReadError(description: "\(path): no document of the plan \(plan.municipality) is in documents.jsonl (give the whole output folder)")
                }
                // The plan's score as the run made it: its documents combined, with its own warnings.
                var combined = PlanAggregator.combine(docs, name: plan.municipality)
                combined.warnings = (p["score"]?["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
                if let notices = p["score"]?["notices"]?.arrayValue { combined.notices = notices.compactMap(ScoreJSON.decodeNotice) }
                score = combined
            } else {
                guard let scoreJSON = p["score"], let decoded = ScoreJSON.decodeDocument(scoreJSON) else {
                    throw ReadError(description: "\(path): the plan \(plan.municipality) has no readable score")
                }
                score = decoded
            }
            entries.append((plan, score, docs))
        }
        let failures = (root["errors"]?.arrayValue ?? []).map { ScoreJSON.decodeFailure($0) ?? FileFailure(file: text($0["file"]), error: text($0["error"])) }
        let settings = root["settings"]
        var input = CorpusReportInput(provenance: provenance, plans: entries, failures: failures,
                                      warnings: (root["warnings"]?.arrayValue ?? []).compactMap(\.stringValue),
                                      k: settings?["top"]?.intValue ?? 5)
        input.notices = (root["notices"]?.arrayValue ?? []).compactMap(ScoreJSON.decodeNotice)
        if settings?["version"] != nil {
            do throws(RunSettings.ReadError) { input.apply(try RunSettings.read(settings, source: path)) } catch {
                throw ReadError(description: error.description)
            }
        } else {
            // scores.json of releases before the settings schema (0.3.0 and earlier) recorded
            // only the table settings.
            let bootstrap = settings?["bootstrap"]
            input.table = CorpusAnalysis.Settings(
                top: input.table.top,
                distinct: CaseSelection.Distinct(rawValue: settings?["distinct"]?.stringValue ?? "") ?? .province,
                exclude: (settings?["exclude"]?.arrayValue ?? []).compactMap(\.stringValue),
                // Runs from before the threshold ranked every plan with shares.
                minSignalWords: settings?["min_signal_words"]?.intValue ?? 0,
                replicates: bootstrap?["replicates"]?.intValue ?? 0, seed: UInt64(bootstrap?["seed"]?.stringValue ?? "") ?? 1)
        }
        input.lexiconFindings = (root["lexicon_check"]?.arrayValue ?? []).compactMap(ScoreJSON.decodeFinding)
        let sensitivityPath = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("sensitivity.json")
        if let text = try? String(contentsOfFile: sensitivityPath, encoding: .utf8), let value = try? JSONValue.parse(text) {
            input.sensitivity = SensitivityReport.decode(value)
        }
        return input
    }
}
