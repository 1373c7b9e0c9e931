import Foundation
import SturingTestSupport
import Testing

/// Issue 12 end to end on the demo corpus.
@Suite struct UncertaintyTests {
    @Test func bootstrapIntervalsInEveryOutput() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--cache", try DemoCache.copy(), "--quiet", "--top", "2", "--bootstrap", "300", "--seed", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = TrustTests.csvRows(try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8))
        let header = rows[0]
        for name in ["PA_log_ratio", "PA_share_low", "PA_share_high", "PA_rank_low", "PA_rank_high", "PA_p_top1", "SR_p_top1"] {
            #expect(header.contains(name), "\(name)")
        }
        let col = { (name: String) in header.firstIndex(of: name)! }
        var top1 = 0.0
        for row in rows.dropFirst() {
            let share = Double(row[col("PA_share")])!, low = Double(row[col("PA_share_low")])!, high = Double(row[col("PA_share_high")])!
            #expect(low <= share + 1e-9 && share <= high + 1e-9, "\(row[0])")
            #expect(Int(row[col("PA_rank_low")])! <= Int(row[col("PA_rank_high")])!)
            top1 += Double(row[col("PA_p_top1")])!
            let count = Double(row[col("PA_count")])!, total = Double(row[col("signal_words")])!
            #expect(abs(Double(row[col("PA_log_ratio")])! - log((count + 0.5) / (total - count + 0.5))) < 1e-3)
        }
        #expect(abs(top1 - 1) < 1e-3)
        // Regelrecht leads PA by far: ranked first in (nearly) every replicate.
        let regelrecht = try #require(rows.first { $0[0] == "Regelrecht" })
        #expect(Double(regelrecht[col("PA_p_top1")])! > 0.95)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("scores.json"))) as! [String: Any]
        let stability = try #require(json["selection_stability"] as? [String: Double])
        #expect(stability["PA"]! > 0.9)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Hoe zeker is een aandeel of een plaats?") && html.contains("kans op 1e plaats") && html.contains("Opnieuw gekozen in"))
        // The same seed gives the same table; the report redraws the same intervals.
        let again = work.appendingPathComponent("again")
        #expect(try TestBinary.run(["analyze", "Corpus", "--out", again.path, "--cache", try DemoCache.copy(), "--quiet", "--top", "2", "--bootstrap", "300", "--seed", "5"]).status == 0)
        #expect(try String(contentsOf: again.appendingPathComponent("scores.csv"), encoding: .utf8) == String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8))
        let redraw = work.appendingPathComponent("redraw.html")
        #expect(try TestBinary.run(["report", out.path, "--out", redraw.path]).status == 0)
        #expect(try String(contentsOf: redraw, encoding: .utf8) == html)
    }
}

extension UncertaintyTests {
    @Test func sensitivityOnTheDemoCorpus() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        #expect(try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--quiet", "--cache", try DemoCache.copy(to: work.appendingPathComponent("cache"))]).status == 0)
        let r = try TestBinary.run(["sensitivity", out.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["variants"] as? [String] == ["lexicon", "exact", "stem"])
        let taus = json["kendall_tau"] as! [[String: Any]]
        #expect(taus.count == 2)
        #expect((json["leave_one_term_out"] as! [[String: Any]]).count > 10)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("sensitivity.md").path))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Gevoeligheid voor matchingkeuzes"))
        // sturing report keeps the section.
        let redraw = work.appendingPathComponent("r.html")
        #expect(try TestBinary.run(["report", out.path, "--out", redraw.path]).status == 0)
        #expect(try String(contentsOf: redraw, encoding: .utf8).contains("Gevoeligheid voor matchingkeuzes"))
    }
}

extension UncertaintyTests {
    @Test func scoreGivesShareIntervalsToo() throws {
        let r = try TestBinary.run(["score", "Corpus/regelrecht-wmo-2015.pdf", "--bootstrap", "300", "--format", "csv"])
        #expect(r.status == 0)
        let rows = TrustTests.csvRows(r.stdout)
        let col = { (name: String) in rows[0].firstIndex(of: name)! }
        let share = Double(rows[1][col("PA_share")])!, low = Double(rows[1][col("PA_share_low")])!, high = Double(rows[1][col("PA_share_high")])!
        #expect(low < share && share < high)
        #expect(!rows[1][col("PA_log_ratio")].isEmpty)
    }
}

extension UncertaintyTests {
    /// Issue 21: a plain analyze draws 1,000 seeded replicates and every output shows the intervals;
    /// `--bootstrap 0` says that there are none.
    @Test func intervalsByDefault() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out"), cache = work.appendingPathComponent("cache")
        try DemoCache.copy(to: cache)
        let r = try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--quiet", "--top", "2", "--cache", cache.path])
        #expect(r.status == 0, "\(r.stderr)")
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as! [String: Any]
        let settings = run["settings"] as! [String: Any]
        #expect(settings["bootstrap"] as? Int == 1000 && settings["seed"] as? String == "1")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("1.000 keer opnieuw getrokken") && html.contains("Opnieuw gekozen in"))
        // The case card shows the share's and the rank's interval.
        #expect(html.range(of: #"Rang 1 <span class="nowrap">\(95%: 1–\d\)</span>, [0-9,]+ % <span class="nowrap">\(95%: [0-9,]+–[0-9,]+\)</span>"#, options: .regularExpression) != nil)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("Tussen haakjes het 95%-interval") && summary.contains("opnieuw gekozen in"))
        let rows = TrustTests.csvRows(try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8))
        let low = rows[0].firstIndex(of: "PA_share_low")!
        #expect(rows.dropFirst().allSatisfy { !$0[low].isEmpty })
        // The groups of the demo corpus are small: no verdict, and the method under the table.
        #expect(html.contains("te klein") && html.contains("interval en p (tweezijdige bootstrap-p) komen uit dezelfde trekkingen"))
        let off = work.appendingPathComponent("off")
        #expect(try TestBinary.run(["analyze", "Corpus", "--out", off.path, "--quiet", "--top", "2", "--cache", cache.path, "--bootstrap", "0"]).status == 0)
        let plain = try String(contentsOf: off.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(plain.contains("Zonder intervallen (--bootstrap 0)") && plain.contains("(zonder interval: --bootstrap 0)"))
        #expect(try TestBinary.run(["analyze", "Corpus", "--out", work.appendingPathComponent("few").path, "--bootstrap", "20"]).status == 2)
    }
}

extension UncertaintyTests {
    /// Issue 22, item 8: sensitivity takes the run's own documents and errors; it scores again
    /// only the files the run could read, and never reads a failed one again.
    @Test func sensitivityDoesNotReadFailedFilesAgain() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        for name in ["meedoenburg-wmo-2015.txt", "kaderkerk-wmo-2015.txt"] {
            try FileManager.default.copyItem(at: TestBinary.root.appendingPathComponent("Corpus/\(name)"), to: plans.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: TestBinary.fixtures.appendingPathComponent("truncated.pdf"), to: plans.appendingPathComponent("kapot.pdf"))
        let out = work.appendingPathComponent("out")
        #expect(try TestBinary.run(["analyze", plans.path, "--out", out.path, "--quiet", "--cache", try DemoCache.copy(to: work.appendingPathComponent("cache"))]).status == 1)
        // Were it read again, this file would keep the reader busy until the time limit.
        try HostilePDF.fanOut().write(to: plans.appendingPathComponent("kapot.pdf"))
        let start = Date()
        let r = try TestBinary.run(["sensitivity", out.path, "--modes", "lexicon,exact", "--file-timeout", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 15)
        #expect(r.stderr.contains("lexicon (the run): 2 plans") && r.stderr.contains("exact: 2 plans scored again from the text cache"))
        #expect(r.stderr.contains("1 file(s) that failed in the run were not read again"), "\(r.stderr)")
    }
}
