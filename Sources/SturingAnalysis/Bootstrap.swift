import Dispatch
import Foundation
import SturingCore
import Synchronization

/// How sure a share, a rank and a case selection are: each plan's sentences are resampled with
/// replacement (their per-sentence count vectors, not the text), N times with a seed, and each
/// replicate's shares are ranked again (Benoit, Laver & Mikhaylov 2009; Goldstein & Spiegelhalter
/// 1996). Pure and deterministic: the same plans, N and seed give the same result, on any number
/// of cores.
///
/// The resampling is the Poisson bootstrap (Hanley & MacGibbon 2006): every sentence is drawn a
/// Poisson(1) number of times, so the sentences with the same count vector, `times` of them, are
/// drawn Poisson(times) times together. For plans of hundreds of sentences its intervals equal
/// those of drawing exactly n sentences, and a replicate costs one draw per distinct vector instead
/// of one per sentence. Sentences without signal words do not change a share, so they need no draw.
///
/// Every plan in every replicate draws from a random stream of its own (the seed, the plan's
/// number and the replicate's number mixed), so a replicate can be drawn again whenever it is
/// needed: the replicates are ranked (and the cases chosen again) one replicate at a time, and
/// each plan's intervals are read one plan at a time, without holding plans × replicates in memory
/// for large corpora.
public struct Bootstrap: Sendable {
    /// One plan's intervals, per perspective in the order PA, NPM, NPG, SR.
    public struct PlanIntervals: Sendable, Equatable {
        /// 95 % percentile interval of the share (percent).
        public var shareLow: [Double]
        /// Upper bound of that interval.
        public var shareHigh: [Double]
        /// 95 % interval of the plan's rank among ranked plans (nil for unranked plans).
        public var rankLow: [Int]?
        /// Upper bound of the rank interval.
        public var rankHigh: [Int]?
        /// Share of replicates in which the plan ranks first, 0...1 (ties split); nil when unranked.
        public var pTop1: [Double]?
    }

    /// Replicates drawn.
    public let replicates: Int
    /// The seed.
    public let seed: UInt64
    /// Per plan, in input order.
    public let plans: [PlanIntervals]
    /// Indices (into the input) of the ranked plans, in input order.
    public let rankedIndices: [Int]
    /// Per case role ("PA" … "average"), the share of replicates that give the role to the same
    /// municipality as `selection` (when one was given).
    public let selectionStability: [String: Double]?
    /// Every plan's distinct sentence vectors, one after another: plan i's are
    /// `vectors.start[i]..<vectors.start[i + 1]`.
    private let vectors: Vectors

    /// The distinct sentence vectors of all plans in flat arrays: a sampler of their
    /// multiplicities, their counts, and where each plan's begin.
    struct Vectors: Sendable {
        let sampler: PoissonSampler
        /// The vectors' counts as doubles (integers far below 2⁵³, so every sum of them is exact).
        let weights: [SIMD4<Double>]
        /// Per plan: true when all its means are tabled (each variate then takes 32 bits).
        let tabled: [Bool]
        let start: [Int]
        /// Per replicate, the factor each perspective's counts are multiplied by (empty: none).
        let factors: [SIMD4<Double>]

        init(_ profiles: [SentenceProfile], factors: [SIMD4<Double>] = []) {
            self.factors = factors
            var means = [Double](), weights = [SIMD4<Double>](), start = [0]
            for p in profiles {
                for v in p.vectors {
                    means.append(Double(v.times))
                    weights.append(SIMD4(Double(v.counts[0]), Double(v.counts[1]), Double(v.counts[2]), Double(v.counts[3])))
                }
                start.append(weights.count)
            }
            sampler = PoissonSampler(means: means)
            self.weights = weights
            tabled = (0..<profiles.count).map { p in (start[p]..<start[p + 1]).allSatisfy { means[$0] < PoissonSampler.tabledBelow } }
            self.start = start
        }

        /// Runs `body` with the vectors in place.
        func withDraws<R>(_ body: (Draws) -> R) -> R {
            sampler.withTables { tables in
                weights.withUnsafeBufferPointer { weights in tabled.withUnsafeBufferPointer { tabled in
                    start.withUnsafeBufferPointer { start in factors.withUnsafeBufferPointer { factors in
                        body(Draws(tables: tables, weights: weights, tabled: tabled, start: start, factors: factors))
                    } }
                } }
            }
        }
    }

    /// The vectors borrowed for drawing replicates.
    struct Draws {
        let tables: PoissonSampler.Tables
        let weights: UnsafeBufferPointer<SIMD4<Double>>
        let tabled: UnsafeBufferPointer<Bool>
        let start: UnsafeBufferPointer<Int>
        let factors: UnsafeBufferPointer<SIMD4<Double>>

        /// Plan `plan`'s shares (percent) in replicate `replicate`: each distinct vector drawn
        /// Poisson(times) times from the plan's own stream of that replicate. A replicate that
        /// draws no signal word is drawn again (at most 100 times; then shares of 0).
        @inline(__always)
        func shares(plan: Int, replicate: Int, seed: UInt64) -> SIMD4<Double> {
            let from = start[plan], to = start[plan + 1]
            guard from < to else { return .zero }
            let stream = SplitMix64(seed: seed, stream: UInt64(plan) << 32 | UInt64(replicate))
            if tabled[plan] {
                // The common case in a tight loop: each 64-bit draw gives the 32 bits of two
                // vectors (low half first, as `HalfUniforms` hands them out), the sums kept in
                // doubles (exact: integers far below 2⁵³) so they stay in registers.
                var rng = stream
                var c = SIMD4<Double>.zero
                var v = from
                while v + 1 < to {
                    let bits = rng.next()
                    let k0 = tables.draw(v, bits: UInt32(truncatingIfNeeded: bits))
                    let k1 = tables.draw(v + 1, bits: UInt32(truncatingIfNeeded: bits >> 32))
                    c += weights[v] * Double(k0) + weights[v + 1] * Double(k1)
                    v += 2
                }
                if v < to { c += weights[v] * Double(tables.draw(v, bits: UInt32(truncatingIfNeeded: rng.next()))) }
                // A replicate without signal words is drawn again below, from the same stream.
                if c.sum() > 0 { return percentages(c, replicate) }
            }
            var rng = HalfUniforms(stream)
            for _ in 0..<100 {
                var c = SIMD4<Double>.zero
                for v in from..<to {
                    c += weights[v] * Double(tables.draw(v, &rng))  // no branch on k: it is 0 about a third of the time, unpredictably
                }
                if c.sum() > 0 { return percentages(c, replicate) }
            }
            return .zero
        }

        /// A replicate's drawn counts as shares (percent), weighed by the model's factors of the replicate when there are any.
        @inline(__always)
        func percentages(_ c: SIMD4<Double>, _ replicate: Int) -> SIMD4<Double> {
            if factors.isEmpty { return c * 100 / c.sum() }
            let weighed = c * factors[replicate]
            return weighed * 100 / weighed.sum()
        }
    }

    /// Per replicate, exp(spread · z) per perspective with z standard normal (Box–Muller), from a
    /// stream of the seed that no plan uses.
    static func modelFactors(_ spread: SIMD4<Double>, replicates: Int, seed: UInt64) -> [SIMD4<Double>] {
        (0..<replicates).map { r in
            var rng = SplitMix64(seed: seed ^ 0x6D6F_6465_6C00_0000, stream: UInt64(r))
            var z = SIMD4<Double>()
            for k in stride(from: 0, to: 4, by: 2) {
                let u1 = (Double(rng.next() >> 11) + 0.5) / 9_007_199_254_740_992
                let u2 = Double(rng.next() >> 11) / 9_007_199_254_740_992
                let radius = (-2 * log(u1)).squareRoot()
                z[k] = radius * cos(2 * .pi * u2)
                z[k + 1] = radius * sin(2 * .pi * u2)
            }
            return SIMD4(exp(spread[0] * z[0]), exp(spread[1] * z[1]), exp(spread[2] * z[2]), exp(spread[3] * z[3]))
        }
    }

    /// A rank as stored for the intervals: 16 bits, so the ranks of 12,000 plans × 1,000
    /// replicates fit the budget at once. (The Netherlands has 342 municipalities; a corpus of more
    /// than 65,535 ranked plans has its ranks above that stored, and shown, as 65,535.)
    typealias Rank = UInt16

    /// The most memory the bootstrap holds for replicate shares, and for replicate ranks (bytes).
    static let memoryBudget = 96 << 20

    /// Resamples `profiles` (one per plan) `replicates` times; `ranked` says which plans take
    /// part in ranks (the others get share intervals only). With `selection` (the case selection of
    /// the ranked rows and its rules) it also counts how often each case is chosen again.
    ///
    /// `modelSpread` (per perspective, PA NPM NPG SR) is a context model's uncertainty: the
    /// standard deviation of the log of its calibration (Σ true / Σ p). Each replicate then draws
    /// one log-normal factor per perspective, shared by all plans (the model errs alike in every
    /// plan), and weighs the expected counts by it, so corrected shares carry the model's
    /// uncertainty beside the sentences'.
    public init(profiles: [SentenceProfile], ranked: [Bool], replicates: Int, seed: UInt64,
                selection: (cases: CaseSelection, rules: SelectionReplay)? = nil, modelSpread: SIMD4<Double>? = nil) {
        precondition(profiles.count == ranked.count && replicates > 0)
        self.replicates = replicates
        self.seed = seed
        let rankedIndices = ranked.indices.filter { ranked[$0] }
        self.rankedIndices = rankedIndices
        let vectors = Vectors(profiles, factors: modelSpread.map { Self.modelFactors($0, replicates: replicates, seed: seed) } ?? [])
        self.vectors = vectors
        let planCount = profiles.count, n = rankedIndices.count
        let workers = max(1, min(replicates, ProcessInfo.processInfo.activeProcessorCount))
        // Shares of every plan and replicate are kept when they fit the budget (then each plan is
        // drawn once); otherwise a plan's replicates are drawn again for its intervals.
        let keepShares = planCount * replicates * 4 * MemoryLayout<Double>.size <= Self.memoryBudget
        var shares = [Double](repeating: 0, count: keepShares ? planCount * replicates * 4 : 0)
        // Ranks of a block of ranked plans at a time: ranks[(b * 4 + p) * replicates + r].
        let block = max(1, min(n, Self.memoryBudget / max(1, 4 * replicates * MemoryLayout<Rank>.size)))
        var ranks = [Rank](repeating: 0, count: min(n, block) * 4 * replicates)
        let firsts = Mutex([Double](repeating: 0, count: n * 4))
        let same = Mutex([Int](repeating: 0, count: SelectionReplay.roles.count))
        let chosen = selection.map { s in
            SelectionReplay.roles.map { role in s.cases.cases.first { $0.role == role }?.municipality }
        }
        let rankedRows = selection?.rules
        var rankIntervals = [(Int, Int)](repeating: (0, 0), count: n * 4)
        // Kept shares are drawn plan by plan (each plan's tables stay in the cache while its
        // replicates are drawn); the ranking below then reads them replicate by replicate.
        if keepShares {
            shares.withUnsafeMutableBufferPointer { buffer in
                let out = SendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    vectors.withDraws { draws in
                        for i in stride(from: w, to: planCount, by: workers) {
                            for r in 0..<replicates {
                                let s = draws.shares(plan: i, replicate: r, seed: seed)
                                let base = (i * replicates + r) * 4
                                for p in 0..<4 { out.base[base + p] = s[p] }
                            }
                        }
                    }
                }
            }
        }
        var blockStart = 0
        repeat {
            let blockEnd = min(n, blockStart + block), start = blockStart
            let first = start == 0
            shares.withUnsafeMutableBufferPointer { sharesBuffer in
                ranks.withUnsafeMutableBufferPointer { rankBuffer in
                    let sharesOut = SendableBuffer(sharesBuffer), ranksOut = SendableBuffer(rankBuffer)
                    DispatchQueue.concurrentPerform(iterations: workers) { w in vectors.withDraws { draws in
                        var local = [Double](repeating: 0, count: n * 4)  // values of the ranked plans, row-major
                        var top1 = [Double](repeating: 0, count: first ? n * 4 : 0)
                        var again = [Int](repeating: 0, count: SelectionReplay.roles.count)
                        var orders = [[Int32]](repeating: Array(0..<Int32(n)), count: 4)
                        var column = [Double](repeating: 0, count: n)
                        var keys = [UInt64](repeating: 0, count: n), scratch = [UInt64](repeating: 0, count: n)
                        for r in stride(from: w, to: replicates, by: workers) {
                            guard n > 0 else { continue }
                            for (k, i) in rankedIndices.enumerated() {
                                let s: SIMD4<Double>
                                if keepShares {
                                    let base = (i * replicates + r) * 4
                                    s = SIMD4(sharesOut.base[base], sharesOut.base[base + 1], sharesOut.base[base + 2], sharesOut.base[base + 3])
                                } else {
                                    s = draws.shares(plan: i, replicate: r, seed: seed)
                                }
                                for p in 0..<4 { local[k * 4 + p] = s[p] }
                            }
                            for p in 0..<4 {
                                for k in 0..<n { column[k] = local[k * 4 + p] }
                                Self.order(column, into: &orders[p], keys: &keys, scratch: &scratch)
                                // Competition ranks along the order; only the block's plans are kept.
                                var rank = 0
                                var ties = 0
                                for (position, k32) in orders[p].enumerated() {
                                    let k = Int(k32)
                                    if position == 0 || column[k] != column[Int(orders[p][position - 1])] { rank = position + 1 }
                                    if rank == 1 { ties += 1 }
                                    if k >= start && k < blockEnd {
                                        ranksOut.base[((k - start) * 4 + p) * replicates + r] = Rank(clamping: rank)
                                    }
                                }
                                if first {
                                    for position in 0..<ties { top1[Int(orders[p][position]) * 4 + p] += 1 / Double(ties) }
                                }
                            }
                            if first, let rules = rankedRows, let chosen {
                                let picks = local.withUnsafeBufferPointer { rules.choose(shares: $0, orders: orders) }
                                for (role, row) in picks.enumerated() where row >= 0 && chosen[role] != nil {
                                    if rules.municipality(row) == chosen[role] { again[role] += 1 }
                                }
                            }
                        }
                        if first {
                            firsts.withLock { total in for j in total.indices { total[j] += top1[j] } }
                            same.withLock { total in for j in total.indices { total[j] += again[j] } }
                        }
                    } }
                }
            }
            // The rank intervals of the block's plans (in parallel).
            let blockRanks = ranks
            let intervals = ParallelMap.map(blockEnd - blockStart, threads: workers, state: { _ in [Double](repeating: 0, count: replicates) }) { values, b -> [(Int, Int)] in
                (0..<4).map { p in
                    let offset = (b * 4 + p) * replicates
                    for r in 0..<replicates { values[r] = Double(blockRanks[offset + r]) }
                    let q = Self.quantilePair(&values)
                    return (Int(q.low.rounded(.down)), Int(q.high.rounded(.up)))
                }
            }
            for (b, pair) in intervals.enumerated() { for p in 0..<4 { rankIntervals[(blockStart + b) * 4 + p] = pair![p] } }
            blockStart = blockEnd
        } while blockStart < n
        let top1 = firsts.withLock { $0 }
        let rankedPosition = Dictionary(uniqueKeysWithValues: rankedIndices.enumerated().map { ($1, $0) })
        // Each plan's share intervals, one plan at a time (in parallel).
        let shareIntervals = ParallelMap.map(planCount, threads: workers, state: { _ in [Double](repeating: 0, count: replicates * 4) }) { values, i -> [(Double, Double)] in
            if !keepShares {
                vectors.withDraws { draws in
                    for r in 0..<replicates {
                        let s = draws.shares(plan: i, replicate: r, seed: seed)
                        for p in 0..<4 { values[p * replicates + r] = s[p] }
                    }
                }
            }
            return (0..<4).map { p -> (Double, Double) in
                var column = keepShares ? (0..<replicates).map { shares[(i * replicates + $0) * 4 + p] } : Array(values[(p * replicates)..<((p + 1) * replicates)])
                let q = Self.quantilePair(&column)
                return (q.low, q.high)
            }
        }
        plans = (0..<planCount).map { i in
            let s = shareIntervals[i]!
            let low = s.map(\.0), high = s.map(\.1)
            guard let k = rankedPosition[i] else { return PlanIntervals(shareLow: low, shareHigh: high) }
            return PlanIntervals(shareLow: low, shareHigh: high,
                                 rankLow: (0..<4).map { rankIntervals[k * 4 + $0].0 }, rankHigh: (0..<4).map { rankIntervals[k * 4 + $0].1 },
                                 pTop1: (0..<4).map { top1[k * 4 + $0] / Double(replicates) })
        }
        if let chosen {
            let counts = same.withLock { $0 }
            selectionStability = Dictionary(uniqueKeysWithValues: SelectionReplay.roles.enumerated().compactMap { role, name in
                chosen[role] == nil ? nil : (name, Double(counts[role]) / Double(replicates))
            })
        } else {
            selectionStability = nil
        }
    }

    /// Writes into `order` the positions of `values` from the highest value down, ties by
    /// position (the order `CaseSelection` uses). The values (shares, 0 or more) are sorted as
    /// 64-bit keys that hold the value's bit pattern, inverted, above the position, so the sort
    /// compares plain integers; the lowest bits of the value give way to the position, so keys
    /// of values that differ only there are put right by comparing the values themselves.
    static func order(_ values: [Double], into order: inout [Int32], keys: inout [UInt64], scratch: inout [UInt64]) {
        let n = values.count
        let bits = UInt64(max(1, Int.bitWidth - (n - 1).leadingZeroBitCount))
        let positionMask = (UInt64(1) << bits) - 1
        for k in 0..<n { keys[k] = (~values[k].bitPattern & ~positionMask) | UInt64(k) }
        if n < 512 {
            keys.withUnsafeMutableBufferPointer { sortKeys($0) }
        } else {
            radixSort(&keys, scratch: &scratch)
        }
        for k in 0..<n { order[k] = Int32(truncatingIfNeeded: keys[k] & positionMask) }
        // Values whose keys tie above the position bits: order them exactly (insertion; rare).
        var k = 1
        while k < n {
            if keys[k] & ~positionMask == keys[k - 1] & ~positionMask {
                var j = k
                while j > 0 && keys[j] & ~positionMask == keys[j - 1] & ~positionMask {
                    let a = Int(order[j - 1]), b = Int(order[j])
                    guard values[b] > values[a] || (values[b] == values[a] && b < a) else { break }
                    order.swapAt(j - 1, j)
                    j -= 1
                }
            }
            k += 1
        }
    }

    /// Sorts 64-bit keys with a least-significant-digit radix sort of 11-bit digits (one pass to
    /// count every digit, then one scatter per digit that is not the same for all keys): linear
    /// in the number of keys, for the rankings of thousands of plans.
    static func radixSort(_ keys: inout [UInt64], scratch: inout [UInt64]) {
        let n = keys.count
        if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
        let digits = 6, width: UInt64 = 11, buckets = 1 << 11
        var counts = [Int](repeating: 0, count: digits * buckets)
        keys.withUnsafeBufferPointer { k in
            for key in k { for d in 0..<digits { counts[d * buckets + Int((key >> (UInt64(d) * width)) & 0x7FF)] += 1 } }
        }
        var inKeys = true
        for d in 0..<digits {
            let base = d * buckets
            if counts[(base)..<(base + buckets)].contains(n) { continue }  // all keys share this digit
            var offset = 0
            for b in 0..<buckets { let c = counts[base + b]; counts[base + b] = offset; offset += c }
            keys.withUnsafeMutableBufferPointer { k in
                scratch.withUnsafeMutableBufferPointer { t in
                    let (from, to) = inKeys ? (k, t) : (t, k)
                    for i in 0..<n {
                        let key = from[i]
                        let b = base + Int((key >> (UInt64(d) * width)) & 0x7FF)
                        to[counts[b]] = key
                        counts[b] += 1
                    }
                }
            }
            inKeys.toggle()
        }
        if !inKeys { for i in 0..<n { keys[i] = scratch[i] } }
    }

    /// Sorts distinct 64-bit keys in place: quicksort with a median of three, insertion sort for
    /// short runs (the keys are unique, so stability does not matter, and plain integer
    /// comparisons beat the standard library's stable sort here, which runs four times per replicate).
    static func sortKeys(_ a: UnsafeMutableBufferPointer<UInt64>) {
        var stack = [(Int, Int)]()
        stack.reserveCapacity(64)
        stack.append((0, a.count - 1))
        while let (low, high) = stack.popLast() {
            if high - low < 16 {
                if high > low {
                    for i in (low + 1)...high {
                        let x = a[i]
                        var j = i - 1
                        while j >= low && a[j] > x { a[j + 1] = a[j]; j -= 1 }
                        a[j + 1] = x
                    }
                }
                continue
            }
            let mid = low + (high - low) / 2
            if a[mid] < a[low] { a.swapAt(mid, low) }
            if a[high] < a[low] { a.swapAt(high, low) }
            if a[high] < a[mid] { a.swapAt(high, mid) }
            let pivot = a[mid]
            var i = low, j = high
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            // The shorter side first keeps the stack small.
            if j - low < high - i { stack.append((i, high)); stack.append((low, j)) } else { stack.append((low, j)); stack.append((i, high)) }
        }
    }

    /// Plan `plan`'s shares in every replicate (`[replicate][perspective]`), drawn again.
    public func replicateShares(plan: Int) -> [[Double]] {
        vectors.withDraws { draws in
            (0..<replicates).map { r in
                let s = draws.shares(plan: plan, replicate: r, seed: seed)
                return [s[0], s[1], s[2], s[3]]
            }
        }
    }

    /// The 2.5 and 97.5 % quantiles (type 6) of `values`, which are reordered: the order
    /// statistics they need are found by selection (linear time), not by sorting.
    static func quantilePair(_ values: inout [Double]) -> (low: Double, high: Double) {
        values.withUnsafeMutableBufferPointer { v in (selectQuantile(v, 0.025), selectQuantile(v, 0.975)) }
    }

    /// The q-quantile (type 6, as `quantile(sorted:_:)`) of `v`, which is reordered.
    static func selectQuantile(_ v: UnsafeMutableBufferPointer<Double>, _ q: Double) -> Double {
        let n = v.count
        let h = Double(n + 1) * q
        if h <= 1 { return v.min()! }
        if h >= Double(n) { return v.max()! }
        let lo = Int(h.rounded(.down))  // 1-based: the lo-th and (lo+1)-th smallest
        let a = select(v, lo - 1)
        // The next order statistic is the smallest of what lies above position lo − 1.
        var b = Double.infinity
        for i in lo..<n where v[i] < b { b = v[i] }
        return a + (h - Double(lo)) * (b - a)
    }

    /// The k-th smallest (0-based) of `v`, which is reordered so that position k holds it and
    /// nothing larger stands before it (Hoare's selection with a median of three).
    static func select(_ v: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var left = 0, right = v.count - 1
        while right > left {
            let mid = left + (right - left) / 2
            if v[mid] < v[left] { v.swapAt(mid, left) }
            if v[right] < v[left] { v.swapAt(right, left) }
            if v[right] < v[mid] { v.swapAt(right, mid) }
            let pivot = v[mid]
            var i = left, j = right
            while i <= j {
                while v[i] < pivot { i += 1 }
                while v[j] > pivot { j -= 1 }
                if i <= j { v.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { right = j } else if k >= i { left = i } else { return v[k] }
        }
        return v[k]
    }

    /// The q-quantile with linear interpolation between order statistics at the positions
    /// (N + 1)·q (R's type 6, Hyndman & Fan 1996): the k-th of N sorted replicates estimates the
    /// k / (N + 1) quantile without bias, so a 95 % interval from 100 replicates is as wide as one
    /// from 2,000, up to Monte Carlo noise (type 7's positions 1 + (N − 1)·q pull the 2.5 % and
    /// 97.5 % bounds inward when N is small).
    public static func percentile(_ values: [Double], _ q: Double) -> Double {
        percentiles(values, [q])[0]
    }

    /// Several quantiles of `values` (type 6), sorting once.
    public static func percentiles(_ values: [Double], _ qs: [Double]) -> [Double] {
        guard !values.isEmpty else { return qs.map { _ in .nan } }
        let sorted = values.sorted()
        return qs.map { quantile(sorted: sorted, $0) }
    }

    /// The q-quantile (type 6) of values already sorted.
    public static func quantile(sorted: [Double], _ q: Double) -> Double {
        let n = sorted.count
        let h = Double(n + 1) * q  // 1-based position
        if h <= 1 { return sorted[0] }
        if h >= Double(n) { return sorted[n - 1] }
        let lo = Int(h.rounded(.down))
        return sorted[lo - 1] + (h - Double(lo)) * (sorted[lo] - sorted[lo - 1])
    }

}

/// A buffer whose disjoint elements are written by several threads at once (each replicate
/// writes only its own slots).
private struct SendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
