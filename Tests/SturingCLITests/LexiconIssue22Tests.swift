import Foundation
import SturingTestSupport
import Testing

/// Issue 22, items 7, 11, 13 and 17 end to end: `lexicon import` guides, refuses an alias bomb,
/// and `analyze` with a big lexicon finishes and writes only the terms that counted.
@Suite struct LexiconIssue22Tests {
    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func importListsCategoriesAndSaysHowToMapThem() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let dic = try write("%\n01\tregels\n02\tprestatie\n%\nregels\t01\nmeten\t02\n", "d.dic", in: work)
        let bare = try TestBinary.run(["lexicon", "import", dic])
        #expect(bare.status == 2)
        #expect(bare.stderr.hasPrefix("sturing: error: \(dic): none of its 2 categories is mapped to a perspective (map them with --map, e.g. --map 01=PA,02=NPM;"))
        let list = try TestBinary.run(["lexicon", "import", dic, "--list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("  01 regels (1 word)\n  02 prestatie (1 word)\n"))
        let mapped = try TestBinary.run(["lexicon", "import", dic, "--map", "1=PA,2=NPM", "--language", "nl"])
        #expect(mapped.status == 0 && mapped.stdout.contains("{term: \"meten\", perspective: NPM}") && mapped.stdout.contains("language: \"nl\""))
        let cat = try write("REGELS\n\tKADER* (1)\n\tREGELS (1)\n", "w.cat", in: work)
        let wordStat = try TestBinary.run(["lexicon", "import", cat, "--map", "regels=PA"])
        #expect(wordStat.status == 0 && wordStat.stdout.contains("{term: \"kader*\", perspective: PA}"))
        #expect(wordStat.stderr.contains("labelled 'und', not Dutch: give --language nl"))
    }

    @Test func anAliasBombIsRefusedAtOnce() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for d in 1...9 { lines.append("a\(d): &a\(d) [" + Array(repeating: "*a\(d - 1)", count: 9).joined(separator: ",") + "]") }
        let bomb = try write(lines.joined(separator: "\n") + "\n", "bomb.yaml", in: work)
        let started = Date()
        let imported = try TestBinary.run(["lexicon", "import", bomb, "--map", "a0=PA"])
        let shown = try TestBinary.run(["score", "Corpus/kaderkerk-wmo-2015.txt", "--lexicon", bomb])
        #expect(Date().timeIntervalSince(started) < 10)
        for run in [imported, shown] {
            #expect(run.status == 2)
            #expect(run.stderr.contains("sturing: error: \(bomb):2: uses the YAML alias *a0; sturing reads no aliases"))
        }
    }

    @Test func analyzeWithABigLexiconFinishesAndListsOnlyCountedTerms() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        _ = try write(String(repeating: "De gemeente stelt regels en kaders. Inwoners doen mee; meedoen telt. ", count: 40), "a.txt", in: plans)
        var csv = "perspective,term\nPA,regels\nSR,meedoen\n"
        for i in 0..<30_000 { csv += "NPM,woord\(i)x\n" }
        let lexicon = try write(csv, "big.csv", in: work)
        let out = work.appendingPathComponent("out")
        let run = try TestBinary.run(["analyze", plans.path, "--lexicon", lexicon, "--out", out.path, "--no-manifest"])
        #expect(run.status == 0, "\(run.stderr)")
        let runJSON = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(runJSON.contains("\"finished\"") && !runJSON.contains("\"running\""))
        let line = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
        #expect(line.contains("\"terms\":{\"PA\":{\"regels\":40},\"NPM\":{},\"NPG\":{},\"SR\":{\"meedoen\":40}}"))
        #expect(line.utf8.count < 20_000)
        let scores = try String(contentsOf: out.appendingPathComponent("scores.json"), encoding: .utf8)
        #expect(scores.contains("\"message\": \"30000 of the 30002 terms matched nothing in 1 document(s)") && scores.contains("\"count\": 30000"), "\(scores.prefix(3000))")
    }
}
