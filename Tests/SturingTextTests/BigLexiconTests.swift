import Foundation
import SturingCore
import Testing
@testable import SturingText

/// Issue 22, item 13: lexicons of tens or hundreds of thousands of terms are checked and matched
/// in time linear in their size, and a score lists only the terms that counted.
@Suite struct BigLexiconTests {
    /// `n` distinct made-up words (a seeded generator), every fifth a prefix glob, every
    /// twentieth a suffix glob, every fiftieth a two-word phrase, then the words of `extra`.
    static func lexicon(_ n: Int, extra: [(Perspective, String)] = []) throws -> Lexicon {
        var rng = SplitMix64(seed: 22)
        let letters = Array("abcdefghijklmnoprstuvwz")
        func word() -> String { String((0..<(5 + Int(rng.next() % 8))).map { _ in letters[Int(rng.next() % UInt64(letters.count))] }) }
        var seen = Set<String>()
        var entries = [LexiconEntry]()
        while entries.count < n {
            let k = entries.count
            let term = k % 5 == 0 ? String(word().prefix(5)) + "*" : k % 20 == 1 ? "*" + String(word().suffix(5)) : k % 50 == 2 ? word() + " " + word() : word()
            guard seen.insert(term).inserted else { continue }
            entries.append(LexiconEntry(term: term, perspective: Perspective.allCases[k % 4], match: term.contains("*") ? .glob : .exact, line: k + 2))
        }
        for (p, t) in extra { entries.append(LexiconEntry(term: t, perspective: p, match: t.contains("*") ? .glob : .exact, line: entries.count + 2)) }
        return Lexicon(name: "big", version: "1", defaultMatch: .exact, entries: entries, path: "big.csv")
    }

    @Test func theCheckIsLinearNotQuadratic() throws {
        // Before: 10,000 / 20,000 / 40,000 terms took 10.7 / 50 / 162 s (release build).
        let l = try Self.lexicon(40_000)
        let clock = ContinuousClock()
        let started = clock.now
        let check = try LexiconCheck(l)
        #expect(clock.now - started < .seconds(20))
        // The findings of the index equal those of comparing every pair (on a part small enough).
        let small = try Self.lexicon(600)
        #expect(try LexiconCheck(small).findings == Self.pairwiseFindings(small))
        #expect(!check.findings.isEmpty)
    }

    /// The overlap findings as the check made them before, comparing every pair of entries.
    static func pairwiseFindings(_ lexicon: Lexicon) throws -> [LexiconCheck.Finding] {
        let compiled = try CompiledLexicon(lexicon, setting: .lexicon)
        var out = [LexiconCheck.Finding]()
        for e in compiled.entries where !e.isPhrase {
            let own = e.term.split(separator: " ").map { WordTokenizer.matchKey(WordTokenizer.normalizeTerm(String($0))) }.filter { !$0.contains("*") }
            for w in own {
                for other in compiled.entries where other.index != e.index && !other.isPhrase && other.components[0].matches(form: w, stem: w) {
                    if other.perspective != e.perspective {
                        out.append(LexiconCheck.Finding(kind: "two-perspectives", term: e.term, message: "'\(w)' (\(e.perspective.code):\(e.term)) also counts for \(other.perspective.code):\(other.term); a token would count for both (exclude it from one of them)"))
                    } else if other.components[0].isGlob {
                        out.append(LexiconCheck.Finding(kind: "swallows", term: other.term, message: "the pattern '\(other.term)' also matches '\(w)' of '\(e.term)' (\(e.perspective.code)); only the first in lexicon order counts"))
                    }
                }
            }
        }
        return out
    }

    @Test func theIndexFindsExactlyTheEntriesAFormCanMatch() throws {
        // Globs with diacritics and of every kind, against forms that start, end or hold them.
        let extra: [(Perspective, String)] = [(.pa, "reg*"), (.pa, "*ëel"), (.npm, "*cië*"), (.sr, "*e*"), (.npg, "één"), (.npg, "ij*")]
        let l = try Self.lexicon(3_000, extra: extra)
        let compiled = try CompiledLexicon(l, setting: .lexicon)
        var forms = ["regels", "reg", "re", "ideëel", "ëel", "efficiënt", "cië", "één", "ijs", "ij", "e", "x", "gemeenteraad"]
        for e in compiled.entries.prefix(400) {
            forms.append(e.term.replacingOccurrences(of: "*", with: "ab"))
            forms.append(e.term.replacingOccurrences(of: "*", with: ""))
            forms.append("q" + e.term.replacingOccurrences(of: "*", with: "") + "q")
        }
        for form in forms {
            let key = WordTokenizer.matchKey(form)
            let all = compiled.entries.filter { e in (e.components + e.include).contains { $0.matches(form: key, stem: "") } }.map(\.index)
            let found = Set(compiled.candidates.entries(key: key, stem: ""))
            #expect(Set(all).isSubset(of: found), "\(form)")
            #expect(found.allSatisfy { i in (compiled.entries[i].components + compiled.entries[i].include).contains { $0.matches(form: key, stem: "") } }, "\(form)")
        }
    }

    @Test func aScoreListsOnlyTheTermsThatCounted() throws {
        let l = try Self.lexicon(20_000, extra: [(.pa, "regels"), (.sr, "meedoen"), (.npg, "samen werken")])
        let clock = ContinuousClock()
        let started = clock.now
        let s = try scoreWith(l, "De regels zijn streng. Wij doen mee en meedoen telt; samen werken in de wijk, regels en nog eens regels.")
        #expect(clock.now - started < .seconds(20))
        #expect(s.terms.values.flatMap { $0 }.map(\.term).sorted() == ["meedoen", "regels", "samen werken"])
        #expect(s.count("regels") == 3 && s.count("meedoen") == 1 && s.count("samen werken") == 1)
        #expect(s.count(.pa) == 3 && s.count(.sr) == 1 && s.count(.npg) == 1)
    }
}
