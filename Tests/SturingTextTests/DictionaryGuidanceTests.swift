import Foundation
import SturingCore
import Testing
@testable import SturingText

/// Issue 22, items 7 and 17: `lexicon import` says which categories a file has and how to map
/// them, reads WordStat `.cat`, nested quanteda paths and quoted `.dicx`, and reports what it drops.
@Suite struct DictionaryGuidanceTests {
    static func write(_ text: String, _ name: String) throws -> String {
        try DictionaryTests.write(text, name)
    }

    /// quanteda's test file mary.dic: LIWC numbers written with a leading zero.
    static let mary = "%\n01\tA category\n02\tAnother category\n%\n\nmore\t01\nlamb\t01\nlittle\t01\n\nhad\t02\nmary\t02\n"

    @Test func withoutAMappingTheErrorListsTheCategoriesAndHowToMapThem() throws {
        let path = try Self.write(Self.mary, "mary.dic")
        let error = #expect(throws: LexiconError.self) { try DictionaryImport.load(path: path) }
        let message = try #require(error?.message)
        #expect(message.contains("none of its 2 categories is mapped to a perspective"))
        #expect(message.contains("--map 01=PA,02=NPM"))
        #expect(message.contains("01 A category (3 words), 02 Another category (2 words)"))
        let listed = try DictionaryImport.read(path: path)
        #expect(listed.categories.map(\.description) == ["01 A category (3 words)", "02 Another category (2 words)"])
        #expect(listed.wordCount == 5)
    }

    @Test func categoryNumbersMatchWithOrWithoutLeadingZeros() throws {
        let path = try Self.write(Self.mary, "mary.dic")
        let r = try DictionaryImport.read(path: path).lexicon(mapping: try DictionaryMapping(parsing: "1=PA,002=NPM"))
        #expect(r.lexicon.entries.map { "\($0.perspective.code):\($0.term)" } == ["PA:more", "PA:lamb", "PA:little", "NPM:had", "NPM:mary"])
    }

    @Test func aMapKeyThatNamesNoCategoryIsAnError() throws {
        let path = try Self.write(Self.mary, "mary.dic")
        let error = #expect(throws: LexiconError.self) {
            try DictionaryImport.read(path: path).lexicon(mapping: try DictionaryMapping(parsing: "1=PA,3=NPM"))
        }
        #expect(error?.message.hasPrefix("--map names '3', which is no category of this dictionary (map one of its categories: 01 A category") == true)
        #expect(throws: LexiconError.self) { try DictionaryMapping(parsing: "1=XY") }
    }

    /// The shape of quanteda's issue-459.cat: categories nested by indentation (spaces, then
    /// tabs), each word followed by its weight.
    static let wordStat = "SOUTH\n   \tBW\n   \t\tBotswana (1)\n   \t\tBotswanan* (1)\n   \tZA\n   \t\tSouth Africa (1)\n   \t\tCape Town (2)\nNORTH\n\tEG\n\t\tCairo (1)\n"

    @Test func wordStatCatFilesAreRead() throws {
        let path = try Self.write(Self.wordStat, "regions.cat")
        let d = try DictionaryImport.read(path: path)
        #expect(d.format == .cat)
        #expect(d.categories.map(\.description) == ["SOUTH/BW (2 words)", "SOUTH/ZA (2 words)", "NORTH/EG (1 word)"])
        let r = try d.lexicon(mapping: try DictionaryMapping(parsing: "south=PA,NORTH/EG=SR"))
        #expect(r.lexicon.entries.map { "\($0.perspective.code):\($0.term)" }
            == ["PA:botswana", "PA:botswanan*", "PA:south africa", "PA:cape town", "SR:cairo"])
        #expect(r.skipped.contains { $0.contains("weight of 'Cape Town' (2) is not carried over") })
        // Read as LIWC (the old behaviour for every .cat), the error says what it is.
        let error = #expect(throws: LexiconError.self) { try DictionaryImport.read(path: path, format: .dic) }
        #expect(error?.message.contains("this looks like a WordStat dictionary: give --format cat") == true)
    }

    @Test func nestedQuantedaKeysAreCategoriesByTheirPath() throws {
        let yaml = "newsmap:\n  africa:\n    east:\n      BI: [burundi, \"burundian*\"]\n      KE: [kenya]\n  europe:\n    west:\n      NL: nederland\n"
        let path = try Self.write(yaml, "newsmap.yml")
        let d = try DictionaryImport.read(path: path)
        #expect(d.categories.map(\.key) == ["newsmap/africa/east/BI", "newsmap/africa/east/KE", "newsmap/europe/west/NL"])
        // Before: every word counted for its top-level key, "newsmap", so nothing mapped.
        let r = try d.lexicon(mapping: try DictionaryMapping(parsing: "newsmap/africa=SR,newsmap/europe/west/nl=PA"))
        #expect(r.lexicon.entries.map { "\($0.perspective.code):\($0.term)" } == ["SR:burundi", "SR:burundian*", "SR:kenya", "PA:nederland"])
        // A key named after a perspective maps what is below it, at any depth.
        let own = try Self.write("sturing:\n  PA:\n    regels: [regels, kaders]\n  SR: [meedoen]\n", "own.yaml")
        let o = try DictionaryImport.load(path: own)
        #expect(o.lexicon.entries.map { "\($0.perspective.code):\($0.term)" } == ["PA:regels", "PA:kaders", "SR:meedoen"])
    }

    @Test func emptyWordsAreReportedNotDroppedSilently() throws {
        let dic = try DictionaryImport.load(path: try Self.write("%\n1\tPA\n%\nregels\t1\n\t1\n", "e.dic"))
        #expect(dic.skipped.contains("line 5: an empty word (in 1 PA); left out"))
        let dicx = try DictionaryImport.load(path: try Self.write("DicTerm,PA\nregels,X\n,X\n", "e.dicx"))
        #expect(dicx.skipped.contains("line 3: an empty word (in PA); left out"))
        let yaml = try DictionaryImport.load(path: try Self.write("PA:\n  - regels\n  - \"\"\n", "e.yaml"))
        #expect(yaml.skipped.contains("line 3: an empty word (in PA); left out"))
        #expect(dic.lexicon.entries.map(\.term) == ["regels"] && dicx.lexicon.entries.map(\.term) == ["regels"])
    }

    /// R's write.csv quotes every field, writes NA for empty cells and adds a first column of
    /// row numbers with an empty header.
    @Test func aDicxWithEveryFieldQuotedIsRead() throws {
        let r = "\"\",\"DicTerm\",\"PA\",\"NPM\"\n\"1\",\"regels\",\"X\",NA\n\"2\",\"meten\",NA,\"X\"\n\"3\",\"eigen kracht\",\"X\",NA\n"
        let result = try DictionaryImport.load(path: try Self.write(r, "r.dicx"))
        #expect(result.lexicon.entries.map { "\($0.perspective.code):\($0.term)" } == ["PA:regels", "NPM:meten", "PA:eigen kracht"])
        #expect(result.skipped.isEmpty)
    }

    @Test func anImportIsLabelledWithTheLanguageGivenNotDutch() throws {
        let path = try Self.write(Self.mary, "mary.dic")
        let mapping = try DictionaryMapping(parsing: "1=PA,2=NPM")
        #expect(try DictionaryImport.read(path: path).lexicon(mapping: mapping).lexicon.language == "und")
        #expect(try DictionaryImport.read(path: path).lexicon(mapping: mapping, language: "en").lexicon.language == "en")
        let yaml = LexiconWriter.yaml(try DictionaryImport.read(path: path).lexicon(mapping: mapping).lexicon)
        #expect(try LexiconLoader.loadYAML(yaml, path: "w.yaml", sha256: "").language == "und")
    }

    @Test func wordsThatCanNeverMatchAreLeftOutWithTheReason() throws {
        let dic = "%\n1\tPA\n%\n<b>\t1\n(a+)+$\t1\n=SUM(A1)\t1\n\u{1B}[31m\t1\n:)\t1\nregels\t1\nkader*\t1\nzelf-redzaam\t1\n"
        let r = try DictionaryImport.load(path: try Self.write(dic, "odd.dic"))
        #expect(r.lexicon.entries.map(\.term) == ["regels", "kader*", "zelf-redzaam"])
        for bad in ["<b>", "(a+)+$", "=sum(a1)", ":)"] {
            #expect(r.skipped.contains { $0.contains("'\(bad)' left out") && $0.contains("can never match") }, "\(bad)")
        }
    }

    @Test func aFileThatIsNotUTF8IsReadAsWindows1252AndSaysSo() throws {
        var bytes = Array("PA:\n  - ".utf8)
        bytes += [0x63, 0x61, 0x66, 0xE9]  // "café" in Windows-1252
        bytes += Array("\n".utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-dict-\(UUID().uuidString).yaml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try DictionaryImport.load(path: path)
        #expect(r.lexicon.entries.map(\.term) == ["café"])
        #expect(r.skipped.contains { $0.contains("read as Windows-1252") })
    }
}
