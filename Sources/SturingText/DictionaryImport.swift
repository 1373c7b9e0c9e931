import Foundation
import SturingCore
import Yams

/// Reads dictionaries of other tools as a lexicon: LIWC `.dic`, LIWC-22 `.dicx` (CSV), quanteda
/// YAML dictionaries and Lexicoder `.lc3`. Categories become perspectives through a mapping
/// ("1=PA,2=NPM" or category names; categories named PA, NPM, NPG, SR map themselves). What
/// cannot be carried over is reported, never silently dropped.
public enum DictionaryImport {
    /// The formats.
    public enum Format: String, Sendable, CaseIterable {
        case dic, dicx, yaml, lc3
    }

    /// The imported lexicon and what was left out, and why.
    public struct Result: Sendable {
        public var lexicon: Lexicon
        public var skipped: [String]
    }

    /// Imports the dictionary at `path`; `mapping` maps category ids or names to perspectives.
    public static func load(path: String, format: Format? = nil, mapping: [String: Perspective] = [:]) throws(LexiconError) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, message: "cannot read the dictionary (check the path)")
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let ext = (path as NSString).pathExtension.lowercased()
        let kind = format ?? Format(rawValue: ext == "yml" ? "yaml" : ext) ?? .dic
        var entries = [(term: String, categories: [String], line: Int)]()
        var skipped = [String]()
        switch kind {
        case .dic: entries = try dic(text, path: path, skipped: &skipped)
        case .dicx: entries = dicx(text, skipped: &skipped)
        case .yaml: entries = try quanteda(text, path: path)
        case .lc3: entries = lc3(text, skipped: &skipped)
        }
        // A LIWC category is "id\u{1F}name": either may be mapped.
        func perspective(_ category: String) -> Perspective? {
            for alternative in category.split(separator: "\u{1F}").map(String.init) {
                if let p = mapping[alternative] ?? mapping[alternative.lowercased()] ?? Perspective(code: alternative) { return p }
            }
            return nil
        }
        var seen = [String: Perspective]()
        var result = [LexiconEntry]()
        var unmapped = Set<String>()
        for e in entries {
            let term = e.term.trimmingCharacters(in: .whitespaces).lowercased()
            guard !term.isEmpty else { continue }
            let ps = e.categories.compactMap { c -> Perspective? in
                if let p = perspective(c) { return p }
                unmapped.insert(c)
                return nil
            }
            guard let p = ps.first else { continue }
            if ps.count > 1 && Set(ps).count > 1 {
                skipped.append("line \(e.line): '\(term)' is in categories of \(Set(ps).map(\.code).sorted().joined(separator: " and ")); kept for \(p.code) only (a token counts for one perspective per entry)")
            }
            if let earlier = seen[term] {
                if earlier != p { skipped.append("line \(e.line): '\(term)' also listed for \(p.code); kept for \(earlier.code)") }
                continue  // a duplicate line
            }
            seen[term] = p
            if let problem = LexiconValidator.globProblem(term.replacingOccurrences(of: " ", with: "")) {
                skipped.append("line \(e.line): '\(term)' skipped: \(problem)")
                continue
            }
            let mode: MatchMode = term.contains("*") ? .glob : .exact
            result.append(LexiconEntry(term: term, perspective: p, match: mode, line: e.line))
        }
        for c in unmapped.sorted() {
            let shown = c.replacingOccurrences(of: "\u{1F}", with: " ")
            let key = c.split(separator: "\u{1F}").first.map(String.init) ?? c
            skipped.append("category '\(shown)' is mapped to no perspective; its words are left out (map it with --map \(key)=PA, ...)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let lexicon = Lexicon(name: name, version: "imported", source: "\(kind.rawValue) dictionary \(path)", defaultMatch: .exact,
                              entries: result, sha256: SHA256Hex.digest(data), path: path)
        try LexiconValidator.validate(lexicon)
        return Result(lexicon: lexicon, skipped: skipped)
    }

    /// LIWC: a `%` block of "id<tab>name" lines, then "word<tab>id id ..." (tabs or spaces; a word
    /// may be several words; `*` wildcards).
    static func dic(_ text: String, path: String, skipped: inout [String]) throws(LexiconError) -> [(term: String, categories: [String], line: Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count && lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
        guard i < lines.count, lines[i].trimmingCharacters(in: .whitespaces) == "%" else {
            throw LexiconError(file: path, line: i + 1, message: "a LIWC dictionary starts with a line holding only % (then the categories, then % again)")
        }
        i += 1
        var names = [String: String]()
        while i < lines.count && lines[i].trimmingCharacters(in: .whitespaces) != "%" {
            let parts = lines[i].split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            if parts.count >= 2 { names[parts[0]] = parts[1...].joined(separator: " ") }
            i += 1
        }
        guard i < lines.count else { throw LexiconError(file: path, line: lines.count, message: "the category block is not closed with a % line") }
        i += 1
        var out = [(term: String, categories: [String], line: Int)]()
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            if line.isEmpty { continue }
            var parts = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            var ids = [String]()
            while let last = parts.last, last.allSatisfy(\.isNumber) || last.hasPrefix("<") { ids.insert(parts.removeLast(), at: 0) }
            if ids.contains(where: { $0.hasPrefix("<") }) {
                skipped.append("line \(i): '\(parts.joined(separator: " "))' has a conditional category (LIWC's <...> syntax), which has no equivalent; left out")
                continue
            }
            guard !parts.isEmpty, !ids.isEmpty else {
                skipped.append("line \(i): '\(line)' has no category number; left out")
                continue
            }
            // Number and name of each category, so a mapping may use either.
            out.append((parts.joined(separator: " "), ids.map { id in names[id].map { "\(id)\u{1F}\($0)" } ?? id }, i))
        }
        return out
    }

    /// LIWC-22 `.dicx`: a CSV whose first column is the term and each other column a category,
    /// with a mark (X) or a weight in the cells.
    static func dicx(_ text: String, skipped: inout [String]) -> [(term: String, categories: [String], line: Int)] {
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) } }
        guard let header = rows.first else { return [] }
        var out = [(term: String, categories: [String], line: Int)]()
        var weighted = false
        for (n, row) in rows.enumerated().dropFirst() where row.count > 1 && !row[0].isEmpty {
            var cats = [String]()
            for (k, cell) in row.enumerated().dropFirst() where k < header.count && !cell.isEmpty {
                if cell.uppercased() != "X" && Double(cell.replacingOccurrences(of: ",", with: ".")) != 1 { weighted = true }
                cats.append(header[k])
            }
            out.append((row[0], cats, n + 1))
        }
        if weighted { skipped.append("weights in the category columns are not carried over: sturing counts every match once") }
        return out
    }

    /// quanteda YAML: categories (nested allowed) mapping to lists of words or globs; a nested
    /// category counts for its top-level category.
    static func quanteda(_ text: String, path: String) throws(LexiconError) -> [(term: String, categories: [String], line: Int)] {
        try YAMLAliasGuard.check(text, path: path)
        let root: Node
        do { guard let n = try Yams.compose(yaml: text) else { return [] }; root = n } catch {
            throw LexiconError(file: path, line: 0, message: "not valid YAML: \(error)")
        }
        var out = [(term: String, categories: [String], line: Int)]()
        func walk(_ node: Node, category: String) {
            if let seq = node.sequence {
                for item in seq { if let s = item.string { out.append((s, [category], item.mark?.line ?? 0)) } else { walk(item, category: category) } }
            } else if let map = node.mapping {
                for (_, v) in map { walk(v, category: category) }
            } else if let s = node.string {
                out.append((s, [category], node.mark?.line ?? 0))
            }
        }
        guard let map = root.mapping else { throw LexiconError(file: path, line: 1, message: "a quanteda dictionary is a mapping of categories to words") }
        for (k, v) in map { walk(v, category: k.string ?? "") }
        return out
    }

    /// Lexicoder `.lc3`: "+CATEGORY" lines, then the category's words, one per line.
    static func lc3(_ text: String, skipped: inout [String]) -> [(term: String, categories: [String], line: Int)] {
        var out = [(term: String, categories: [String], line: Int)]()
        var category = ""
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("+") { category = String(line.dropFirst()).trimmingCharacters(in: .whitespaces); continue }
            if line.contains(where: { "[]()^$\\|?{}".contains($0) }) {
                skipped.append("line \(n + 1): '\(line)' is a regular expression, which sturing does not match; left out")
                continue
            }
            out.append((line, [category], n + 1))
        }
        return out
    }
}
