import CSV
import Foundation
import Yams

extension DictionaryImport {
    /// Collects the categories and words of one dictionary file, one reader per format.
    struct Reader {
        let path: String
        var categories: [Category] = []
        var rows: [Row] = []
        var skipped: [String] = []
        private var byKey: [String: Int] = [:]

        init(path: String) { self.path = path }

        /// The index of the category with `key` (added when new).
        mutating func category(_ key: String, name: String? = nil) -> Int {
            let k = DictionaryMapping.normalized(key)
            if let known = byKey[k] { return known }
            byKey[k] = categories.count
            categories.append(Category(key: key, name: name ?? key, words: 0))
            return categories.count - 1
        }

        /// Adds a word listed under `categories`.
        mutating func add(_ term: String, _ categories: [Int], line: Int) {
            for c in Set(categories) { self.categories[c].words += 1 }
            rows.append(Row(term: term, categories: categories, line: line))
        }

        // MARK: LIWC

        /// LIWC: a `%` block of "id<tab>name" lines, then "word<tab>id id ..." (tabs or spaces; a
        /// word may be several words; `*` wildcards; ids may have leading zeros).
        mutating func liwc(_ text: String) throws(LexiconError) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var i = 0
            while i < lines.count && lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
            guard i < lines.count, lines[i].trimmingCharacters(in: .whitespaces) == "%" else {
                let hint = Self.looksLikeWordStat(lines) ? " (this looks like a WordStat dictionary: give --format cat)" : " (is it a LIWC file? give --format dicx, cat, yaml or lc3 for another format)"
                throw LexiconError(file: path, line: i + 1, message: "a LIWC dictionary starts with a line holding only % (then the categories, then % again)" + hint)
            }
            i += 1
            while i < lines.count && lines[i].trimmingCharacters(in: .whitespaces) != "%" {
                let parts = lines[i].split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
                if parts.count >= 2 { _ = category(parts[0], name: parts[1...].joined(separator: " ")) }
                i += 1
            }
            guard i < lines.count else { throw LexiconError(file: path, line: lines.count, message: "the category block is not closed with a % line (add a line holding only %)") }
            i += 1
            while i < lines.count {
                let raw = lines[i]
                i += 1
                if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                var words: [String], ids: [String]
                if let tab = raw.firstIndex(of: "\t") {
                    // The word before the first tab (it may hold spaces), the categories after it.
                    words = [raw[..<tab].trimmingCharacters(in: .whitespaces)]
                    ids = raw[raw.index(after: tab)...].split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
                } else {
                    let parts = raw.split(separator: " ").map(String.init)
                    let first = parts.firstIndex { $0.allSatisfy(\.isNumber) } ?? parts.count
                    words = Array(parts[..<first])
                    ids = Array(parts[first...])
                }
                let term = words.joined(separator: " ")
                if ids.contains(where: { !$0.allSatisfy(\.isNumber) }) {
                    skipped.append("line \(i): '\(term)' has a conditional category (LIWC's <...> or (...)/ syntax), which has no equivalent; left out")
                    continue
                }
                guard !ids.isEmpty else {
                    skipped.append("line \(i): '\(term)' has no category number; left out")
                    continue
                }
                add(term, ids.map { category($0) }, line: i)
            }
        }

        /// True when the first lines look like WordStat's (words ending in "(1)").
        static func looksLikeWordStat(_ lines: [String]) -> Bool {
            lines.prefix(50).contains { $0.trimmingCharacters(in: .whitespaces).range(of: #" \(\d+\)$"#, options: .regularExpression) != nil }
        }

        // MARK: WordStat

        /// WordStat `.cat`: category lines, each word indented below its category and followed by
        /// its weight ("BANK* (1)"); deeper indentation nests categories (`SOUTH/BW`).
        mutating func wordStat(_ text: String) {
            var stack = [(indent: Int, path: String)]()
            for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var indent = 0
                var rest = Substring(raw)
                while let c = rest.first, c == " " || c == "\t" {
                    indent = c == "\t" ? (indent / 8 + 1) * 8 : indent + 1
                    rest = rest.dropFirst()
                }
                let line = rest.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                while let top = stack.last, top.indent >= indent { stack.removeLast() }
                if let weight = line.range(of: #"\s*\(\s*[0-9.,]*\s*\)$"#, options: .regularExpression) {
                    let word = String(line[..<weight.lowerBound])
                    guard let parent = stack.last else {
                        skipped.append("line \(n + 1): '\(word)' stands under no category; left out")
                        continue
                    }
                    let value = line[weight].filter { $0.isNumber || $0 == "." || $0 == "," }
                    if !value.isEmpty && Double(value.replacingOccurrences(of: ",", with: ".")) != 1 {
                        skipped.append("line \(n + 1): the weight of '\(word)' (\(value)) is not carried over: sturing counts every match once")
                    }
                    add(word, [category(parent.path)], line: n + 1)
                } else if line.hasPrefix("@") || line.hasPrefix("[") {
                    skipped.append("line \(n + 1): '\(line)' is a WordStat rule, which sturing does not match; left out")
                } else {
                    let path = (stack.last.map { $0.path + "/" } ?? "") + line
                    stack.append((indent, path))
                }
            }
        }

        // MARK: LIWC-22

        /// LIWC-22 `.dicx`: a CSV whose first column is the term and each other column a category,
        /// with a mark (X) or a weight in the cells. Fields may be quoted (R's `write.csv` quotes
        /// them all and adds a first column of row numbers, which is dropped).
        mutating func dicx(_ text: String) throws(LexiconError) {
            let firstLine = text.split(separator: "\n", maxSplits: 1).first ?? ""
            let delimiter: UnicodeScalar = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
            var table = [[String]]()
            do {
                let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: true, delimiter: delimiter)
                while let row = reader.next() { table.append(row) }
                if let error = reader.error { throw error }
            } catch {
                throw LexiconError(file: path, line: 0, message: "not a readable CSV file: \(error) (a .dicx is a CSV: the term, then one column per category)")
            }
            guard var header = table.first else { return }
            var body = Array(table.dropFirst())
            if header.count > 2, header[0].isEmpty, body.allSatisfy({ $0.first.map { $0.allSatisfy(\.isNumber) } ?? true }) {
                header.removeFirst()
                body = body.map { Array($0.dropFirst()) }
            }
            let columns = header.dropFirst().map { category($0) }
            var weighted = false
            for (n, row) in body.enumerated() where row.count > 1 || !(row.first ?? "").isEmpty {
                var cats = [Int]()
                for (k, cell) in row.enumerated().dropFirst() where k <= columns.count {
                    let c = cell.uppercased()
                    if c.isEmpty || c == "NA" || c == "FALSE" || c == "0" { continue }
                    if c != "X" && c != "TRUE" && Double(c.replacingOccurrences(of: ",", with: ".")) != 1 { weighted = true }
                    cats.append(columns[k - 1])
                }
                if cats.isEmpty {
                    if !row[0].isEmpty { skipped.append("line \(n + 2): '\(row[0])' is marked in no category; left out") }
                    continue
                }
                add(row[0], cats, line: n + 2)
            }
            if weighted { skipped.append("weights in the category columns are not carried over: sturing counts every match once") }
        }

        // MARK: quanteda

        /// quanteda YAML: keys (nested allowed) mapping to lists of words or globs; a word's
        /// category is the path of keys above it (`africa/east`).
        mutating func quanteda(_ text: String) throws(LexiconError) {
            try YAMLAliasGuard.check(text, path: path)
            let root: Node
            do { guard let n = try Yams.compose(yaml: text, .basic) else { return }; root = n } catch {
                throw LexiconError(file: path, line: 0, message: "not valid YAML: \(error) (fix the indentation or quoting there)")
            }
            guard let map = root.mapping else {
                throw LexiconError(file: path, line: 1, message: "a quanteda dictionary is a mapping of categories to words (write 'CATEGORY:' and the words as a list below it)")
            }
            walk(.mapping(map), path: "")
        }

        private mutating func walk(_ node: Node, path: String) {
            func word(_ n: Node) {
                guard let s = n.string else { return }
                add(s, [category(path.isEmpty ? "(top level)" : path)], line: n.mark?.line ?? 0)
            }
            if let seq = node.sequence {
                for item in seq {
                    if item.string != nil { word(item) } else { walk(item, path: path) }
                }
            } else if let map = node.mapping {
                for (k, v) in map {
                    let key = k.string ?? ""
                    walk(v, path: key.isEmpty ? path : (path.isEmpty ? key : path + "/" + key))
                }
            } else {
                word(node)
            }
        }

        // MARK: Lexicoder

        /// Lexicoder `.lc3`: "+CATEGORY" lines, then the category's words, one per line.
        mutating func lexicoder(_ text: String) {
            var current: Int?
            for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                if line.hasPrefix("+") { current = category(String(line.dropFirst()).trimmingCharacters(in: .whitespaces)); continue }
                guard let current else {
                    skipped.append("line \(n + 1): '\(line)' stands under no +CATEGORY line; left out")
                    continue
                }
                if line.contains(where: { "[]()^$\\|?{}".contains($0) }) {
                    skipped.append("line \(n + 1): '\(line)' is a regular expression, which sturing does not match; left out")
                    continue
                }
                add(line, [current], line: n + 1)
            }
        }
    }
}
