/// How one word of a lexicon term (or of an include/exclude list) is compared with a word form.
public enum WordPattern: Sendable, Equatable, CustomStringConvertible {
    /// The form equals the word.
    case exact(String)
    /// The form's stem equals this stem.
    case stem(String)
    /// The form starts with the text (`zelfredza*`).
    case prefix(String)
    /// The form ends with the text (`*markt`).
    case suffix(String)
    /// The form contains the text (`*kracht*`).
    case contains(String)

    /// A pattern for an include/exclude item or a phrase word: a glob when it holds `*`, else exact.
    public static func literalOrGlob(_ word: String) -> WordPattern {
        let w = WordTokenizer.matchKey(WordTokenizer.normalizeTerm(word))
        let starts = w.hasPrefix("*"), ends = w.hasSuffix("*")
        let core = String(w.drop { $0 == "*" }.reversed().drop { $0 == "*" }.reversed())
        switch (starts, ends) {
        case (true, true): return .contains(core)
        case (true, false): return .suffix(core)
        case (false, true): return .prefix(core)
        case (false, false): return .exact(core)
        }
    }

    /// True when a lowercased `form` (with its `stem`) matches.
    @inline(__always)
    public func matches(form: String, stem: String) -> Bool {
        switch self {
        case .exact(let w): form == w
        case .stem(let s): stem == s
        case .prefix(let p): form.hasPrefix(p)
        case .suffix(let s): form.hasSuffix(s)
        case .contains(let c): form.contains(c)
        }
    }

    /// True for stem patterns (they need the form's stem).
    public var needsStem: Bool {
        if case .stem = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .exact(let w): w
        case .stem(let s): "stem:\(s)"
        case .prefix(let p): "\(p)*"
        case .suffix(let s): "*\(s)"
        case .contains(let c): "*\(c)*"
        }
    }
}
