/// Entry indices by the exact words, stems and glob parts that can make them match a form, so a
/// new form is compared with the handful of entries it may match, not with every entry: a glob
/// `regel*` is found by looking up the start of the form as long as some prefix glob, `*markt`
/// its end, `*kracht*` each part as long as some such glob. A form costs a lookup per glob
/// length (per position for `*...*`), whatever the size of the lexicon.
struct CandidateIndex: Sendable {
    private var byWord = [String: [Int]]()
    private var byStem = [String: [Int]]()
    private var byPrefix = [String: [Int]]()
    private var bySuffix = [String: [Int]]()
    private var byInfix = [String: [Int]]()
    /// The lengths in UTF-8 bytes of the globs of each kind, so a form is cut only where a glob
    /// of that length exists (a few lookups per form for the built-in lexicon).
    private var prefixLengths = [Int](), suffixLengths = [Int](), infixLengths = [Int]()

    init(_ entries: [CompiledLexicon.Entry]) {
        var prefixes = Set<Int>(), suffixes = Set<Int>(), infixes = Set<Int>()
        for e in entries {
            for pattern in e.components + e.include + e.separable.flatMap({ $0.before + $0.after }) {
                switch pattern {
                case .exact(let w): byWord[w, default: []].append(e.index)
                case .stem(let s): byStem[s, default: []].append(e.index)
                case .prefix(let p):
                    byPrefix[p, default: []].append(e.index)
                    prefixes.insert(p.utf8.count)
                case .suffix(let s):
                    bySuffix[s, default: []].append(e.index)
                    suffixes.insert(s.utf8.count)
                case .contains(let c):
                    byInfix[c, default: []].append(e.index)
                    infixes.insert(c.utf8.count)
                }
            }
        }
        prefixLengths = prefixes.sorted()
        suffixLengths = suffixes.sorted()
        infixLengths = infixes.sorted()
    }

    /// The entries that may match a form with this key and stem, in lexicon order, each once.
    func entries(key: String, stem: String) -> [Int] {
        var found = [Int]()
        if let list = byWord[key] { found += list }
        if !stem.isEmpty, let list = byStem[stem] { found += list }
        if !byPrefix.isEmpty || !bySuffix.isEmpty || !byInfix.isEmpty {
            // Cut at scalar boundaries of the key's UTF-8: forms and patterns are NFC, where a
            // byte prefix is what `hasPrefix`, `hasSuffix` and `contains` compare.
            var key = key
            key.withUTF8 { b in
                let n = b.count
                func boundary(_ i: Int) -> Bool { i == n || (b[i] & 0xC0) != 0x80 }
                func text(_ from: Int, _ to: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self) }
                for length in prefixLengths where length <= n && boundary(length) {
                    if let list = byPrefix[text(0, length)] { found += list }
                }
                for length in suffixLengths where length <= n && boundary(n - length) {
                    if let list = bySuffix[text(n - length, n)] { found += list }
                }
                for length in infixLengths where length <= n {
                    for start in 0...(n - length) where boundary(start) && boundary(start + length) {
                        if let list = byInfix[text(start, start + length)] { found += list }
                    }
                }
            }
        }
        guard found.count > 1 else { return found }
        return Array(Set(found)).sorted()
    }
}
