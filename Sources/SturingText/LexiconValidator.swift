import Foundation
import SturingCore

/// Checks a lexicon's entries: terms, globs, duplicates.
public enum LexiconValidator {
    /// Throws the first problem found, naming the entry's line.
    public static func validate(_ lexicon: Lexicon) throws(LexiconError) {
        let path = lexicon.path
        if lexicon.entries.isEmpty {
            throw LexiconError(file: path, line: 0, message: "the lexicon has no entries")
        }
        var seen = [String: Int]()
        for e in lexicon.entries {
            func fail(_ m: String) -> LexiconError { LexiconError(file: path, line: e.line, message: "entry '\(e.term)': \(m)") }
            let words = e.term.split(separator: " ").map(String.init)
            if words.isEmpty { throw LexiconError(file: path, line: e.line, message: "empty term") }
            for w in words {
                if let problem = globProblem(w) { throw fail(problem) }
            }
            switch e.match {
            case .glob:
                if !e.term.contains("*" as Character) { throw fail("match is glob but the term has no * (write e.g. '\(e.term)*', or use match: stem)") }
            case .exact, .stem:
                if e.term.contains("*" as Character) { throw fail("the term has a * but match is \(e.match.rawValue) (use match: glob)") }
            }
            for item in e.include + e.exclude {
                if item.contains(" " as Character) { throw fail("'\(item)' in include/exclude has a space (put phrases under exclude_phrases)") }
                if let problem = globProblem(item) { throw fail(problem) }
            }
            for phrase in e.excludePhrases {
                let pw = phrase.split(separator: " ")
                if pw.count < 2 { throw fail("exclude_phrases item '\(phrase)' is a single word (put single words under exclude)") }
                for w in pw { if let problem = globProblem(String(w)) { throw fail(problem) } }
            }
            for split in e.separable {
                let parts = split.components(separatedBy: " ... ")
                guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty,
                      !parts[1].trimmingCharacters(in: .whitespaces).isEmpty, !parts[1].contains("...") else {
                    throw fail("separable item '\(split)' must be \"verb ... particle\" with one \" ... \" (e.g. \"doe* ... mee\")")
                }
                for w in split.split(separator: " ") where w != "..." { if let problem = globProblem(String(w)) { throw fail(problem) } }
            }
            let key = "\(e.perspective.code):\(e.term.lowercased())"
            if let first = seen[key] {
                throw fail("listed twice for \(e.perspective.code) (first at line \(first); merge the two entries)")
            }
            seen[key] = e.line
        }
    }

    /// What is wrong with a word pattern, or nil: `*` only at the start and/or end, letters left.
    static func globProblem(_ word: String) -> String? {
        // Character searches, not Foundation's: this runs for every word of a lexicon of maybe
        // 200,000 terms (Foundation's trimming was half of loading one).
        let core = word.drop { $0 == "*" }.reversed().drop { $0 == "*" }
        if core.isEmpty { return "'\(word)' matches every word (a glob needs letters)" }
        if core.contains("*" as Character) { return "bad glob '\(word)': * may stand only at the start and/or end" }
        if word.hasPrefix("**") || word.hasSuffix("**") { return "bad glob '\(word)': use a single *" }
        if core.contains(where: { $0.isWhitespace }) { return "'\(word)' contains white space" }
        return nil
    }
}
