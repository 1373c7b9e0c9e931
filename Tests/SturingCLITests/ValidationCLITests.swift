import Foundation
import Testing

/// Issue 11 end to end on the demo corpus: sample, code (the test codes), score, report.
@Suite struct ValidationCLITests {
    @Test func theValidationLoop() throws {
        let work = CLITests.temp()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out"), cache = work.appendingPathComponent("cache")
        #expect(try CLITests.run(["analyze", "Corpus", "--out", out.path, "--quiet", "--cache", cache.path]).status == 0)
        let sheet = work.appendingPathComponent("sheet.csv")
        let r = try CLITests.run(["validate", "sample", out.path, "--matches", "8", "--sentences", "10", "--seed", "3", "--out", sheet.path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: sheet, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("sheet.md").path))
        // The same seed gives the same sheet without the text cache (the files are read again).
        try FileManager.default.removeItem(at: cache)
        let again = work.appendingPathComponent("again.csv")
        #expect(try CLITests.run(["validate", "sample", out.path, "--matches", "8", "--sentences", "10", "--seed", "3", "--out", again.path]).status == 0)
        #expect(try String(contentsOf: again, encoding: .utf8) == text)
        var rows = TrustTests.csvRows(text)
        let header = rows[0]
        let col = { (name: String) in header.firstIndex(of: name)! }
        #expect(rows.dropFirst().filter { $0[col("kind")] == "match" }.count == 32)
        #expect(rows.dropFirst().filter { $0[col("kind")] == "sentence" }.count == 10)
        // Coder A: every match signals its perspective except those of the first NPG term in the
        // sheet; each sentence expresses what was found, plus SR for the first sentence.
        let wrong = try #require(rows.dropFirst().first { $0[col("kind")] == "match" && $0[col("perspective")] == "NPG" })[col("term")]
        var first = true
        for i in rows.indices.dropFirst() {
            if rows[i][col("kind")] == "match" {
                rows[i][col("code")] = rows[i][col("term")] == wrong ? "0" : "1"
            } else {
                let found = rows[i][col("found")]
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
        let scored = try CLITests.run(["validate", "score", coderA.path, coderB.path, "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as! [String: Any]
        let precision = json["precision"] as! [String: Any]
        #expect(((precision["PA"] as! [String: Any])["value"] as! Double) == 1)
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
        #expect(try CLITests.run(["report", out.path, "--out", html.path, "--validation", coderA.path, "--validation", coderB.path]).status == 0)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("Validatie tegen menselijke codering") && page.contains("Aandelen gecorrigeerd voor precisie (schatting)"))
        // A malformed sheet names the row.
        var bad = rows
        bad[1][col("code")] = "misschien"
        let badSheet = work.appendingPathComponent("bad.csv")
        try Data(csv(bad).utf8).write(to: badSheet)
        let refused = try CLITests.run(["validate", "score", badSheet.path])
        #expect(refused.status == 2 && refused.stderr.contains("bad.csv:2:"))
    }
}
