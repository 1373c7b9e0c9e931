import Foundation
import SturingTestSupport
import Testing

/// Issue 11 end to end on the demo corpus: sample, code (the test codes), score, report.
@Suite struct ValidationCLITests {
    @Test func theValidationLoop() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out"), cache = work.appendingPathComponent("cache")
        try DemoCache.copy(to: cache)
        #expect(try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--quiet", "--cache", cache.path]).status == 0)
        let sheet = work.appendingPathComponent("sheet.csv")
        let r = try TestBinary.run(["validate", "sample", out.path, "--matches", "8", "--sentences", "10", "--seed", "3", "--out", sheet.path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: sheet, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("sheet.md").path))
        // The same seed gives the same sheet without the text cache (the files are read again).
        try FileManager.default.removeItem(at: cache)
        let again = work.appendingPathComponent("again.csv")
        #expect(try TestBinary.run(["validate", "sample", out.path, "--matches", "8", "--sentences", "10", "--seed", "3", "--out", again.path]).status == 0)
        #expect(try String(contentsOf: again, encoding: .utf8) == text)
        var rows = TrustTests.csvRows(text)
        let header = rows[0]
        // The sheet is blind: what the tool found is in the key in the run folder, not in the sheet.
        #expect(!header.contains("found"))
        let keyRows = TrustTests.csvRows(try String(contentsOf: out.appendingPathComponent("validation/key-seed3-m8-s10.csv"), encoding: .utf8))
        let keyFound = Dictionary(uniqueKeysWithValues: keyRows.dropFirst().map { ($0[0], $0[keyRows[0].firstIndex(of: "found")!]) })
        let col = { (name: String) in header.firstIndex(of: name)! }
        #expect(rows.dropFirst().filter { $0[col("kind")] == "match" }.count == 32)
        #expect(rows.dropFirst().filter { $0[col("kind")] == "sentence" }.count == 10)
        // Sentences are sentences: four words or more, no captions.
        for row in rows.dropFirst() where row[col("kind")] == "sentence" {
            #expect(row[col("match")].split(separator: " ").count >= 4, "\(row[col("match")])")
            #expect(!row[col("match")].hasPrefix("Figuur") && !row[col("match")].hasPrefix("Tabel"))
        }
        // Coder A: every match signals its perspective except those of the first NPG term in the
        // sheet; each sentence expresses what was found, plus SR for the first sentence.
        let wrong = try #require(rows.dropFirst().first { $0[col("kind")] == "match" && $0[col("perspective")] == "NPG" })[col("term")]
        var first = true
        for i in rows.indices.dropFirst() {
            if rows[i][col("kind")] == "match" {
                rows[i][col("code")] = rows[i][col("term")] == wrong ? "0" : "1"
            } else {
                let found = keyFound[rows[i][col("id")]]!
                rows[i][col("code")] = first ? (found.isEmpty ? "SR" : found + "+SR") : (found.isEmpty ? "geen" : found)
                first = false
            }
            rows[i][col("coder")] = "A"
        }
        func csv(_ rows: [[String]]) -> String {
            rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        let coderA = work.appendingPathComponent("a.csv")
        try Data(csv(rows).utf8).write(to: coderA)
        // Coder B disagrees on one match, in Excel's Dutch dialect.
        var b = rows
        let firstMatch = b.firstIndex { $0[col("kind")] == "match" }!
        b[firstMatch][col("code")] = b[firstMatch][col("code")] == "1" ? "nee" : "ja"
        let coderB = work.appendingPathComponent("b.csv")
        let semicolon = "\u{FEFF}" + b.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        try Data(semicolon.utf8).write(to: coderB)
        // The sheets were saved elsewhere: their key is found through --run.
        #expect(try TestBinary.run(["validate", "score", coderA.path]).stderr.contains("no 'found' column and no key"))
        let scored = try TestBinary.run(["validate", "score", coderA.path, coderB.path, "--format", "json", "--run", out.path])
        #expect(scored.status == 0, "\(scored.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as! [String: Any]
        let precision = json["precision"] as! [String: Any]
        #expect(((precision["PA"] as! [String: Any])["value"] as! Double) == 1)
        let all = precision["all"] as! [String: Any]
        let wrongCount = rows.dropFirst().filter { $0[col("kind")] == "match" && $0[col("term")] == wrong }.count
        #expect((all["n"] as! Int) == 32 && abs((all["value"] as! Double) - Double(32 - wrongCount) / 32) < 1e-4)
        let lenient = json["precision_lenient"] as! [String: Any]
        #expect(((lenient["all"] as! [String: Any])["n"] as! Int) == 32)
        let npg = precision["NPG"] as! [String: Any]
        #expect((npg["value"] as! Double) < 1 && (npg["low"] as! Double) < (npg["value"] as! Double) && (npg["n"] as! Int) == 8)
        let alpha = json["alpha"] as! [String: Any]
        #expect((alpha["pairs"] as! Int) == 32 && (alpha["value"] as! Double) < 1 && (alpha["value"] as! Double) > 0.5)
        let recall = json["recall"] as! [String: Any]
        #expect(((recall["SR"] as! [String: Any])["n"] as! Int) >= 1)
        let terms = json["terms"] as! [[String: Any]]
        let wrongTerm = try #require(terms.first { $0["term"] as? String == wrong })
        #expect(((wrongTerm["precision"] as! [String: Any])["value"] as! Double) == 0)
        #expect(terms.first?["term"] as? String == wrong)  // lowest precision first
        // The report gains the section.
        let html = work.appendingPathComponent("r.html")
        let reported = try TestBinary.run(["report", out.path, "--out", html.path, "--validation", coderA.path, "--validation", coderB.path])
        #expect(reported.status == 0, "\(reported.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("Validatie tegen menselijke codering") && page.contains("Aandelen gecorrigeerd voor precisie (schatting)"))
        // A malformed sheet names the row.
        var bad = rows
        bad[1][col("code")] = "misschien"
        let badSheet = work.appendingPathComponent("bad.csv")
        try Data(csv(bad).utf8).write(to: badSheet)
        let refused = try TestBinary.run(["validate", "score", badSheet.path, "--run", out.path])
        #expect(refused.status == 2 && refused.stderr.contains("bad.csv:2:"), "\(refused.stderr)")
        // A row moved to another perspective is refused against the key.
        var moved = rows
        let npm = moved.firstIndex { $0[col("kind")] == "match" && $0[col("perspective")] == "PA" }!
        moved[npm][col("perspective")] = "NPM"
        let movedSheet = work.appendingPathComponent("moved.csv")
        try Data(csv(moved).utf8).write(to: movedSheet)
        let departed = try TestBinary.run(["validate", "score", movedSheet.path, "--run", out.path])
        #expect(departed.status == 2 && departed.stderr.contains("but it was drawn as PA"), "\(departed.stderr)")
        // --format csv writes CSV, md Markdown.
        let asCSV = try TestBinary.run(["validate", "score", coderA.path, "--format", "csv", "--run", out.path])
        #expect(asCSV.status == 0 && asCSV.stdout.hasPrefix("scope,perspective,term,precision,"))
        #expect(asCSV.stdout.split(separator: "\n")[1].hasPrefix("all,,,"))
        let asMD = try TestBinary.run(["validate", "score", coderA.path, "--format", "md", "--run", out.path])
        #expect(asMD.stdout.hasPrefix("## Validatie tegen menselijke codering") && asMD.stdout.contains("| **alle treffers** | "))
        // --show-found puts the tool's finding in the last column.
        let shown = work.appendingPathComponent("shown.csv")
        #expect(try TestBinary.run(["validate", "sample", out.path, "--matches", "2", "--sentences", "2", "--show-found", "--out", shown.path]).status == 0)
        #expect(TrustTests.csvRows(try String(contentsOf: shown, encoding: .utf8))[0].last == "found")
    }
}
