import Foundation
import SturingTestSupport
import Testing

/// Issue 8 and 9 end to end: thresholds, hostile names through every output.
@Suite struct TrustTests {
    /// A small RFC 4180 reader (quotes, doubled quotes, separators and line breaks inside quotes).
    static func csvRows(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String]] {
        var rows = [[String]](), row = [String](), field = String.UnicodeScalarView()
        var quoted = false, i = text.unicodeScalars.startIndex
        let s = text.unicodeScalars
        while i < s.endIndex {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    let n = s.index(after: i)
                    if n < s.endIndex && s[n] == "\"" { field.append("\""); i = n } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == delimiter { row.append(String(field)); field = .init()
            } else if c == "\n" { row.append(String(field)); rows.append(row); row = []; field = .init()
            } else if c != "\u{FEFF}" { field.append(c) }
            i = s.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
        return rows
    }

    static let demo = TestBinary.root.appendingPathComponent("Corpus")

    @Test func elevenWordPlanIsScoredButNeverRanked() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        for name in ["regelrecht-wmo-2015.pdf", "prestadam-wmo-2015.pdf", "netwerkerveen-wmo-2015.txt", "meedoenburg-wmo-2015.txt"] {
            try FileManager.default.copyItem(at: Self.demo.appendingPathComponent(name), to: plans.appendingPathComponent(name))
        }
        // Eleven words, two signal words (both SR): 100 % SR on two words.
        try Data("Wij willen dat iedereen kan meedoen in de gemeenschap hier.".utf8).write(to: plans.appendingPathComponent("elfwoord.txt"))
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--quiet", "--top", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = Self.csvRows(try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8))
        let header = rows[0]
        let ranked = try #require(header.firstIndex(of: "ranked")), warnings = try #require(header.firstIndex(of: "warnings"))
        let eleven = try #require(rows.first { $0[0] == "elfwoord" })
        #expect(eleven[header.firstIndex(of: "signal_words")!] == "2")
        #expect(eleven[ranked] == "no")
        #expect(eleven[warnings].hasPrefix("niet gerangschikt: 2 signaalwoorden, minder dan 20"))
        #expect(rows.dropFirst().filter { $0[0] != "elfwoord" }.allSatisfy { $0[ranked] == "yes" })

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("scores.json"))) as! [String: Any]
        #expect((json["settings"] as! [String: Any])["min_signal_words"] as? Int == 20)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("## Niet gerangschikt: te weinig signaalwoorden"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Niet gerangschikt: te weinig signaalwoorden"))
        // No list, mean or case names it.
        let rank = try TestBinary.run(["rank", out.appendingPathComponent("scores.csv").path, "--format", "json", "--top", "5"])
        #expect(rank.status == 0)
        #expect(!rank.stdout.contains("elfwoord"))
        #expect(rank.stderr.contains("elfwoord is not ranked: 2 signal words"))
        let means = ((try JSONSerialization.jsonObject(with: Data(rank.stdout.utf8)) as! [String: Any])["means"] as! [String: Any])["all"] as! [String: Any]
        #expect(means["n"] as? Int == 4)
        let select = try TestBinary.run(["select", out.appendingPathComponent("scores.csv").path, "--format", "json", "--distinct", "none"])
        #expect(!select.stdout.contains("elfwoord"))
        let selectionPart = summary.components(separatedBy: "## Selectie van casussen").last ?? ""
        #expect(!selectionPart.components(separatedBy: "## Termen").first!.contains("elfwoord"))
        // --min-signal-words 0 restores ranking every plan.
        let all = try TestBinary.run(["select", out.appendingPathComponent("scores.csv").path, "--format", "json", "--distinct", "none", "--min-signal-words", "0"])
        let cases = (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as! [String: Any])["cases"] as! [[String: Any]]
        #expect(cases[3]["municipality"] as? String == "elfwoord")
    }

    static let payloads = [
        "Aa\"\u{301}><svg onload=alert(1)>",
        "Bee,\u{301}rs",
        "=HYPERLINK(\"http://x.invalid\",\"klik\")",
        "Rood\u{1B}[31mBel\u{07}",
        "Twee\r\nRegels",
        "Pi|pe`code` <b>vet</b>",
    ]

    @Test func hostileNamesPassEveryOutputEscaped() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        let source = try String(contentsOf: Self.demo.appendingPathComponent("meedoenburg-wmo-2015.txt"), encoding: .utf8)
        var manifest = "file,municipality,category,region,province\n"
        for (i, name) in Self.payloads.enumerated() {
            let file = "p\(i)-<img src=x onerror=1>\u{1B}[2J.txt"
            // Different text per plan, so no two plans are byte-identical.
            try Data((source + "\nPlan \(i) van \(name).\n" + String(repeating: "regels ", count: i + 1)).utf8).write(to: plans.appendingPathComponent(file))
            // Quoted on scalars (a Character-based replace would miss the quote before U+0301).
            func q(_ s: String) -> String {
                var out = String.UnicodeScalarView()
                for c in s.unicodeScalars { if c == "\"" { out.append("\"") }; out.append(c) }
                return "\"" + String(out) + "\""
            }
            manifest += [file, name, "100.000-", "west", "Provincie \(name)"].map(q).joined(separator: ",") + "\n"
        }
        try Data(manifest.utf8).write(to: plans.appendingPathComponent("manifest.csv"))
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--top", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        for stream in [r.stdout, r.stderr] {
            #expect(!stream.unicodeScalars.contains("\u{1B}") && !stream.unicodeScalars.contains("\u{07}"))
        }
        // report.html: no markup from a user's string.
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<svg onload") && !html.contains("<img src") && !html.contains("<b>vet"))
        #expect(!html.unicodeScalars.contains("\u{1B}"))
        #expect(html.contains("Aa&quot;\u{301}&gt;&lt;svg onload=alert(1)&gt;"))
        // summary.md: no raw '<' anywhere, no control characters, rows never split.
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(!summary.contains("<"))
        #expect(!summary.unicodeScalars.contains("\u{1B}") && !summary.unicodeScalars.contains("\r"))
        for line in summary.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.unicodeScalars.split(separator: "|").count
            #expect(cells >= 3, "\(line)")
        }
        // scores.csv and errors.csv: every row has the header's columns; formulas neutralised.
        for name in ["scores.csv", "errors.csv"] {
            let rows = Self.csvRows(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8))
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(name)")
        }
        let scores = Self.csvRows(try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8))
        #expect(Set(scores.dropFirst().map { $0[0] }) == Set(Self.payloads.map { $0.hasPrefix("=") ? "'" + $0 : $0 }))
        #expect(scores.dropFirst().allSatisfy { !$0.contains { $0.hasPrefix("=") || $0.hasPrefix("+") || $0.hasPrefix("@") } })
        // JSON keeps every name exactly.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("scores.json"))) as! [String: Any]
        let names = (json["plans"] as! [[String: Any]]).compactMap { $0["municipality"] as? String }
        #expect(Set(names) == Set(Self.payloads))
        // select reads the table back: the comma-with-mark name stays in its column.
        let select = try TestBinary.run(["select", out.appendingPathComponent("scores.csv").path, "--format", "json", "--distinct", "none"])
        #expect(select.status == 0, "\(select.stderr)")
        let picked = ((try JSONSerialization.jsonObject(with: Data(select.stdout.utf8)) as! [String: Any])["cases"] as! [[String: Any]]).compactMap { $0["municipality"] as? String }
        #expect(picked.allSatisfy { Self.payloads.contains($0) || Self.payloads.contains(String($0.dropFirst())) })
        // The terminal table of select and kwic escape control characters.
        let table = try TestBinary.run(["select", out.appendingPathComponent("scores.csv").path, "--distinct", "none"])
        #expect(!table.stdout.unicodeScalars.contains("\u{1B}"))
        let kwic = try TestBinary.run(["kwic", plans.path, "--perspective", "PA"])
        #expect(!kwic.stdout.unicodeScalars.contains("\u{1B}") && !kwic.stderr.unicodeScalars.contains("\u{1B}"))
        let kwicCSV = try TestBinary.run(["kwic", plans.path, "--perspective", "PA", "--format", "csv"])
        let kwicRows = Self.csvRows(kwicCSV.stdout)
        #expect(kwicRows.count > 1 && kwicRows.allSatisfy { $0.count == kwicRows[0].count })
    }
}

extension TrustTests {
    /// Issue 9: a PDF that keeps poppler busy for ever is stopped; the run finishes with exit 1.
    @Test(.timeLimit(.minutes(5))) func aHangingPDFIsStoppedAndTheRunFinishes() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try HostilePDF.fanOut().write(to: plans.appendingPathComponent("eindeloos.pdf"))
        try FileManager.default.copyItem(at: Self.demo.appendingPathComponent("meedoenburg-wmo-2015.txt"),
                                         to: plans.appendingPathComponent("meedoenburg.txt"))
        let out = work.appendingPathComponent("out")
        let start = Date()
        let r = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--quiet", "--file-timeout", "2", "--jobs", "2"])
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(r.status == 1, "\(r.stderr)")
        let errors = Self.csvRows(try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8))
        #expect(errors.count == 2)
        #expect(errors[1][0].hasSuffix("eindeloos.pdf") && errors[1][1].hasPrefix("gestopt na 2 s"))
        let scores = Self.csvRows(try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8))
        #expect(scores.dropFirst().map { $0[0] } == ["meedoenburg"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
    }
}

extension TrustTests {
    /// Issue 9, done when: one folder with all of it at once; the run finishes, scores every good
    /// plan and lists every bad one with its reason.
    @Test func everythingAtOnce() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        let fm = FileManager.default
        try fm.createDirectory(at: plans, withIntermediateDirectories: true)
        let good = ["kaderkerk-wmo-2015.txt", "meedoenburg-wmo-2015.txt", "regelrecht-wmo-2015.pdf"]
        for name in good { try fm.copyItem(at: Self.demo.appendingPathComponent(name), to: plans.appendingPathComponent(name)) }
        try fm.copyItem(at: Self.demo.appendingPathComponent("meedoenburg-wmo-2015.txt"), to: plans.appendingPathComponent("gedeeld.txt"))
        try HostilePDF.fanOut().write(to: plans.appendingPathComponent("eindeloos.pdf"))
        for fixture in ["encrypted.pdf", "truncated.pdf", "image-only.pdf", "garbage.bin", "empty.txt"] {
            try fm.copyItem(at: TestBinary.fixtures.appendingPathComponent(fixture), to: plans.appendingPathComponent(fixture))
        }
        try Data("Iedereen kan meedoen.".utf8).write(to: plans.appendingPathComponent("kort.txt"))
        try Data("Geheim.".utf8).write(to: work.appendingPathComponent("geheim.txt"))
        let sub = plans.appendingPathComponent("sub")
        try fm.createDirectory(at: sub, withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: sub.appendingPathComponent("lus").path, withDestinationPath: sub.path)
        var manifest = "file,municipality\n"
        manifest += "kaderkerk-wmo-2015.txt,\"Aa\"\"\u{301}><svg onload=alert(1)>\"\n"
        manifest += "meedoenburg-wmo-2015.txt,\"=HYPERLINK(\"\"x\"\")\"\nregelrecht-wmo-2015.pdf,Regelrecht\ngedeeld.txt,Gedeeld\n"
        manifest += "eindeloos.pdf,Eindeloos\nencrypted.pdf,Geheimstad\ntruncated.pdf,Kapot\nimage-only.pdf,Scan\n"
        manifest += "garbage.bin,Binair\nempty.txt,Leeg\nkort.txt,Kort\n../geheim.txt,Buiten\n"
        try Data(manifest.utf8).write(to: plans.appendingPathComponent("manifest.csv"))
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--file-timeout", "3", "--follow-links"])
        let quiet = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--file-timeout", "3", "--follow-links", "--quiet", "--overwrite"])
        #expect(quiet.stdout.isEmpty && !quiet.stderr.contains("warning") && quiet.stderr.contains("error"))
        #expect(r.status == 1, "\(r.stderr)")
        let scores = Self.csvRows(try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8))
        #expect(Set(scores.dropFirst().map { $0[0] }) == ["Aa\"\u{301}><svg onload=alert(1)>", "'=HYPERLINK(\"x\")", "Regelrecht", "Gedeeld", "Kort", "Scan"])
        let errors = Self.csvRows(try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8))
        func reason(_ file: String) -> String { errors.first { $0[0].hasSuffix(file) }?[1] ?? "(not listed)" }
        #expect(reason("eindeloos.pdf").hasPrefix("gestopt na 3 s"))
        #expect(reason("encrypted.pdf").contains("encrypted"))
        #expect(reason("truncated.pdf").contains("damaged"))
        #expect(reason("image-only.pdf") == "(not listed)")  // a scan: read by OCR
        #expect(reason("garbage.bin").contains("binary"))
        #expect(reason("empty.txt").contains("empty file"))
        #expect(reason("../geheim.txt").contains("outside the corpus folder"))
        #expect(reason("sub/lus").contains("symbolic link loop"))
        #expect(r.stderr.contains("identieke bestanden"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<svg onload") && html.contains("Niet gerangschikt"))
    }
}
