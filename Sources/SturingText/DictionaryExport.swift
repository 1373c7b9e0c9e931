import SturingCore

/// Writes a lexicon as a LIWC `.dic` or a quanteda YAML dictionary, so results can be checked in
/// those tools. Those tools match words and `*` globs only: stem entries, include lists and
/// excluded forms cannot be expressed, so a lexicon with them is best exported frozen: the word
/// forms it actually matched on a corpus, which score that corpus identically.
public enum DictionaryExport {
    /// The terms to write: (perspective, word or glob), in lexicon order, without duplicates.
    public static func terms(_ lexicon: Lexicon, frozenForms: [Perspective: [String]]? = nil) -> (terms: [(Perspective, String)], notes: [String]) {
        var notes = [String]()
        var out = [(Perspective, String)]()
        var seen = Set<String>()
        func add(_ p: Perspective, _ t: String) {
            let key = "\(p.code):\(t)"
            if seen.insert(key).inserted { out.append((p, t)) }
        }
        if let frozenForms {
            for p in Perspective.allCases { for f in (frozenForms[p] ?? []).sorted() { add(p, f) } }
            notes.append("frozen: the word forms the lexicon matched on the corpus, as exact words")
            return (out, notes)
        }
        for e in lexicon.entries {
            if e.match == .stem { notes.append("'\(e.term)' is stem-matched; written as the word itself (export with --corpus for the forms it matches)") }
            if !e.exclude.isEmpty || !e.excludePhrases.isEmpty { notes.append("'\(e.term)': its exclusions cannot be written") }
            if !e.separable.isEmpty { notes.append("'\(e.term)': its split forms (\(e.separable.joined(separator: ", "))) cannot be written; the format has no words apart") }
            add(e.perspective, e.term)
            for i in e.include { add(e.perspective, i) }
        }
        return (out, notes)
    }

    /// A LIWC `.dic`: the four perspectives as categories 1-4.
    public static func dic(_ terms: [(Perspective, String)]) -> String {
        var out = "%\n" + Perspective.allCases.map { "\($0.index + 1)\t\($0.code)" }.joined(separator: "\n") + "\n%\n"
        for (p, t) in terms { out += "\(t)\t\(p.index + 1)\n" }
        return out
    }

    /// A quanteda YAML dictionary: the perspectives as keys, their words as lists.
    public static func yaml(_ terms: [(Perspective, String)]) -> String {
        var out = ""
        for p in Perspective.allCases {
            let words = terms.filter { $0.0 == p }.map(\.1)
            guard !words.isEmpty else { continue }
            out += "\(p.code):\n" + words.map { "  - \"\(yamlEscape($0))\"" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// A YAML double-quoted string body.
    static func yamlEscape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: if scalar.value < 0x20 { out += String(format: "\\x%02x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
