import SturingCore

/// A context model laid out for the scorer: each entry's starting log-odds, and each word
/// form's weights in every slot (form, neighbours, window), looked up once per form and kept, so
/// a match costs a few array reads per context word, not string work. One per scorer.
final class ContextModelTable {
    /// The model.
    let model: ContextModel
    /// Per lexicon entry: the log-odds before context (its term's smoothed precision).
    let prior: [Double]
    /// Per entry: its perspective's index.
    private let perspective: [Int]
    /// Weights of one word form, per perspective index: as the match's form, as the word one and
    /// two before, one and two after, and anywhere in the window.
    struct Weights {
        var form = SIMD4<Double>(), l1 = SIMD4<Double>(), l2 = SIMD4<Double>()
        var r1 = SIMD4<Double>(), r2 = SIMD4<Double>(), bag = SIMD4<Double>()
        /// One number per lower-case form ("Zorg" and "zorg" share it), so the window is a set
        /// of lower-case words, as in training.
        var word: Int32 = 0
    }
    private var words: [String: Int32] = [:]
    private var weights: [Weights?] = []
    /// The phrase forms' weights (a phrase's form is its words, not one interned form).
    private var phraseForm: [String: SIMD4<Double>] = [:]
    /// Reused buffer of the window's distinct forms.
    private var bag: [Int32] = []
    private var seen: [Int32] = []

    /// The table of `model` for `lexicon`.
    init(model: ContextModel, lexicon: CompiledLexicon) {
        self.model = model
        prior = lexicon.entries.map { model.priorLogit($0.perspective, term: $0.term.lowercased()) }
        perspective = lexicon.entries.map(\.perspective.index)
    }

    /// The weights of form `id` (computed on first use).
    @inline(__always)
    private func weights(_ id: Int32, _ interner: FormInterner) -> Weights {
        let i = Int(id)
        if i >= weights.count { weights.append(contentsOf: repeatElement(nil, count: max(i + 1 - weights.count, weights.count))) }
        if let w = weights[i] { return w }
        let form = interner.form(id).lowercased()
        var w = Weights()
        if let known = words[form] { w.word = known } else {
            w.word = Int32(words.count)
            words[form] = w.word
        }
        for p in Perspective.allCases {
            w.form[p.index] = model.weight(p, "f:" + form)
            w.l1[p.index] = model.weight(p, "l1:" + form)
            w.l2[p.index] = model.weight(p, "l2:" + form)
            w.r1[p.index] = model.weight(p, "r1:" + form)
            w.r2[p.index] = model.weight(p, "r2:" + form)
            w.bag[p.index] = model.weight(p, "b:" + form)
        }
        weights[i] = w
        return w
    }

    /// The probability that entry `entry`'s match at tokens `token..<token+length` of `forms`
    /// signals its perspective; `phrase` is the matched words of a phrase (nil for one word).
    func probability(entry: Int, token: Int, length: Int, phrase: String?, forms: UnsafeBufferPointer<Int32>, interner: FormInterner) -> Double {
        let k = perspective[entry]
        var z = prior[entry]
        if let phrase {
            if let w = phraseForm[phrase] { z += w[k] } else {
                var w = SIMD4<Double>()
                for p in Perspective.allCases { w[p.index] = model.weight(p, "f:" + phrase.lowercased()) }
                phraseForm[phrase] = w
                z += w[k]
            }
        } else {
            z += weights(forms[token], interner).form[k]
        }
        let window = model.window
        let from = max(0, token - window), end = token + length, to = min(forms.count, end + window)
        if token >= 1 { z += weights(forms[token - 1], interner).l1[k] }
        if token >= 2 { z += weights(forms[token - 2], interner).l2[k] }
        if end < forms.count { z += weights(forms[end], interner).r1[k] }
        if end + 1 < forms.count { z += weights(forms[end + 1], interner).r2[k] }
        bag.removeAll(keepingCapacity: true)
        for t in from..<token { bag.append(forms[t]) }
        for t in end..<to { bag.append(forms[t]) }
        // Each lower-case word once, however often it occurs in the window.
        seen.removeAll(keepingCapacity: true)
        for id in bag {
            let w = weights(id, interner)
            if seen.contains(w.word) { continue }
            seen.append(w.word)
            z += w.bag[k]
        }
        return ContextModel.sigmoid(z)
    }
}
