import Foundation
import SturingTestSupport
import Testing

/// Issue 23 end to end: train, disambiguate, refuse a wrong model.
@Suite struct DisambiguateCLITests {
    /// `validate train` on the repository's coded sheets gives the built-in model byte for byte,
    /// and prints the cross-validated figures the README states.
    @Test func trainingOnTheCodedSheetsGivesTheBuiltInModel() throws {
        let dir = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("model.json")
        let run = try TestBinary.run(["validate", "train", "data/coded/municipal-documents-2026.csv", "data/coded/wmo-excerpts-2026.csv", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let shipped = try Data(contentsOf: TestBinary.root.appendingPathComponent("Lexicons/nijdam-2019.model.json"))
        #expect(try Data(contentsOf: out) == shipped, "retrain with scripts/embed-model")
        #expect(run.stdout.contains("| **alle** | 614 | 0,55 (0,51–0,59) | 0,78 (0,74–0,82) | 0,82 (0,78–0,86) |"), "\(run.stdout)")
        #expect(run.stderr.contains("8 row(s) coded unclear or not coded were left out"))
        let explain = try TestBinary.run(["lexicon", "explain", out.path, "taak"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("## taak (NPG)"))
        #expect(explain.stdout.contains("Zonder context: p = 0,"))
    }

    @Test func disambiguatedRunsKeepRawAndCorrectedSharesSideBySide() throws {
        let dir = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try RunFolderTests.corpus(dir, ["netwerkerveen-wmo-2015.txt", "kaderkerk-wmo-2015.txt"])
        let raw = try TestBinary.run(["score", corpus.appendingPathComponent("netwerkerveen-wmo-2015.txt").path, "--format", "json"])
        let weighed = try TestBinary.run(["score", corpus.appendingPathComponent("netwerkerveen-wmo-2015.txt").path, "--format", "json", "--disambiguate"])
        #expect(raw.status == 0 && weighed.status == 0, "\(weighed.stderr)")
        #expect(!raw.stdout.contains("\"share_raw\""))
        #expect(weighed.stdout.contains("\"share_raw\"") && weighed.stdout.contains("\"expected\"") && weighed.stdout.contains("\"terms_expected\""))
        #expect(weighed.stdout.contains("\"fingerprint\""))
        // The interval of a corrected share also carries the model's uncertainty: wider.
        func width(_ json: String) throws -> Double {
            let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let doc = try #require((root["documents"] as? [[String: Any]])?.first)
            let npg = try #require((doc["uncertainty"] as? [String: Any])?["NPG"] as? [String: Double], "\(doc.keys)")
            return try #require(npg["share_high"]) - #require(npg["share_low"])
        }
        #expect(try width(weighed.stdout) > width(raw.stdout))
        let out = dir.appendingPathComponent("run")
        let run = try TestBinary.run(["analyze", corpus.path, "--out", out.path, "--disambiguate", "--bootstrap", "200"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("Gecorrigeerd voor betekenis") && report.contains("precisie 0,78 tegen 0,55"))
        // scores.csv: the corrected share in PA_share, the raw one and the expected count beside it.
        let csv = try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = Dictionary(uniqueKeysWithValues: csv[0].enumerated().map { ($1, $0) })
        let row = try #require(csv.first { $0.first == "netwerkerveen-wmo-2015" } ?? csv.dropFirst().first)
        let expected = try #require(Double(row[column["NPG_expected"]!])), share = try #require(Double(row[column["NPG_share"]!]))
        let rawShare = try #require(Double(row[column["NPG_share_raw"]!]))
        #expect(expected > 0 && expected < Double(row[column["NPG_count"]!])!)
        #expect(share != rawShare)
        // `report` rebuilds the same from scores.json, model and all.
        let again = dir.appendingPathComponent("again.html")
        let rebuilt = try TestBinary.run(["report", out.appendingPathComponent("scores.json").path, "--out", again.path])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try String(contentsOf: again, encoding: .utf8).contains("Gecorrigeerd voor betekenis"))
    }

    @Test func aModelForAnotherLexiconIsRefusedBeforeAnythingIsScored() throws {
        let dir = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lexicon = dir.appendingPathComponent("eigen.csv")
        try Data("perspective,term\nNPG,samenwerken\nPA,regels\n".utf8).write(to: lexicon)
        let run = try TestBinary.run(["score", "Corpus/kaderkerk-wmo-2015.txt", "--lexicon", lexicon.path, "--model", "Lexicons/nijdam-2019.model.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("trained for the lexicon 'nijdam-2019'"), "\(run.stderr)")
        let builtin = try TestBinary.run(["score", "Corpus/kaderkerk-wmo-2015.txt", "--lexicon", lexicon.path, "--disambiguate"])
        #expect(builtin.status == 2 && builtin.stderr.contains("has no built-in context model"), "\(builtin.stderr)")
    }
}

extension DisambiguateCLITests {
    /// `kwic --disambiguate`: each line with the probability its match counted with; the sum over
    /// a term's lines is the term's expected count in `score`.
    @Test func kwicShowsEachMatchsProbability() throws {
        let file = "Corpus/netwerkerveen-wmo-2015.txt"
        let kwic = try TestBinary.run(["kwic", file, "--term", "taak", "--format", "csv", "--disambiguate"])
        #expect(kwic.status == 0, "\(kwic.stderr)")
        let rows = kwic.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0].last == "p")
        let ps = rows.dropFirst().compactMap { Double($0.last ?? "") }
        #expect(ps.count == rows.count - 1 && ps.count == 21)
        #expect(ps.allSatisfy { $0 > 0 && $0 < 1 })
        let score = try TestBinary.run(["score", file, "--format", "json", "--disambiguate", "--bootstrap", "0"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        let doc = try #require((root["documents"] as? [[String: Any]])?.first)
        let expected = try #require(((doc["terms_expected"] as? [String: Any])?["NPG"] as? [String: Double])?["taak"])
        #expect(abs(ps.reduce(0, +) - expected) < 1e-9)
        let refused = try TestBinary.run(["kwic", file, "--word", "zorg", "--disambiguate"])
        #expect(refused.status == 2)
    }
}

extension DisambiguateCLITests {
    /// `report --disambiguate` redraws a run counted with the model and refuses, with the command
    /// that counts it so, a run counted without (a report never recounts); `validate sample
    /// --disambiguate` keys each sentence by what the model finds in it.
    @Test func reportAndSampleTakeTheModelOfTheRun() throws {
        let dir = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try RunFolderTests.corpus(dir, ["netwerkerveen-wmo-2015.txt"])
        let plain = dir.appendingPathComponent("plain"), weighed = dir.appendingPathComponent("weighed")
        #expect(try TestBinary.run(["analyze", corpus.path, "--out", plain.path, "--bootstrap", "0"]).status == 0)
        #expect(try TestBinary.run(["analyze", corpus.path, "--out", weighed.path, "--bootstrap", "0", "--disambiguate"]).status == 0)
        let refused = try TestBinary.run(["report", plain.path, "--disambiguate"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("counted without a context model") && refused.stderr.contains("--disambiguate --out NEW-FOLDER"), "\(refused.stderr)")
        let accepted = try TestBinary.run(["report", weighed.path, "--disambiguate"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let other = try TestBinary.run(["report", weighed.path, "--model", "Lexicons/nijdam-2019-plus.model.json"])
        #expect(other.status != 0 && other.stderr.contains("trained for the lexicon 'nijdam-2019-plus'"), "\(other.stderr)")

        func keyFound(_ flags: [String]) throws -> [String] {
            let sheet = dir.appendingPathComponent("sheet-\(flags.count).csv")
            let run = try TestBinary.run(["validate", "sample", weighed.path, "--matches", "0", "--sentences", "200", "--seed", "2", "--out", sheet.path] + flags)
            #expect(run.status == 0, "\(run.stderr)")
            let keyFile = try #require(try FileManager.default.contentsOfDirectory(atPath: weighed.appendingPathComponent("validation").path).first { $0.hasPrefix("key-") })
            let key = try String(contentsOf: weighed.appendingPathComponent("validation/" + keyFile), encoding: .utf8)
            return key.split(separator: "\n").map(String.init)
        }
        let raw = try keyFound([]), model = try keyFound(["--disambiguate"])
        #expect(raw.count == model.count && raw.count > 100)
        #expect(raw != model, "with the model, some sentences with a weak match are no longer keyed as found")
    }
}
