import Foundation
import SturingTestSupport
import Testing

/// Issue 16: two periods of the demo corpus compared; the changed plans are named with the right
/// signs and sizes, and the change is larger than the uncertainty.
@Suite struct CompareTests {
    @Test func aChangedPlanIsNamedWithTheRightSign() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let fm = FileManager.default
        // The second period: the demo corpus (text plans only) with Kaderkerk rewritten toward SR.
        let period1 = work.appendingPathComponent("2015"), period2 = work.appendingPathComponent("2019")
        for dir in [period1, period2] { try fm.createDirectory(at: dir, withIntermediateDirectories: true) }
        let texts = ["kaderkerk-wmo-2015.txt", "meedoenburg-wmo-2015.txt", "netwerkerveen-wmo-2015.txt", "veerkrachtveen-wmo-2015.txt", "zelfredzaamwoude-wmo-2015.txt"]
        for name in texts {
            let source = TestBinary.root.appendingPathComponent("Corpus/\(name)")
            try fm.copyItem(at: source, to: period1.appendingPathComponent(name))
            var text = try String(contentsOf: source, encoding: .utf8)
            if name.hasPrefix("kaderkerk") {
                text += String(repeating: "Inwoners doen mee in de gemeenschap; vrijwilligers en maatwerk versterken de zelfredzaamheid en de participatiesamenleving. ", count: 80)
            }
            try Data(text.utf8).write(to: period2.appendingPathComponent(name))
        }
        let a = work.appendingPathComponent("out-2015"), b = work.appendingPathComponent("out-2019")
        #expect(try TestBinary.run(["analyze", period1.path, "--out", a.path, "--no-cache", "--quiet"]).status == 0)
        #expect(try TestBinary.run(["analyze", period2.path, "--out", b.path, "--no-cache", "--quiet"]).status == 0)
        let r = try TestBinary.run(["compare", a.path, b.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let rows = json["municipalities"] as! [[String: Any]]
        let kaderkerk = try #require(rows.first { $0["municipality"] as? String == "kaderkerk-wmo-2015" })
        let sr = (kaderkerk["perspectives"] as! [String: Any])["SR"] as! [String: Any]
        let pa = (kaderkerk["perspectives"] as! [String: Any])["PA"] as! [String: Any]
        #expect((sr["change"] as! Double) > 20 && (sr["clear"] as? Bool) == true)
        #expect((pa["change"] as! Double) < -10)
        // The others did not change: a change of exactly 0 with a zero-width interval (their
        // sentences are drawn alike in both periods), and they are not listed as moved.
        for row in rows where row["municipality"] as? String != "kaderkerk-wmo-2015" {
            #expect((row["distance"] as! Double) == 0 && (row["paired"] as? Bool) == true)
            for (_, value) in row["perspectives"] as! [String: Any] {
                let p = value as! [String: Any]
                #expect((p["change"] as! Double) == 0 && (p["change_low"] as! Double) == 0 && (p["change_high"] as! Double) == 0 && (p["clear"] as? Bool) == false)
            }
        }
        let markdown = try String(contentsOf: b.appendingPathComponent("compare/compare.md"), encoding: .utf8)
        let moved = markdown.components(separatedBy: "## Alle gemeenten")[0]
        #expect(moved.contains("**kaderkerk-wmo-2015**") && !moved.contains("meedoenburg"))
        #expect(try TestBinary.run(["compare", a.path, b.path, "--format", "csv", "--out", work.appendingPathComponent("c2").path]).stdout.hasPrefix("municipality,perspective,"))
        #expect(((kaderkerk["terms_rose"] as! [[String: Any]]).map { $0["term"] as! String }).contains("maatwerk"))
        for name in ["compare.csv", "compare.json", "compare.md", "compare.html"] {
            #expect(fm.fileExists(atPath: b.appendingPathComponent("compare/\(name)").path), "\(name)")
        }
        // Another match mode is refused unless --allow-different, and then every output says so.
        let exact = work.appendingPathComponent("out-exact")
        #expect(try TestBinary.run(["analyze", period2.path, "--out", exact.path, "--no-cache", "--quiet", "--match", "exact"]).status == 0)
        #expect(try TestBinary.run(["compare", a.path, exact.path]).status == 2)
        let allowed = try TestBinary.run(["compare", a.path, exact.path, "--allow-different", "--out", work.appendingPathComponent("c").path])
        #expect(allowed.status == 0 && allowed.stdout.contains("Let op: de twee runs zijn gemaakt met een ander lexicon"))
    }
}

extension CompareTests {
    /// A rekenkamer's page for one municipality, and group differences in the report.
    @Test func focusPageAndGroupDifferences() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--cache", try DemoCache.copy(), "--quiet", "--bootstrap", "200", "--focus", "Regelrecht"])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("focus-regelrecht.html"), encoding: .utf8)
        for part in ["<h1>Regelrecht</h1>", "Plaats in de rangorde", "kans op 1e plaats", "Gemeenten met het meest gelijke profiel", "Waar de aandelen op rusten", "categorie 100.000-", "regio oost"] {
            #expect(page.contains(part), "\(part)")
        }
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("Verschillen tussen groepen"))
        let typo = try TestBinary.run(["report", out.path, "--focus", "Regelrect"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'Regelrecht'"))
    }
}

extension CompareTests {
    /// Keyness on a constructed corpus finds the word placed only in the target plans.
    @Test func keynessFindsTheTargetWord() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        let base = try String(contentsOf: TestBinary.root.appendingPathComponent("Corpus/meedoenburg-wmo-2015.txt"), encoding: .utf8)
        var manifest = "file,municipality,region\n"
        for (i, region) in ["noord", "noord", "zuid", "zuid"].enumerated() {
            let extra = region == "noord" ? String(repeating: "Het wijkplatform bespreekt dit; wij samenwerken in het wijkplatform. ", count: 4) : "Wij werken door. "
            try Data((base + "\n" + extra + String(repeating: "plan\(i) ", count: 3)).utf8).write(to: plans.appendingPathComponent("p\(i).txt"))
            manifest += "p\(i).txt,Gemeente\(i),\(region)\n"
        }
        try Data(manifest.utf8).write(to: plans.appendingPathComponent("manifest.csv"))
        let out = work.appendingPathComponent("out")
        #expect(try TestBinary.run(["analyze", plans.path, "--out", out.path, "--quiet", "--cache", work.appendingPathComponent("cache").path, "--min-signal-words", "0"]).status == 0)
        let r = try TestBinary.run(["keyness", out.path, "--target", "region=noord", "--format", "json", "--min-frequency", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let words = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["words"] as! [[String: Any]]
        #expect(words.first?["word"] as? String == "wijkplatform")
        #expect(words.first?["target"] as? Int == 16 && words.first?["reference"] as? Int == 0 && words.first?["plans"] as? Int == 2)
        let samenwerken = try #require(words.first { $0["word"] as? String == "samenwerken" })
        #expect(samenwerken["in_lexicon"] as? Bool == true)
    }
}
