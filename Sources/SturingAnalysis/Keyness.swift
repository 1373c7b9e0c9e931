import Foundation

/// Words over-represented in target plans against reference plans: log-likelihood G² (Dunning
/// 1993; Rayson & Garside 2000) for how sure, and the log ratio (Hardie 2014) for how much.
public enum Keyness {
    /// One word's figures.
    public struct Word: Sendable, Equatable {
        public var word: String
        /// Occurrences in the target and in the reference plans.
        public var target: Int
        public var reference: Int
        /// Target plans that use the word (dispersion).
        public var plans: Int
        /// Log-likelihood G².
        public var g2: Double
        /// log2 of the ratio of relative frequencies (a zero reference frequency counts as 0.5).
        public var logRatio: Double
        /// True when the lexicon already counts this form.
        public var inLexicon: Bool
        /// Where it first occurs in a target plan.
        public var context: String
    }

    /// G² of a word with `a` occurrences in `c` target tokens and `b` in `d` reference tokens.
    public static func g2(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        let total = Double(a + b), n = Double(c + d)
        guard total > 0, n > 0 else { return 0 }
        let e1 = Double(c) * total / n, e2 = Double(d) * total / n
        var g = 0.0
        if a > 0 { g += Double(a) * log(Double(a) / e1) }
        if b > 0 { g += Double(b) * log(Double(b) / e2) }
        return 2 * g
    }

    /// log2((a / c) / (b / d)), with 0.5 for a zero `b`.
    public static func logRatio(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        let rb = b == 0 ? 0.5 : Double(b)
        return log2((Double(a) / Double(c)) / (rb / Double(d)))
    }

    /// The over-represented words: at least `minFrequency` in the target and used by at least
    /// `minPlans` target plans, by G² (largest first). Words for which `leaveOut` is true
    /// (stopwords and numbers, by the caller's choice) are not listed; they still count in the
    /// totals, so leaving them out changes no other word's figures.
    public static func words(target: [[String: (count: Int, inLexicon: Bool, context: String)]],
                             reference: [[String: (count: Int, inLexicon: Bool, context: String)]],
                             minFrequency: Int = 5, minPlans: Int = 2, leaveOut: (String) -> Bool = { _ in false }) -> [Word] {
        var a = [String: Int](), b = [String: Int](), plans = [String: Int](), lexicon = [String: Bool](), context = [String: String]()
        for plan in target {
            for (w, v) in plan {
                a[w, default: 0] += v.count
                plans[w, default: 0] += 1
                lexicon[w] = v.inLexicon
                if context[w] == nil { context[w] = v.context }
            }
        }
        for plan in reference { for (w, v) in plan { b[w, default: 0] += v.count } }
        let c = a.values.reduce(0, +), d = b.values.reduce(0, +)
        guard c > 0, d > 0 else { return [] }
        return a.compactMap { w, n -> Word? in
            let r = b[w] ?? 0
            guard n >= minFrequency, (plans[w] ?? 0) >= minPlans, !leaveOut(w), Double(n) / Double(c) > Double(r) / Double(d) else { return nil }
            return Word(word: w, target: n, reference: r, plans: plans[w] ?? 0, g2: g2(n, r, c, d), logRatio: logRatio(n, r, c, d),
                        inLexicon: lexicon[w] ?? false, context: context[w] ?? "")
        }.sorted { $0.g2 != $1.g2 ? $0.g2 > $1.g2 : $0.word < $1.word }
    }
}
