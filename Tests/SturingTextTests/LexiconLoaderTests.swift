import Foundation
import SturingCore
import Testing
@testable import SturingText

@Suite struct LexiconLoaderTests {
    static let referenceData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../data").standardized

    func loadError(_ yaml: String) -> LexiconError? {
        do { _ = try LexiconLoader.loadYAML(yaml, path: "bad.yaml", sha256: ""); return nil } catch { return error }
    }

    @Test func unknownPerspectiveNamesTheLine() {
        let e = loadError("name: x\nentries:\n  - term: meten\n    perspective: NPX\n")
        #expect(e?.line == 4)
        #expect(e?.message.contains("unknown perspective 'NPX'") == true)
    }

    @Test func emptyTerm() {
        let e = loadError("name: x\nentries:\n  - term: \"\"\n    perspective: PA\n")
        #expect(e?.line == 3)
        #expect(e?.message.contains("without a term") == true)
    }

    @Test func badGlobs() {
        #expect(loadError("entries:\n  - {term: \"zelf*redzaam\", perspective: SR}\n")?.message.contains("bad glob") == true)
        #expect(loadError("entries:\n  - {term: \"*\", perspective: SR}\n")?.message.contains("matches every word") == true)
        #expect(loadError("entries:\n  - {term: zelfredzaam, perspective: SR, match: glob}\n")?.message.contains("has no *") == true)
        #expect(loadError("entries:\n  - {term: meten, perspective: SR, exclude: [\"m*t\"]}\n")?.message.contains("bad glob") == true)
    }

    @Test func typosInKeysAreCaught() {
        #expect(loadError("entries:\n  - {term: meten, perspective: NPM, exlude: [met]}\n")?.message.contains("unknown entry key 'exlude'") == true)
        #expect(loadError("nmae: x\nentries:\n  - {term: meten, perspective: NPM}\n")?.message.contains("unknown key 'nmae'") == true)
    }

    @Test func duplicatesAndBadModes() {
        #expect(loadError("entries:\n  - {term: meten, perspective: NPM}\n  - {term: Meten, perspective: NPM}\n")?.message.contains("listed twice") == true)
        #expect(loadError("entries:\n  - {term: meten, perspective: NPM, match: fuzzy}\n")?.message.contains("unknown match mode") == true)
        #expect(loadError("entries: [\n")?.message.hasPrefix("not valid YAML") == true)
        #expect(loadError("entries:\n  - {term: kader, perspective: PA, exclude_phrases: [kader]}\n")?.message.contains("single word") == true)
    }

    @Test func appendixCCSVLoadsAsExactForms() throws {
        let lexicon = try LexiconLoader.load(path: Self.referenceData.appendingPathComponent("nijdam-2019-signaalwoorden.csv").path)
        #expect(lexicon.entries.count == 64)
        for p in Perspective.allCases { #expect(lexicon.entries.filter { $0.perspective == p }.count == 16) }
        #expect(lexicon.entries.allSatisfy { $0.match == .exact })
        #expect(lexicon.sha256.count == 64)
    }

    @Test func csvErrorsNameTheLine() {
        let text = "perspective,term\nPA,regelen\nXX,meten\n"
        #expect(throws: LexiconError(file: "l.csv", line: 3, message: "unknown perspective 'XX' (use PA, NPM, NPG or SR)")) {
            try LexiconLoader.loadCSV(text, path: "l.csv", sha256: "")
        }
        #expect(throws: LexiconError.self) { try LexiconLoader.loadCSV("perspective,term\nPA,\n", path: "l.csv", sha256: "") }
    }

    @Test func semicolonCSV() throws {
        let l = try LexiconLoader.loadCSV("perspective;term\nPA;regelen\nSR;meedoen\n", path: "l.csv", sha256: "")
        #expect(l.entries.map(\.term) == ["regelen", "meedoen"])
    }
}

extension LexiconLoaderTests {
    @Test func entryTestsAreReadAndCheckedForShape() throws {
        let ok = try LexiconLoader.loadYAML("name: x\nentries:\n  - term: meten\n    perspective: NPM\n    tests:\n      - {text: \"Wij meten.\", count: 1}\n",
                                            path: "t.yaml", sha256: "")
        #expect(ok.entries[0].tests == [LexiconTest(text: "Wij meten.", count: 1, line: 6)])
        let e = loadError("name: x\nentries:\n  - term: meten\n    perspective: NPM\n    tests:\n      - {text: \"Wij meten.\", count: veel}\n")
        #expect(e?.line == 6)
        #expect(e?.message.contains("a test needs exactly text") == true)
    }
}

extension LexiconLoaderTests {
    @Test func dutchCSVHeadersLoad() throws {
        let l = try LexiconLoader.loadCSV("perspectief;term\nPA;regelen\nSR;meedoen\n", path: "nl.csv", sha256: "")
        #expect(l.entries.map(\.term) == ["regelen", "meedoen"])
        #expect(LexiconLoader.looksLikeCSV("Perspectief;Term\nPA;regels"))
    }
}
