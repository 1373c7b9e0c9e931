import Foundation
import SturingTestSupport
import Testing

/// Issue 10: shards merged give exactly the outputs of one run; shards that do not fit are refused.
@Suite struct ShardTests {
    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The text without the lines that hold the run's date (provenance), which differs per run.
    func undated(_ url: URL) throws -> String {
        let text = try read(url)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url.deletingLastPathComponent().appendingPathComponent("scores.json"))) as! [String: Any]
        let date = json["date"] as! String
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(date) && !$0.contains("\"date\"") }
            .joined(separator: "\n")
    }

    /// Without a text cache on either side: a merged run has no cache statistics of its own.
    @Test func threeShardsMergedEqualOneRun() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let corpus = TestBinary.root.appendingPathComponent("Corpus").path
        let single = work.appendingPathComponent("single")
        #expect(try TestBinary.run(["analyze", corpus, "--out", single.path, "--no-cache", "--quiet", "--top", "2"]).status == 0)
        var folders = [String]()
        var counts = [Int]()
        for k in 1...3 {
            let out = work.appendingPathComponent("shard-\(k)")
            let r = try TestBinary.run(["analyze", corpus, "--out", out.path, "--no-cache", "--quiet", "--top", "2", "--shard", "\(k)/3"])
            #expect(r.status == 0, "\(r.stderr)")
            counts.append(try read(out.appendingPathComponent("documents.jsonl")).split(separator: "\n").count)
            folders.append(out.path)
        }
        #expect(counts.reduce(0, +) == 13 && counts.allSatisfy { $0 < 13 })
        let merged = work.appendingPathComponent("merged")
        let m = try TestBinary.run(["merge"] + folders.reversed() + ["--out", merged.path])
        #expect(m.status == 0, "\(m.stderr)")
        for name in ["scores.csv", "errors.csv"] {
            #expect(try read(merged.appendingPathComponent(name)) == read(single.appendingPathComponent(name)), "\(name)")
        }
        for name in ["scores.json", "summary.md", "report.html"] {
            #expect(try undated(merged.appendingPathComponent(name)) == undated(single.appendingPathComponent(name)), "\(name)")
        }
        // Shards that do not fit are refused, and say why.
        let missing = try TestBinary.run(["merge", folders[0], folders[2], "--out", work.appendingPathComponent("m2").path])
        #expect(missing.status == 2 && missing.stderr.contains("missing shard 2 of 3"))
        let twice = try TestBinary.run(["merge", folders[0], folders[0], folders[2], "--out", work.appendingPathComponent("m3").path])
        #expect(twice.status == 2 && twice.stderr.contains("given twice"))
        let exact = work.appendingPathComponent("exact-2")
        #expect(try TestBinary.run(["analyze", corpus, "--out", exact.path, "--no-cache", "--quiet", "--top", "2", "--shard", "2/3", "--match", "exact"]).status == 0)
        let other = try TestBinary.run(["merge", folders[0], exact.path, folders[2], "--out", work.appendingPathComponent("m4").path])
        #expect(other.status == 2 && other.stderr.contains("other settings"))
        let notShard = try TestBinary.run(["merge", single.path, "--out", work.appendingPathComponent("m5").path])
        #expect(notShard.status == 2 && notShard.stderr.contains("not a shard"))
        // Issue 22, item 16: a shard whose counts were changed after it finished is refused.
        let journal = URL(fileURLWithPath: folders[1]).appendingPathComponent("documents.jsonl")
        let original = try read(journal)
        let forged = original.replacingOccurrences(of: #"{"count":"#, with: #"{"count":1"#)
        #expect(forged != original)
        try Data(forged.utf8).write(to: journal)
        let tampered = try TestBinary.run(["merge"] + folders + ["--out", work.appendingPathComponent("m6").path])
        #expect(tampered.status == 2 && tampered.stderr.contains("does not hold what this shard finished with"), "\(tampered.stderr)")
    }

    /// Shards of a run with a built-in lexicon other than the default merge with that lexicon's
    /// findings (merge once loaded the default for every built-in one), and a shard whose run.json
    /// holds settings of another version is refused, saying so.
    @Test func shardsOfAnotherBuiltInLexiconMergeWithItsFindings() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let corpus = TestBinary.root.appendingPathComponent("Corpus").path
        let options = ["--no-cache", "--quiet", "--ocr", "never", "--bootstrap", "60", "--lexicon", "nijdam-2019-plus", "--disambiguate"]
        let single = work.appendingPathComponent("single")
        _ = try TestBinary.run(["analyze", corpus, "--out", single.path] + options)
        var folders = [String]()
        for k in 1...2 {
            let out = work.appendingPathComponent("shard-\(k)")
            _ = try TestBinary.run(["analyze", corpus, "--out", out.path, "--shard", "\(k)/2"] + options)
            folders.append(out.path)
        }
        let merged = work.appendingPathComponent("merged")
        _ = try TestBinary.run(["merge"] + folders + ["--out", merged.path])
        func findings(_ folder: URL) throws -> [String] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("scores.json"))) as! [String: Any]
            return (json["lexicon_check"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? ""): \($0["message"] ?? "")" }
        }
        let expected = try findings(single)
        #expect(!expected.isEmpty)
        #expect(expected.contains { $0.contains("participatie") || $0.contains("mantelzorg") || $0.contains("partner") }, "\(expected)")
        #expect(try findings(merged) == expected)
        // With the model's spread in the bootstrap, the merged intervals are the single run's.
        #expect(try read(merged.appendingPathComponent("scores.csv")) == read(single.appendingPathComponent("scores.csv")))
        let runJSON = URL(fileURLWithPath: folders[1]).appendingPathComponent("run.json")
        let record = try read(runJSON)
        try Data(record.replacingOccurrences(of: #""version" : 1"#, with: #""version" : 7"#).replacingOccurrences(of: #""version": 1"#, with: #""version": 7"#).utf8).write(to: runJSON)
        let refused = try TestBinary.run(["merge"] + folders + ["--out", work.appendingPathComponent("m2").path])
        #expect(refused.status == 2 && refused.stderr.contains("version 7") && refused.stderr.contains("run.json"), "\(refused.stderr)")
    }

    @Test func schedulersChooseTheShard() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let corpus = TestBinary.root.appendingPathComponent("Corpus").path
        let slurm = try TestBinary.run(["analyze", corpus, "--out", work.appendingPathComponent("s").path, "--cache", try DemoCache.copy()],
                                       environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1"])
        #expect(slurm.status == 0 && slurm.stderr.contains("shard 3/3 (SLURM_ARRAY_TASK_ID)"))
        let k8s = try TestBinary.run(["analyze", corpus, "--out", work.appendingPathComponent("k").path, "--cache", try DemoCache.copy(), "--shards", "3"],
                                     environment: ["JOB_COMPLETION_INDEX": "0"])
        #expect(k8s.status == 0 && k8s.stderr.contains("shard 1/3 (JOB_COMPLETION_INDEX)"))
        let bad = try TestBinary.run(["analyze", corpus, "--out", work.appendingPathComponent("b").path, "--shard", "4/3"])
        #expect(bad.status == 2)
    }
}
