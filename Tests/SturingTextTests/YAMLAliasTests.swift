import Foundation
import SturingCore
import Testing
@testable import SturingText

/// Issue 22, item 11: a YAML alias bomb (a few hundred bytes of aliases of aliases) is refused
/// at once, by `lexicon import` and `--lexicon` alike, before Yams expands it.
@Suite struct YAMLAliasTests {
    /// Nine aliases of the level below, `depth` times: 9^depth words in a few hundred bytes.
    static func bomb(depth: Int, indent: String = "") -> String {
        var lines = [indent + "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for d in 1...depth { lines.append(indent + "a\(d): &a\(d) [" + Array(repeating: "*a\(d - 1)", count: 9).joined(separator: ",") + "]") }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func importRefusesAnAliasBombAtOnce() throws {
        let text = Self.bomb(depth: 9)
        #expect(text.utf8.count < 600)
        let path = try DictionaryTests.write(text, "bomb.yaml")
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: LexiconError.self) { try DictionaryImport.load(path: path, mapping: ["a0": .pa]) }
        #expect(clock.now - started < .seconds(2))
        #expect(error?.line == 2)
        #expect(error?.message.hasPrefix("uses the YAML alias *a0; sturing reads no aliases") == true)
    }

    @Test func theLexiconLoaderUsesTheSameLimit() throws {
        // In a key the lexicon format allows, and as a mapping key, which Yams hashes whole while
        // it reads: before, depth 6 took 3.4 s, and each level nine times longer.
        let inDescription = "description:\n" + Self.bomb(depth: 9, indent: "  ") + "entries:\n  - {term: regels, perspective: PA}\n"
        let asKey = Self.bomb(depth: 9) + "b:\n  ? *a9\n  : x\n"
        for text in [inDescription, asKey] {
            let error = #expect(throws: LexiconError.self) { try LexiconLoader.loadYAML(text, path: "l.yaml", sha256: "") }
            #expect(error?.message.contains("sturing reads no aliases") == true)
        }
    }

    @Test func starsAndAmpersandsThatAreNoAliasesPass() throws {
        // Quoted globs, an unquoted glob, '&' in text and in a comment: no alias of an anchor.
        let yaml = "name: t # R&D: *a\nentries:\n  - {term: \"*kracht*\", perspective: SR, note: \"zorg & welzijn *a\"}\n  - {term: zelfredza*, perspective: SR}\n  - {term: regels, perspective: PA, note: 'het &a en *a'}\n"
        let l = try LexiconLoader.loadYAML(yaml, path: "t.yaml", sha256: "")
        #expect(l.entries.map(\.term) == ["*kracht*", "zelfredza*", "regels"])
        #expect(YAMLAliasGuard.firstAlias(in: "a: &x 1\nb: [*x]\n")?.name == "x")
        #expect(YAMLAliasGuard.firstAlias(in: "a: \"&x 1\"\nb: [*x]\n") == nil)
    }
}
