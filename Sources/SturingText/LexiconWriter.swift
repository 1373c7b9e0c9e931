import SturingCore

/// Writes a lexicon in sturing's YAML format (for an imported dictionary).
public enum LexiconWriter {
    /// The YAML text.
    public static func yaml(_ l: Lexicon, note: String = "") -> String {
        func q(_ s: String) -> String { "\"" + DictionaryExport.yamlEscape(s) + "\"" }
        var out = note.isEmpty ? "" : note.split(separator: "\n").map { "# " + $0 }.joined(separator: "\n") + "\n"
        out += "name: \(q(l.name))\nversion: \(q(l.version))\nsource: \(q(l.source))\nlanguage: \(q(l.language))\nmatch: \(l.defaultMatch.rawValue)\nentries:\n"
        for e in l.entries {
            out += "  - {term: \(q(e.term)), perspective: \(e.perspective.code)"
            if e.match != l.defaultMatch && !(e.match == .glob && e.term.contains("*")) { out += ", match: \(e.match.rawValue)" }
            if !e.include.isEmpty { out += ", include: [" + e.include.map(q).joined(separator: ", ") + "]" }
            if !e.exclude.isEmpty { out += ", exclude: [" + e.exclude.map(q).joined(separator: ", ") + "]" }
            if !e.excludePhrases.isEmpty { out += ", exclude_phrases: [" + e.excludePhrases.map(q).joined(separator: ", ") + "]" }
            if !e.separable.isEmpty { out += ", separable: [" + e.separable.map(q).joined(separator: ", ") + "]" }
            out += "}\n"
        }
        return out
    }
}
