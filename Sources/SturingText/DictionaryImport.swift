import Foundation
import SturingCore

/// Reads dictionaries of other tools as a lexicon: LIWC `.dic`, LIWC-22 `.dicx` (CSV), WordStat
/// `.cat`, quanteda YAML dictionaries and Lexicoder `.lc3`. Categories become perspectives through
/// a `DictionaryMapping` ("1=PA,2=NPM", category names, or paths such as `africa/east` in nested
/// files; categories named PA, NPM, NPG, SR map themselves). What cannot be carried over is
/// reported, never silently dropped.
public enum DictionaryImport {
    /// The formats.
    public enum Format: String, Sendable, CaseIterable {
        case dic, dicx, cat, yaml, lc3
    }

    /// One category of a dictionary file.
    public struct Category: Sendable, Equatable {
        /// What `--map` names it by: a LIWC number (without leading zeros), a column header, a
        /// Lexicoder category, or the path of nested keys (`africa/east`).
        public var key: String
        /// Its name: LIWC's name for the number; otherwise the key.
        public var name: String
        /// How many words the file lists under it.
        public var words: Int

        /// "1 posemo", or "africa/east".
        public var label: String { name == key ? key : "\(key) \(name)" }

        /// "1 posemo (406 words)", or "africa/east (12 words)".
        public var description: String { "\(label) (\(words) word\(words == 1 ? "" : "s"))" }
    }

    /// One word of the file and the categories (indices into `categories`) it is listed under.
    struct Row: Sendable {
        var term: String
        var categories: [Int]
        var line: Int
    }

    /// A dictionary file as read, before its categories are mapped to perspectives.
    public struct Dictionary: Sendable {
        /// The file.
        public var path: String
        /// Its format.
        public var format: Format
        /// Its categories in file order.
        public var categories: [Category]
        /// What the file holds that cannot be carried over, whatever the mapping.
        public var skipped: [String]
        /// SHA-256 of the file's bytes.
        public var sha256: String
        var rows: [Row]

        /// How many words the file lists (a word in several categories once).
        public var wordCount: Int { rows.count }
    }

    /// The imported lexicon and what was left out, and why.
    public struct Result: Sendable {
        /// The lexicon.
        public var lexicon: Lexicon
        /// What was left out, one line each.
        public var skipped: [String]
    }

    /// Reads the dictionary at `path` (the format from `format`, else from the extension).
    public static func read(path: String, format: Format? = nil) throws(LexiconError) -> Dictionary {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, message: "cannot read the dictionary (check the path)")
        }
        var skipped = [String]()
        var text: String
        if let utf8 = String(data: data, encoding: .utf8) {
            text = utf8
        } else {
            // WordStat and older LIWC files are often Windows-1252 (Latin-1 with curly quotes).
            text = String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
            skipped.append("the file is not UTF-8; it was read as Windows-1252 (check the accented words)")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let ext = (path as NSString).pathExtension.lowercased()
        let kind = format ?? Format(rawValue: ext == "yml" ? "yaml" : ext) ?? .dic
        var reader = Reader(path: path)
        switch kind {
        case .dic: try reader.liwc(text)
        case .dicx: try reader.dicx(text)
        case .cat: reader.wordStat(text)
        case .yaml: try reader.quanteda(text)
        case .lc3: reader.lexicoder(text)
        }
        return Dictionary(path: path, format: kind, categories: reader.categories, skipped: skipped + reader.skipped,
                          sha256: SHA256Hex.digest(data), rows: reader.rows)
    }

    /// Imports the dictionary at `path`; `mapping` maps category numbers, names or paths to perspectives.
    public static func load(path: String, format: Format? = nil, mapping: [String: Perspective] = [:],
                            language: String = "und") throws(LexiconError) -> Result {
        try read(path: path, format: format).lexicon(mapping: DictionaryMapping(mapping), language: language)
    }
}

extension DictionaryImport.Dictionary {
    /// The lexicon the mapping makes of it, labelled `language` ("und" when unknown). Throws when
    /// the mapping names no category of the file, or when no word is left (listing the categories).
    public func lexicon(mapping: DictionaryMapping, language: String = "und") throws(LexiconError) -> DictionaryImport.Result {
        for key in mapping.keys where !categories.contains(where: { mapping.names($0, key) }) {
            throw LexiconError(file: path, line: 0, message: "--map names '\(key)', which is no category of this dictionary (map one of its categories: \(listing()))")
        }
        let perspectives = categories.map { mapping.perspective(for: $0) }
        var skipped = self.skipped
        let shape = try? WordShape()
        var seen = [String: Perspective]()
        var entries = [LexiconEntry]()
        var mappedWords = 0
        for row in rows {
            let ps = row.categories.compactMap { perspectives[$0] }
            guard let p = ps.first else { continue }
            mappedWords += 1
            let term = row.term.trimmingCharacters(in: .whitespaces).lowercased()
            if term.isEmpty {
                skipped.append("line \(row.line): an empty word (in \(row.categories.map { categories[$0].label }.joined(separator: ", "))); left out")
                continue
            }
            if Set(ps).count > 1 {
                skipped.append("line \(row.line): '\(term)' is in categories of \(Set(ps).map(\.code).sorted().joined(separator: " and ")); kept for \(p.code) only (a token counts for one perspective per entry)")
            }
            if let earlier = seen[term] {
                if earlier != p { skipped.append("line \(row.line): '\(term)' also listed for \(p.code); kept for \(earlier.code)") }
                continue  // a duplicate line
            }
            seen[term] = p
            if let problem = LexiconValidator.globProblem(term.replacingOccurrences(of: " ", with: "")) {
                skipped.append("line \(row.line): '\(term)' skipped: \(problem)")
                continue
            }
            if let shape, let word = shape.unmatchableWord(in: term) {
                skipped.append("line \(row.line): '\(term)' left out: '\(word)' \(WordShape.reason)")
                continue
            }
            entries.append(LexiconEntry(term: term, perspective: p, match: term.contains("*" as Character) ? .glob : .exact, line: row.line))
        }
        for (c, category) in categories.enumerated() where perspectives[c] == nil && category.words > 0 {
            skipped.append("category '\(category.label)' is mapped to no perspective; its \(category.words) word(s) are left out (map it with --map \(category.key)=PA, ...)")
        }
        if entries.isEmpty {
            if rows.isEmpty {
                throw LexiconError(file: path, line: 0, message: "holds no words (is it a \(format.rawValue) file? give --format dic, dicx, cat, yaml or lc3)")
            }
            if mappedWords == 0 {
                throw LexiconError(file: path, line: 0, message: "none of its \(categories.count) categories is mapped to a perspective (map them with --map, e.g. --map \(example()); categories named PA, NPM, NPG or SR map themselves; its categories: \(listing()))")
            }
            throw LexiconError(file: path, line: 0, message: "every word of the mapped categories was left out (\(skipped.count) note(s): run without --out to see them, or map other categories)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let lexicon = Lexicon(name: name, version: "imported", source: "\(format.rawValue) dictionary \(path)", language: language,
                              defaultMatch: .exact, entries: entries, sha256: sha256, path: path)
        try LexiconValidator.validate(lexicon)
        return DictionaryImport.Result(lexicon: lexicon, skipped: skipped)
    }

    /// The categories for a message: the first twelve, then how many more.
    func listing() -> String {
        let shown = categories.prefix(12).map(\.description).joined(separator: ", ")
        return categories.count > 12 ? shown + ", and \(categories.count - 12) more (--list shows them all)" : shown
    }

    /// A `--map` value for the first categories ("1=PA,2=NPM").
    public func example() -> String {
        zip(categories.prefix(4), Perspective.allCases).map { "\($0.key)=\($1.code)" }.joined(separator: ",")
    }
}
