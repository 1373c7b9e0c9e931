import Foundation
import SturingCore
import SturingPipeline
import SturingRun
import SturingTestSupport
import Testing

/// The run API in process, on the demo corpus's five text plans (read here, without a helper):
/// what `analyze` and `merge` do, without the command line around them.
@Suite struct AnalysisRunTests {
    /// The five plain-text plans of the demo corpus, copied into a folder of their own (no manifest:
    /// each file is its own plan).
    static func textCorpus() throws -> URL {
        let folder = TestFolder.make("run-corpus")
        let demo = TestBinary.demoCorpus
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) where name.hasSuffix("-wmo-2015.txt") {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// A request for `corpus` into `out`: the default lexicon, no cache, 60 replicates, two workers.
    static func request(_ corpus: URL, out: URL) throws -> AnalysisRun.Request {
        var request = AnalysisRun.Request(directory: corpus.path, manifest: nil, out: out.path, lexicon: try RunLexicon(nil, match: .lexicon))
        request.jobs = 2
        request.bootstrap = 60
        request.top = 2
        return request
    }

    /// The text of a file of a run folder.
    static func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The lines of a file of a run folder, without those that hold a time of day (the run's date).
    static func undated(_ folder: URL, _ name: String) throws -> [Substring] {
        try text(folder, name).split(separator: "\n").filter { $0.firstMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d/) == nil }
    }

    /// Collects the events of a run.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var planned = [Int]()
        private(set) var finished = [String]()
        private(set) var notes = [String]()

        var events: RunEvents {
            var events = RunEvents()
            events.planned = { n in self.lock.withLock { self.planned.append(n) } }
            events.finished = { o in self.lock.withLock { self.finished.append(o.file) } }
            events.note = { n in self.lock.withLock { self.notes.append(n) } }
            return events
        }
    }

    @Test func aRunScoresEveryPlanAndSaysSoThroughItsEvents() throws {
        let corpus = try Self.textCorpus(), work = TestFolder.make("run")
        let recorder = Recorder()
        let summary = try AnalysisRun.run(try Self.request(corpus, out: work.appendingPathComponent("out")), events: recorder.events)
        #expect(summary.plans == 5)
        #expect(summary.failures.isEmpty)
        #expect(summary.shards == nil)
        #expect(recorder.planned == [5])
        #expect(recorder.finished.count == 5)
        #expect(Set(recorder.finished).count == 5)
        let csv = try Self.text(work.appendingPathComponent("out"), "scores.csv")
        #expect(csv.split(separator: "\n").count == 6)
        let record = try Self.text(work.appendingPathComponent("out"), "run.json")
        #expect(record.contains("\"status\": \"finished\""))
    }

    @Test func twoShardsMergeIntoExactlyTheSingleRun() throws {
        let corpus = try Self.textCorpus(), work = TestFolder.make("run-shards")
        let single = work.appendingPathComponent("single")
        _ = try AnalysisRun.run(try Self.request(corpus, out: single))
        var shardFolders = [String]()
        var shardPlans = 0
        for k in 1...2 {
            let out = work.appendingPathComponent("shard\(k)")
            var request = try Self.request(corpus, out: out)
            request.shard = .init(k: k, n: 2)
            let recorder = Recorder()
            shardPlans += try AnalysisRun.run(request, events: recorder.events).plans
            #expect(recorder.notes.contains { $0.hasPrefix("shard \(k)/2 (--shard): ") && $0.hasSuffix(" of 5 files") })
            shardFolders.append(out.path)
        }
        #expect(shardPlans == 5)
        let merged = work.appendingPathComponent("merged")
        let summary = try MergeRun.run(folders: shardFolders.reversed(), out: merged.path)
        #expect(summary.shards == 2)
        #expect(summary.plans == 5)
        #expect(try Self.text(merged, "scores.csv") == Self.text(single, "scores.csv"))
        #expect(try Self.undated(merged, "summary.md") == Self.undated(single, "summary.md"))
        #expect(try Self.text(merged, "errors.csv") == Self.text(single, "errors.csv"))
    }

    @Test func aMergeNamesTheMissingShardAndATwin() throws {
        let corpus = try Self.textCorpus(), work = TestFolder.make("run-missing")
        let first = work.appendingPathComponent("shard1")
        var request = try Self.request(corpus, out: first)
        request.shard = .init(k: 1, n: 3)
        request.bootstrap = 0
        _ = try AnalysisRun.run(request)
        let missing = #expect(throws: RunError.self) { try MergeRun.run(folders: [first.path], out: work.appendingPathComponent("m").path) }
        #expect(missing?.description == "missing shards 2, 3 of 3 (run them, then merge all 3)")
        let twin = #expect(throws: RunError.self) { try MergeRun.run(folders: [first.path, first.path], out: work.appendingPathComponent("t").path) }
        #expect(twin?.description.contains("shard 1/3 is given twice") == true)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("m").path))
    }

    @Test func aMistypedNameStopsTheRunBeforeItsFolderIsMade() throws {
        let corpus = try Self.textCorpus(), work = TestFolder.make("run-names")
        let out = work.appendingPathComponent("out")
        var request = try Self.request(corpus, out: out)
        request.focus = ["kaderkerk-wmo-2016"]
        let error = #expect(throws: RunError.self) { try AnalysisRun.run(request) }
        #expect(error?.description.hasPrefix("--focus: 'kaderkerk-wmo-2016' is not a municipality in the corpus (did you mean") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aFolderWithoutPlansIsAClearError() throws {
        let work = TestFolder.make("run-empty")
        let empty = work.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let error = #expect(throws: RunError.self) { try AnalysisRun.run(try Self.request(empty, out: work.appendingPathComponent("out"))) }
        #expect(error?.description.hasPrefix("\(empty.path): no plan files found") == true)
    }
}
