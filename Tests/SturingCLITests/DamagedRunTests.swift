import Foundation
import SturingTestSupport
import Testing

/// Issue 22, item 16: a run's outputs changed or damaged after it finished are refused with a
/// message that says what is wrong, never read as zeros.
@Suite struct DamagedRunTests {
    /// A finished run of two text plans, in a fresh folder.
    static func run(in work: URL) throws -> URL {
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        for name in ["meedoenburg-wmo-2015.txt", "kaderkerk-wmo-2015.txt"] {
            try FileManager.default.copyItem(at: TestBinary.root.appendingPathComponent("Corpus/\(name)"), to: plans.appendingPathComponent(name))
        }
        let out = work.appendingPathComponent("out")
        #expect(try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--quiet", "--bootstrap", "0"]).status == 0)
        return out
    }

    @Test func aChangedCountIsRefusedNotReadAsZero() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = try Self.run(in: work)
        let journal = out.appendingPathComponent("documents.jsonl")
        let text = try String(contentsOf: journal, encoding: .utf8)
        for bad in [#"{"count":"abc","x":"#, #"{"count":1000000000000000000000000000000,"x":"#] {
            // As if run.json had been rewritten too (no recorded hash to catch it): the record itself is refused.
            try Data(text.replacingOccurrences(of: #"{"count":"#, with: bad).utf8).write(to: journal)
            let runJSON = out.appendingPathComponent("run.json")
            var record = try JSONSerialization.jsonObject(with: Data(contentsOf: runJSON)) as! [String: Any]
            record.removeValue(forKey: "documents_sha256")
            try JSONSerialization.data(withJSONObject: record).write(to: runJSON)
            let r = try TestBinary.run(["compare", out.path, out.path, "--out", work.appendingPathComponent("c").path])
            #expect(r.status == 2 && r.stderr.contains("documents.jsonl:1: a document record with a missing count"), "\(r.stderr)")
        }
    }

    @Test func aJournalChangedAfterTheRunIsRefused() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = try Self.run(in: work)
        let journal = out.appendingPathComponent("documents.jsonl")
        let text = try String(contentsOf: journal, encoding: .utf8)
        try Data(text.replacingOccurrences(of: #"{"count":"#, with: #"{"count":1"#).utf8).write(to: journal)
        let r = try TestBinary.run(["report", out.path, "--out", work.appendingPathComponent("r.html").path])
        #expect(r.status == 2 && r.stderr.contains("was changed after the run finished"), "\(r.stderr)")
    }

    @Test func hugeInvalidOrDeepScoresJSONGetsItsOwnMessage() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        func report(_ json: URL) throws -> TestBinary.Run { try TestBinary.run(["report", json.path, "--out", work.appendingPathComponent("r.html").path]) }
        // 1.5 GB (sparse: nothing is written): refused by its size, before it is read.
        let huge = work.appendingPathComponent("huge/scores.json")
        try FileManager.default.createDirectory(at: huge.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1_500_000_000)
        try handle.close()
        let big = try report(huge)
        #expect(big.status == 2 && big.stderr.contains("is too large for a scores.json"), "\(big.stderr)")
        let nan = work.appendingPathComponent("nan.json")
        try Data(#"{"plans": [NaN]}"#.utf8).write(to: nan)
        let n = try report(nan)
        #expect(n.status == 2 && n.stderr.contains("not valid JSON at byte 11"), "\(n.stderr)")
        let deep = work.appendingPathComponent("deep.json")
        try Data((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8).write(to: deep)
        let d = try report(deep)
        #expect(d.status == 2 && d.stderr.contains("nested too deeply"), "\(d.stderr)")
    }
}
