import CSV
import Foundation
import SturingCore
import Yams

/// Reads a lexicon from a YAML file (the full format) or a CSV file (`perspective,term`).
public enum LexiconLoader {
    /// Keys allowed at the top of a YAML lexicon.
    static let topKeys: Set<String> = ["name", "version", "source", "language", "match", "perspectives", "entries", "description"]
    /// Keys allowed in an entry.
    static let entryKeys: Set<String> = ["term", "perspective", "match", "include", "exclude", "exclude_phrases", "separable", "note", "tests"]

    /// Loads and validates the lexicon at `path`; the format follows the content (YAML unless it
    /// looks like a `perspective,term` CSV).
    public static func load(path: String) throws(LexiconError) -> Lexicon {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, message: "cannot read the lexicon file (check the --lexicon path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: path, line: 0, message: "the lexicon is not UTF-8 text (save it as UTF-8)")
        }
        let sha = SHA256Hex.digest(data)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if path.lowercased().hasSuffix(".csv") || looksLikeCSV(body) {
            return try loadCSV(body, path: path, sha256: sha)
        }
        return try loadYAML(body, path: path, sha256: sha)
    }

    static func looksLikeCSV(_ text: String) -> Bool {
        let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let lower = first.lowercased().replacingOccurrences(of: " ", with: "")
        return lower.hasPrefix("perspective,term") || lower.hasPrefix("perspective;term")
            || lower.hasPrefix("perspectief,term") || lower.hasPrefix("perspectief;term")
    }

    // MARK: YAML

    /// Parses the YAML lexicon format.
    public static func loadYAML(_ text: String, path: String, sha256: String) throws(LexiconError) -> Lexicon {
        try YAMLAliasGuard.check(text, path: path)
        let root: Node
        do {
            // The basic resolver: every scalar is read as text here (counts are parsed by hand), so
            // Yams' regular-expression tag resolution of the default resolver is not needed.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw LexiconError(file: path, line: 0, message: "the lexicon file is empty")
            }
            root = node
        } catch let e as LexiconError {
            throw e
        } catch let e as YamlError {
            throw LexiconError(file: path, line: yamlLine(e), message: "not valid YAML: \(yamlSummary(e)) (fix the indentation or quoting there)")
        } catch {
            throw LexiconError(file: path, line: 0, message: "not valid YAML: \(error)")
        }
        guard let top = root.mapping else {
            throw LexiconError(file: path, line: line(root), message: "the top level must be a mapping with name, version and entries")
        }
        for (key, _) in top {
            let k = key.string ?? ""
            if !topKeys.contains(k) {
                throw LexiconError(file: path, line: line(key), message: "unknown key '\(k)' (allowed: \(topKeys.sorted().joined(separator: ", ")))")
            }
        }
        func scalar(_ key: String) -> String? { top[key]?.string }
        let name = scalar("name") ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let version = scalar("version") ?? "unversioned"
        var defaultMatch = MatchMode.stem
        if let m = top["match"] {
            guard let s = m.string, let mode = MatchMode(rawValue: s) else {
                throw LexiconError(file: path, line: line(m), message: "unknown match mode '\(m.string ?? "?")' (use exact, stem or glob)")
            }
            defaultMatch = mode
        }
        var labels = [Perspective: String]()
        if let p = top["perspectives"] {
            guard let map = p.mapping else {
                throw LexiconError(file: path, line: line(p), message: "perspectives must map a code (PA, NPM, NPG, SR) to a label")
            }
            for (k, v) in map {
                guard let code = k.string, let persp = Perspective(code: code) else {
                    throw LexiconError(file: path, line: line(k), message: "unknown perspective '\(k.string ?? "?")' (use PA, NPM, NPG or SR)")
                }
                labels[persp] = v.string ?? v.mapping?["label"]?.string ?? ""
            }
        }
        guard let entriesNode = top["entries"] else {
            throw LexiconError(file: path, line: 0, message: "no 'entries' list (add the signal words under entries:)")
        }
        guard let list = entriesNode.sequence else {
            throw LexiconError(file: path, line: line(entriesNode), message: "'entries' must be a list of entries (- term: ...)")
        }
        var entries = [LexiconEntry]()
        for node in list {
            entries.append(try entry(node, defaultMatch: defaultMatch, path: path))
        }
        let lexicon = Lexicon(name: name, version: version, source: scalar("source") ?? "", language: scalar("language") ?? "nl",
                              defaultMatch: defaultMatch, labels: labels, entries: entries, sha256: sha256, path: path)
        try LexiconValidator.validate(lexicon)
        return lexicon
    }

    static func entry(_ node: Node, defaultMatch: MatchMode, path: String) throws(LexiconError) -> LexiconEntry {
        let at = line(node)
        guard let map = node.mapping else {
            throw LexiconError(file: path, line: at, message: "an entry must be a mapping with term and perspective")
        }
        for (key, _) in map {
            let k = key.string ?? ""
            if !entryKeys.contains(k) {
                throw LexiconError(file: path, line: line(key), message: "unknown entry key '\(k)' (allowed: \(entryKeys.sorted().joined(separator: ", ")))")
            }
        }
        guard let term = map["term"]?.string?.trimmingCharacters(in: .whitespaces), !term.isEmpty else {
            throw LexiconError(file: path, line: at, message: "entry without a term (add term: <word>)")
        }
        guard let pNode = map["perspective"], let pCode = pNode.string else {
            throw LexiconError(file: path, line: at, message: "entry '\(term)' has no perspective (add perspective: PA, NPM, NPG or SR)")
        }
        guard let perspective = Perspective(code: pCode) else {
            throw LexiconError(file: path, line: line(pNode), message: "entry '\(term)': unknown perspective '\(pCode)' (use PA, NPM, NPG or SR)")
        }
        var mode = term.contains("*" as Character) ? MatchMode.glob : defaultMatch
        if let m = map["match"] {
            guard let s = m.string, let parsed = MatchMode(rawValue: s) else {
                throw LexiconError(file: path, line: line(m), message: "entry '\(term)': unknown match mode '\(m.string ?? "?")' (use exact, stem or glob)")
            }
            mode = parsed
        }
        func list(_ key: String) throws(LexiconError) -> [String] {
            guard let n = map[key] else { return [] }
            if let s = n.string { return [s] }
            guard let seq = n.sequence else {
                throw LexiconError(file: path, line: line(n), message: "entry '\(term)': \(key) must be a list of words")
            }
            var out = [String]()
            for item in seq {
                guard let s = item.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw LexiconError(file: path, line: line(item), message: "entry '\(term)': empty item in \(key)")
                }
                out.append(s.trimmingCharacters(in: .whitespaces))
            }
            return out
        }
        return LexiconEntry(term: term, perspective: perspective, match: mode, include: try list("include"),
                            exclude: try list("exclude"), excludePhrases: try list("exclude_phrases"), separable: try list("separable"),
                            note: map["note"]?.string ?? "", tests: try tests(map["tests"], term: term, path: path), line: at)
    }

    /// An entry's `tests`: a list of `{text: "...", count: N}`.
    static func tests(_ node: Node?, term: String, path: String) throws(LexiconError) -> [LexiconTest] {
        guard let node else { return [] }
        guard let seq = node.sequence else {
            throw LexiconError(file: path, line: line(node), message: "entry '\(term)': tests must be a list of {text: \"...\", count: N}")
        }
        var out = [LexiconTest]()
        for item in seq {
            guard let map = item.mapping, let text = map["text"]?.string, !text.isEmpty,
                  let countText = map["count"]?.string, let count = Int(countText), count >= 0,
                  map.count == 2 else {
                throw LexiconError(file: path, line: line(item),
                                   message: "entry '\(term)': a test needs exactly text (a sentence) and count (how often the entry counts in it, 0 or more)")
            }
            out.append(LexiconTest(text: text, count: count, line: line(item)))
        }
        return out
    }

    static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }  // Yams marks are 1-based

    static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 0
        }
    }

    static func yamlSummary(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }

    // MARK: CSV

    /// Parses a `perspective,term` list (comma or semicolon). Entries are matched as exact forms,
    /// as in the original NVivo counts; use `--match stem` to stem them.
    public static func loadCSV(_ text: String, path: String, sha256: String) throws(LexiconError) -> Lexicon {
        let firstLine = text.split(separator: "\n", maxSplits: 1).first ?? ""
        let delimiter: UnicodeScalar = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        var entries = [LexiconEntry]()
        do {
            // Fields are trimmed here, not by the reader (its Foundation trimming cost a tenth of
            // loading a lexicon of 200,000 terms).
            let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
            var lineNumber = 0
            while let raw = reader.next() {
                let row = raw.map(Self.trimmed)
                lineNumber += 1
                if row.allSatisfy({ $0.isEmpty }) { continue }
                if lineNumber == 1 && ["perspective", "perspectief"].contains(row.first?.lowercased() ?? "") { continue }
                guard row.count >= 2 else {
                    throw LexiconError(file: path, line: lineNumber, message: "expected 'perspective,term', found '\(row.joined(separator: ","))'")
                }
                guard let p = Perspective(rawValue: row[0].uppercased()) ?? Perspective(code: row[0]) else {
                    throw LexiconError(file: path, line: lineNumber, message: "unknown perspective '\(row[0])' (use PA, NPM, NPG or SR)")
                }
                let term = row[1]
                guard !term.isEmpty else {
                    throw LexiconError(file: path, line: lineNumber, message: "empty term (fill in the word or delete the line)")
                }
                entries.append(LexiconEntry(term: term, perspective: p, match: term.contains("*" as Character) ? .glob : .exact, line: lineNumber))
            }
        } catch let e as LexiconError {
            throw e
        } catch {
            throw LexiconError(file: path, line: 0, message: "not a readable CSV file: \(error)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let lexicon = Lexicon(name: name, version: "csv", source: path, defaultMatch: .exact, entries: entries,
                              sha256: sha256, path: path)
        try LexiconValidator.validate(lexicon)
        return lexicon
    }
}

extension LexiconLoader {
    /// `s` without white space at either end.
    static func trimmed(_ s: String) -> String {
        guard let first = s.first, let last = s.last, first.isWhitespace || last.isWhitespace else { return s }
        return String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// A built-in lexicon (Lexicons/NAME.yaml as compiled into the binary; the default one
    /// unless `name` says otherwise).
    public static func builtin(_ name: String = BuiltinLexicon.defaultName) throws(LexiconError) -> Lexicon {
        guard let yaml = BuiltinLexicon.yaml[name] else {
            throw LexiconError(file: "built-in:\(name)", line: 0, message: "there is no built-in lexicon '\(name)' (built-in: \(BuiltinLexicon.yaml.keys.sorted().joined(separator: ", ")))")
        }
        let path = "built-in:\(name).yaml"
        // The file ends with a newline that the embedding (a multi-line literal) drops.
        let text = yaml + "\n"
        let sha = SHA256Hex.digest(Array(text.utf8))
        return try loadYAML(text, path: path, sha256: sha)
    }

    /// The lexicon a user named: a file, or a built-in one by its name ("nijdam-2019-plus") or
    /// by the path a run records for it ("built-in:nijdam-2019-plus.yaml"); nil for the default.
    /// A file of that name in the working folder comes before a built-in one.
    public static func loadNamed(_ name: String?) throws(LexiconError) -> Lexicon {
        guard let name else { return try builtin() }
        if name.hasPrefix("built-in:") {
            var bare = String(name.dropFirst("built-in:".count))
            if bare.hasSuffix(".yaml") { bare.removeLast(5) }
            return try builtin(bare)
        }
        if BuiltinLexicon.yaml[name] != nil && !FileManager.default.fileExists(atPath: name) { return try builtin(name) }
        return try load(path: name)
    }
}
