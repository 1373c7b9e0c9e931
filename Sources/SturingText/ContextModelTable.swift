import SturingCore

/// A context model laid out for the scorer: each entry's starting log-odds, and a row of weights
/// per word the model knows (as the match's form, one and two before, one and two after, and
/// anywhere in the window; four perspectives each). A form id is mapped to its word's row once,
/// so a match costs a few array reads per context word, not string work. One per scorer.
final class ContextModelTable {
    /// The model.
    let model: ContextModel
    /// Per lexicon entry: the log-odds before context (its term's smoothed precision).
    let prior: [Double]
    /// Per entry: its perspective's index.
    private let perspective: [Int]
    /// The slots of a row, in this order, each 4 wide (PA NPM NPG SR).
    private enum Slot: Int, CaseIterable { case form, l1, l2, r1, r2, bag }
    private static let rowWidth = Slot.allCases.count * 4
    /// The rows of the words the model knows (lower-case), one after another.
    private let rows: [Double]
    private let rowOf: [String: Int32]
    /// Per form id: its word's row, -1 when the model does not know the word, -2 not looked up
    /// yet. Raw storage, read through a local pointer in the hot loop (a class's array property
    /// would be checked for exclusive access at every element).
    private var rowOfForm: UnsafeMutablePointer<Int32>
    private var formCapacity = 0
    /// The window as a set of words, slid along the text from match to match (each token enters
    /// and leaves it once, so the cost is in the text's length, not matches × window): per row how
    /// many of the window's tokens are its word, and the sum of the window words' weights, in
    /// millionths (the model's weights have six decimals), so the sum is exact whatever the path.
    private let inWindow: UnsafeMutablePointer<Int32>
    private var windowSum = SIMD4<Int64>()
    private var low = 0, high = 0
    /// Per row: its window weight in millionths, per perspective.
    private let bagMicro: [SIMD4<Int64>]
    /// The phrase forms' weights (a phrase's form is its words, not one interned form).
    private var phraseForm: [String: SIMD4<Double>] = [:]

    /// Words of context on each side (the model's).
    private let window: Int

    /// The table of `model` for `lexicon`.
    init(model: ContextModel, lexicon: CompiledLexicon) {
        self.model = model
        window = model.window
        prior = lexicon.entries.map { model.priorLogit($0.perspective, term: $0.term.lowercased()) }
        perspective = lexicon.entries.map(\.perspective.index)
        let prefixes: [(String, Slot)] = [("f:", .form), ("l1:", .l1), ("l2:", .l2), ("r1:", .r1), ("r2:", .r2), ("b:", .bag)]
        var rows = [Double](), rowOf = [String: Int32]()
        for p in Perspective.allCases {
            // Sorted, so rows are numbered the same on every run.
            for (feature, weight) in (model.perspectives[p.code]?.weights ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let (prefix, slot) = prefixes.first(where: { feature.hasPrefix($0.0) }) else { continue }
                let word = String(feature.dropFirst(prefix.count))
                let row: Int
                if let r = rowOf[word] { row = Int(r) } else {
                    row = rowOf.count
                    rowOf[word] = Int32(row)
                    rows += repeatElement(0, count: Self.rowWidth)
                }
                rows[row * Self.rowWidth + slot.rawValue * 4 + p.index] = weight
            }
        }
        self.rows = rows
        self.rowOf = rowOf
        bagMicro = (0..<rowOf.count).map { r in
            let at = r * Self.rowWidth + Slot.bag.rawValue * 4
            return SIMD4((0..<4).map { Int64((rows[at + $0] * 1_000_000).rounded()) })
        }
        inWindow = .allocate(capacity: max(1, rowOf.count))
        inWindow.initialize(repeating: 0, count: max(1, rowOf.count))
        rowOfForm = .allocate(capacity: 1)
    }

    deinit {
        inWindow.deallocate()
        rowOfForm.deallocate()
    }

    /// Empties the window: call before the matches of a new text (a document or a chunk).
    func startText() {
        inWindow.update(repeating: 0, count: max(1, rowOf.count))
        windowSum = .zero
        low = 0
        high = 0
    }

    /// The row of form `id`'s word (-1: none).
    @inline(__always)
    private func row(_ id: Int32, _ interner: FormInterner) -> Int {
        let i = Int(id)
        if i < formCapacity, rowOfForm[i] != -2 { return Int(rowOfForm[i]) }
        return lookUp(i, interner)
    }

    /// Looks form `i`'s word up in the model (growing the per-form storage when needed).
    private func lookUp(_ i: Int, _ interner: FormInterner) -> Int {
        if i >= formCapacity {
            let capacity = max(i + 1, formCapacity * 2, 1024)
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
            grown.update(from: rowOfForm, count: formCapacity)
            (grown + formCapacity).initialize(repeating: -2, count: capacity - formCapacity)
            rowOfForm.deallocate()
            rowOfForm = grown
            formCapacity = capacity
        }
        rowOfForm[i] = rowOf[interner.form(Int32(i)).lowercased()] ?? -1
        return Int(rowOfForm[i])
    }

    /// The weight of form `id` in `slot` for perspective index `k` (0 for a word the model does not know).
    @inline(__always)
    private func weight(_ id: Int32, _ slot: Slot, _ k: Int, _ interner: FormInterner) -> Double {
        let r = row(id, interner)
        return r < 0 ? 0 : rows[r * Self.rowWidth + slot.rawValue * 4 + k]
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
            z += weight(forms[token], .form, k, interner)
        }
        let window = self.window
        let from = max(0, token - window), end = token + length, to = min(forms.count, end + window)
        // Every form of the window is looked up first (through local copies of the storage,
        // refreshed when a look-up grows it), then summed through local pointers. The tokens
        // before `high` were looked up for an earlier match of this text (matches come in text
        // order), so only the window's new tokens are.
        var byForm = rowOfForm, capacity = formCapacity
        for t in max(from, high)..<max(to, max(from, high)) {
            let id = Int(forms[t])
            if id < capacity && byForm[id] != -2 { continue }
            _ = lookUp(id, interner)
            byForm = rowOfForm
            capacity = formCapacity
        }
        @inline(__always) func near(_ t: Int, _ slot: Slot) -> Double {
            let r = Int(byForm[Int(forms[t])])
            return r < 0 ? 0 : rows[r * Self.rowWidth + slot.rawValue * 4 + k]
        }
        if token >= 1 { z += near(token - 1, .l1) }
        if token >= 2 { z += near(token - 2, .l2) }
        if end < forms.count { z += near(end, .r1) }
        if end + 1 < forms.count { z += near(end + 1, .r2) }
        // The window's distinct known words: slide [low, high) to [from, to) (matches come in
        // text order, so `from` never moves back), take the match's own tokens out, read the sum.
        let counts = inWindow
        var sum = windowSum
        @inline(__always) func add(_ t: Int) {
            let r = Int(byForm[Int(forms[t])])
            guard r >= 0 else { return }
            counts[r] += 1
            if counts[r] == 1 { sum &+= bagMicro[r] }
        }
        @inline(__always) func remove(_ t: Int) {
            let r = Int(byForm[Int(forms[t])])
            guard r >= 0 else { return }
            counts[r] -= 1
            if counts[r] == 0 { sum &-= bagMicro[r] }
        }
        var lo = low, hi = high
        if from >= hi {
            for t in lo..<hi { remove(t) }
            lo = from
            hi = from
        }
        while lo < from { remove(lo); lo += 1 }
        while hi > to { hi -= 1; remove(hi) }
        while hi < to { add(hi); hi += 1 }
        let own = max(token, lo)..<min(end, hi)
        for t in own { remove(t) }
        z += Double(sum[k]) / 1_000_000
        for t in own { add(t) }
        low = lo
        high = hi
        windowSum = sum
        return ContextModel.sigmoid(z)
    }
}
