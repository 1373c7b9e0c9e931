import Foundation
import SturingCore
import Testing
@testable import SturingText

/// Issue 15: dictionaries of other tools in and out.
@Suite struct DictionaryTests {
    static func write(_ text: String, _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-dict-\(UUID().uuidString)-\(name)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aRealWorldShapedLIWCFileLoadsWithAReportOfWhatWasSkipped() throws {
        // BOM, CRLF, tabs and spaces, a * wildcard, a multi-word entry, a duplicate line, a
        // conditional category, a word in two perspectives, a category that maps to nothing.
        let dic = "\u{FEFF}%\r\n1\tRegels\r\n2 Prestatie\r\n3\tOverig\r\n%\r\nregels\t1\r\nkader*\t1\r\nmeten 2\r\neigen kracht\t1\r\nregels\t1\r\nlike\t<1>3\r\nsturen\t1 2\r\nweer\t3\r\n"
        let path = try Self.write(dic, "x.dic")
        let r = try DictionaryImport.load(path: path, mapping: ["1": .pa, "prestatie": .npm])
        #expect(r.lexicon.entries.map(\.term) == ["regels", "kader*", "meten", "eigen kracht", "sturen"])
        #expect(r.lexicon.entries.map(\.perspective) == [.pa, .pa, .npm, .pa, .pa])
        #expect(r.lexicon.entries[1].match == .glob)
        #expect(r.skipped.contains { $0.contains("conditional category") })
        #expect(r.skipped.contains { $0.contains("'sturen' is in categories of NPM and PA") })
        #expect(r.skipped.contains { $0.contains("category '3 Overig' is mapped to no perspective") })
        let s = try scoreWith(r.lexicon, "De regels en kaders; wij meten met eigen kracht.")
        #expect(s.count(.pa) == 3 && s.count(.npm) == 1)
    }

    @Test func otherFormats() throws {
        let yaml = try Self.write("PA:\n  - regels\n  - kader*\nNPM:\n  prestaties:\n    - meten\n    - prestatie*\n", "q.yaml")
        let q = try DictionaryImport.load(path: yaml)
        #expect(q.lexicon.entries.map { "\($0.perspective.code):\($0.term)" } == ["PA:regels", "PA:kader*", "NPM:meten", "NPM:prestatie*"])
        let lc3 = try Self.write("+PA\nregels\nkader*\n+SR\nmeedoen\n(mee)?doen\n", "l.lc3")
        let l = try DictionaryImport.load(path: lc3)
        #expect(l.lexicon.entries.count == 3 && l.skipped.contains { $0.contains("regular expression") })
        let dicx = try Self.write("DicTerm,PA,NPM\nregels,X,\nmeten,,0.5\n", "d.dicx")
        let d = try DictionaryImport.load(path: dicx)
        #expect(d.lexicon.entries.map(\.term) == ["regels", "meten"] && d.skipped.contains { $0.contains("weights") })
    }

    @Test func exportedAndImportedAgainScoresIdentically() throws {
        let text = "Wij regelen de regels, meten de prestatie en werken samen in het wijkteam; inwoners doen mee met eigen kracht. Maatwerk en maatschappij."
        let original = try LexiconLoader.loadCSV("perspective,term\nPA,regels\nPA,regelen\nNPM,meten\nNPM,prestatie\nNPG,wijkteam\nNPG,samen*\nSR,eigen kracht\nSR,maat*\n", path: "c.csv", sha256: "")
        let (terms, _) = DictionaryExport.terms(original)
        for (format, text2) in [("dic", DictionaryExport.dic(terms)), ("yaml", DictionaryExport.yaml(terms))] {
            let path = try Self.write(text2, "rt.\(format)")
            let back = try DictionaryImport.load(path: path)
            let a = try scoreWith(original, text), b = try scoreWith(back.lexicon, text)
            #expect(Perspective.allCases.map { a.count($0) } == Perspective.allCases.map { b.count($0) }, "\(format)")
            #expect(back.skipped.isEmpty)
        }
        // Written back in sturing's own format, it loads as it was.
        let yaml = LexiconWriter.yaml(original)
        let again = try LexiconLoader.loadYAML(yaml, path: "w.yaml", sha256: "")
        #expect(again.entries.map(\.term) == original.entries.map(\.term) && again.entries.map(\.match) == original.entries.map(\.match))
    }
}
