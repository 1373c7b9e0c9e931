import Foundation
import SturingCore
import SturingPipeline
import SturingReport

/// Reads the output folders of `analyze --shard K/N` runs and checks that they fit together: the
/// same tool, lexicon, match mode and versions, the same corpus listing, every shard of N present
/// once and finished, every file of the corpus scored or failed in one of them.
public struct ShardMerger {
    /// One shard's folder as read.
    public struct Shard: Sendable {
        public var folder: String
        public var k: Int
        public var n: Int
        public var record: JSONValue
        /// Its run settings.
        public var settings: RunSettings
    }

    /// The checked shards.
    public let shards: [Shard]
    /// The whole corpus (from the shards' corpus.json).
    public let corpus: CorpusPlan
    /// The outcome of every file, from the shards' journals.
    public let outcomes: [FileOutcome]
    /// The journal lines of the scored documents, by file.
    public let documentLines: [String: String]

    /// Reads and checks `folders`; the error says which shard is missing or does not fit.
    public init(folders: [String]) throws {
        var shards = [Shard]()
        var corpus: CorpusPlan?
        for folder in folders {
            func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
            guard let text = try? String(contentsOfFile: file("run.json"), encoding: .utf8), let record = try? JSONValue.parse(text) else {
                throw RunError("\(folder): no run.json (give the --out folders of `sturing analyze --shard K/N`)")
            }
            guard record["status"]?.stringValue == "finished" else {
                throw RunError("\(folder): this shard has not finished (run it to the end, or continue it with `analyze --resume`)")
            }
            let settings = try RunSettings.read(record["settings"], source: file("run.json"))
            guard let k = settings.shard?.k, let n = settings.shard?.n else {
                throw RunError("\(folder): not a shard (it was made without --shard K/N)")
            }
            guard let data = FileManager.default.contents(atPath: file("corpus.json")),
                  let plan = try? JSONDecoder().decode(CorpusPlan.self, from: data) else {
                throw RunError("\(folder): corpus.json is missing or unreadable")
            }
            if let first = shards.first {
                if record["fingerprint"]?.stringValue != first.record["fingerprint"]?.stringValue {
                    throw RunError("\(folder): made with other settings than \(first.folder) (lexicon, match mode, tool or library versions differ); shards must be made alike")
                }
                if settings.corpusPlanSHA256 != first.settings.corpusPlanSHA256 {
                    throw RunError("\(folder): made from another corpus listing than \(first.folder) (the files or manifest differ); run all shards on the same corpus")
                }
                if n != first.n {
                    throw RunError("\(folder): shard \(k)/\(n) does not fit shard \(first.k)/\(first.n) of \(first.folder)")
                }
                let tableOptions: [(String, (RunSettings) -> [String])] = [
                    ("min-signal-words", { [String($0.minSignalWords)] }), ("top", { [String($0.top)] }), ("distinct", { [$0.distinct.rawValue] }),
                    ("exclude", { $0.exclude }), ("csv-dialect", { [$0.csvDialect.rawValue] }), ("lang", { [$0.lang.rawValue] }),
                    ("bootstrap", { [String($0.bootstrap)] }), ("seed", { [$0.seed] }),
                ]
                for (option, value) in tableOptions where value(settings) != value(first.settings) {
                    throw RunError("\(folder): --\(option) differs from \(first.folder); give all shards the same table options")
                }
            }
            // The journal must be what the shard finished with: a count changed by hand (or a
            // line added or removed) would be merged as if the shard had scored it.
            let journal = file("documents.jsonl")
            guard let recorded = record["documents_sha256"]?.stringValue, recorded == JSONLinesFile.sha256(path: journal) else {
                throw RunError("\(journal): does not hold what this shard finished with (its SHA-256 differs from run.json's documents_sha256: it was changed, or the shard was made by an older sturing); run the shard again")
            }
            if let twin = shards.first(where: { $0.k == k }) {
                throw RunError("\(folder): shard \(k)/\(n) is given twice (also \(twin.folder))")
            }
            shards.append(Shard(folder: folder, k: k, n: n, record: record, settings: settings))
            corpus = corpus ?? plan
        }
        guard let first = shards.first, let corpus else { throw RunError("give the shard folders to merge") }
        let missing = Set(1...first.n).subtracting(shards.map(\.k)).sorted()
        if !missing.isEmpty {
            throw RunError("missing shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(first.n) (run them, then merge all \(first.n))")
        }
        let inCorpus = Set(corpus.files)
        var outcomes = [String: FileOutcome](), lines = [String: String]()
        for shard in shards {
            for line in JSONLinesFile.lines(path: (shard.folder as NSString).appendingPathComponent("documents.jsonl")) {
                guard let value = try? JSONValue.parse(line), let file = value["file"]?.stringValue, inCorpus.contains(file) else { continue }
                if let failure = ScoreJSON.decodeFailure(value) {
                    outcomes[file] = outcomes[file] ?? .failed(failure)
                } else if let score = ScoreJSON.decodeDocument(value) {
                    outcomes[file] = .scored(score)
                    lines[file] = line
                }
            }
        }
        let unscored = corpus.files.filter { outcomes[$0] == nil }
        if !unscored.isEmpty {
            throw RunError("\(unscored.count) file(s) of the corpus are in no shard's results, e.g. \(unscored[0]) (a shard was interrupted: continue it with `analyze --resume`)")
        }
        self.shards = shards.sorted { $0.k < $1.k }
        self.corpus = corpus
        self.outcomes = corpus.files.compactMap { outcomes[$0] }
        self.documentLines = lines
    }

    /// The provenance of the shards (they share it), dated now.
    public var provenance: Provenance {
        shards[0].settings.provenance(tool: shards[0].record["tool"]?["version"]?.stringValue ?? "?", date: UTCTime.iso8601())
    }

    /// The settings the shards share (the first shard's).
    public var settings: RunSettings { shards[0].settings }
}
