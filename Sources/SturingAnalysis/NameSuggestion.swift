/// The closest names to a misspelt one (Levenshtein distance on lowercased scalars), so a typo in
/// --exclude or --average is an error that suggests what was meant.
public enum NameSuggestion {
    /// Up to `k` names from `candidates` closest to `name`, nearest first, within a distance of a
    /// third of the name's length (at least 2).
    public static func closest(to name: String, in candidates: [String], k: Int = 3) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        let limit = max(2, target.count / 3)
        var scored = [(name: String, distance: Int)]()
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased().unicodeScalars))
            if d <= limit { scored.append((candidate, d)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return scored.prefix(k).map(\.name)
    }

    /// Levenshtein distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
