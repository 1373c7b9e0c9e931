import SturingCore

/// Which categories of an imported dictionary count for which perspective (`--map`): keys are
/// category numbers (LIWC; "1" and "01" are the same), names, column headers or paths of nested
/// keys (`africa/east`; a path maps every category below it). A category named PA, NPM, NPG or SR
/// (or below a key so named) maps itself.
public struct DictionaryMapping: Sendable {
    private var table: [String: Perspective]
    /// The keys as given, in order.
    public private(set) var keys: [String]

    /// A mapping from `CATEGORY=PERSPECTIVE` pairs ("1=PA,2=NPM,africa/east=SR").
    public init(parsing text: String) throws(LexiconError) {
        var pairs = [(String, Perspective)]()
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let p = Perspective(code: parts[1]) else {
                throw LexiconError(file: "--map", line: 0, message: "'\(pair)' is not CATEGORY=PERSPECTIVE (write e.g. --map 1=PA,2=NPM; the perspectives are PA, NPM, NPG and SR)")
            }
            pairs.append((parts[0], p))
        }
        self.init(pairs)
    }

    /// A mapping from a table of keys.
    public init(_ mapping: [String: Perspective]) {
        self.init(mapping.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    private init(_ pairs: [(String, Perspective)]) {
        table = [:]
        keys = []
        for (key, p) in pairs {
            let k = Self.normalized(key)
            if table[k] == nil { keys.append(key) }
            table[k] = p
        }
    }

    /// The perspective of `category`: its own key or name, else the nearest mapped path above
    /// it, else the nearest part of its path named after a perspective; nil when unmapped.
    func perspective(for category: DictionaryImport.Category) -> Perspective? {
        for candidate in [category.key, category.name] + Self.ancestors(category.key) {
            if let p = table[Self.normalized(candidate)] { return p }
        }
        if let p = Perspective(code: category.name) { return p }
        for part in category.key.split(separator: "/").reversed() {
            if let p = Perspective(code: String(part)) { return p }
        }
        return nil
    }

    /// True when `key` (as given to `--map`) names `category`, or a path above it.
    func names(_ category: DictionaryImport.Category, _ key: String) -> Bool {
        let k = Self.normalized(key)
        return ([category.key, category.name] + Self.ancestors(category.key)).contains { Self.normalized($0) == k }
    }

    /// "a/b/c" → ["a/b", "a"].
    static func ancestors(_ path: String) -> [String] {
        var parts = path.split(separator: "/").map(String.init)
        var out = [String]()
        while parts.count > 1 {
            parts.removeLast()
            out.append(parts.joined(separator: "/"))
        }
        return out
    }

    /// Lowercased; a number without leading zeros ("01" → "1").
    static func normalized(_ key: String) -> String {
        let k = key.trimmingCharacters(in: .whitespaces).lowercased()
        guard !k.isEmpty, k.allSatisfy(\.isASCII), k.allSatisfy(\.isNumber) else { return k }
        let trimmed = k.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
