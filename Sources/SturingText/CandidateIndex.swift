/// Entry indices by the exact words, stems and glob parts that can make them match a form, so a
/// new form is compared with the handful of entries it may match, not with every entry: a glob
/// `regel*` is found by looking up each start of the form, `*markt` each end, `*kracht*` each
/// part of a length some such glob has. Looking up a form costs a few lookups per character,
/// whatever the size of the lexicon.
struct CandidateIndex: Sendable {
    private var byWord = [String: [Int]]()
    private var byStem = [String: [Int]]()
    private var byPrefix = [String: [Int]]()
    private var bySuffix = [String: [Int]]()
    private var byInfix = [String: [Int]]()
    /// The lengths (in Unicode scalars) of the `*...*` globs, shortest first.
    private var infixLengths = [Int]()

    init(_ entries: [CompiledLexicon.Entry]) {
        var lengths = Set<Int>()
        for e in entries {
            for pattern in e.components + e.include + e.separable.flatMap({ $0.before + $0.after }) {
                switch pattern {
                case .exact(let w): byWord[w, default: []].append(e.index)
                case .stem(let s): byStem[s, default: []].append(e.index)
                case .prefix(let p): byPrefix[p, default: []].append(e.index)
                case .suffix(let s): bySuffix[s, default: []].append(e.index)
                case .contains(let c):
                    byInfix[c, default: []].append(e.index)
                    lengths.insert(c.unicodeScalars.count)
                }
            }
        }
        infixLengths = lengths.sorted()
    }

    /// The entries that may match a form with this key and stem, in lexicon order, each once.
    func entries(key: String, stem: String) -> [Int] {
        var found = [Int]()
        if let list = byWord[key] { found += list }
        if !stem.isEmpty, let list = byStem[stem] { found += list }
        if !byPrefix.isEmpty || !bySuffix.isEmpty || !byInfix.isEmpty {
            // By scalars: forms and patterns are NFC, where a scalar prefix is a byte prefix, as
            // `hasPrefix`, `hasSuffix` and `contains` compare them.
            // The parts are cut from the key's own bytes at scalar boundaries (a copy of a few
            // bytes each, no scalar-by-scalar rebuilding).
            let scalars = key.unicodeScalars
            let bounds = Array(scalars.indices) + [scalars.endIndex]
            let n = bounds.count - 1
            func text(_ r: Range<Int>) -> String { String(Substring(scalars[bounds[r.lowerBound]..<bounds[r.upperBound]])) }
            if !byPrefix.isEmpty {
                for end in stride(from: 1, through: n, by: 1) { if let list = byPrefix[text(0..<end)] { found += list } }
            }
            if !bySuffix.isEmpty {
                for start in 0..<n { if let list = bySuffix[text(start..<n)] { found += list } }
            }
            for length in infixLengths where length <= n {
                for start in 0...(n - length) {
                    if let list = byInfix[text(start..<(start + length))] { found += list }
                }
            }
        }
        guard found.count > 1 else { return found }
        return Array(Set(found)).sorted()
    }
}
