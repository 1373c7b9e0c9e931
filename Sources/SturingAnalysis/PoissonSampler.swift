import Foundation
import SturingCore

/// Exact Poisson variates for a fixed list of means, with the work per mean done once. Means
/// under 120 are drawn by inversion of their tabled distribution: a 32-bit uniform's top 12 bits
/// pick one of 4,096 equal bins, and a bin that lies wholly within one value's probability gives
/// that value at once (nearly every bin does); otherwise a guide table (Chen & Asau 1974) starts a
/// short search. Larger means use the transformed rejection with squeeze of Hörmann (1993, PTRS)
/// with its constants precomputed. Means that repeat share one table (the bootstrap's means are
/// the multiplicities of sentence vectors: mostly 1, 2 or 3), so the tables stay in the cache.
public struct PoissonSampler: Sendable {
    /// The means.
    public let means: [Double]
    /// Per mean: its distinct table (−1: drawn by PTRS).
    private let table: [Int32]
    /// Per distinct table: where its cumulative probabilities and guide start, and how many there are.
    private let start: [Int32]
    private let length: [Int32]
    private let cdf: [Double]
    private let guide: [Int32]
    /// Per distinct table, 4,096 bins: the value of a bin that lies within one value, or 255.
    private let bins: [UInt8]
    /// The last tabled probability per distinct table (to go on past the table).
    private let lastTerm: [Double]
    /// PTRS constants per mean: log λ, b, a, log(1/α), v_r.
    private let ptrs: [(logLam: Double, b: Double, a: Double, logInvAlpha: Double, vr: Double)]

    /// Means below this are tabled (up to about mean + 9·√mean values); larger ones use PTRS.
    static let tabledBelow = 120.0
    /// Bins per table (the top 12 bits of a 32-bit uniform).
    static let binBits = 12

    /// A sampler for `means` (each 0 or more).
    public init(means: [Double]) {
        self.means = means
        var table = [Int32](), start = [Int32](), length = [Int32](), cdf = [Double](), guide = [Int32](), bins = [UInt8](), lastTerm = [Double]()
        var ptrs = [(logLam: Double, b: Double, a: Double, logInvAlpha: Double, vr: Double)]()
        var distinct = [Double: Int32]()
        let binCount = 1 << Self.binBits
        for mean in means {
            let b = 0.931 + 2.53 * mean.squareRoot()
            ptrs.append((mean > 0 ? Foundation.log(mean) : 0, b, -0.059 + 0.02483 * b, Foundation.log(1.1239 + 1.1328 / (b - 3.4)), 0.9277 - 3.6224 / (b - 2)))
            guard mean < Self.tabledBelow else { table.append(-1); continue }
            if let t = distinct[mean] { table.append(t); continue }
            let t = Int32(start.count)
            distinct[mean] = t
            table.append(t)
            var values = [Double](), term = Foundation.exp(-mean), sum = term, k = 0.0
            values.append(sum)
            while sum < 1 - 1e-15 && values.count < 600 {
                k += 1
                term *= mean / k
                sum += term
                values.append(sum)
            }
            start.append(Int32(cdf.count))
            length.append(Int32(values.count))
            lastTerm.append(term)
            var g = 0
            for j in 0..<values.count {
                while g < values.count - 1 && values[g] < Double(j) / Double(values.count) { g += 1 }
                guide.append(Int32(g))
            }
            cdf += values + [2, 2]  // sentinels: the search never runs past them
            guide += [Int32(values.count - 1), Int32(values.count - 1)]
            // A bin [j, j+1) / 4096 lies within value v when cdf[v-1] ≤ j/4096 and (j+1)/4096 ≤ cdf[v]
            // (a uniform u gives the smallest v with u ≤ cdf[v]).
            var v = 0
            for j in 0..<binCount {
                let low = Double(j) / Double(binCount), high = Double(j + 1) / Double(binCount)
                while v < values.count - 1 && values[v] < low { v += 1 }
                let within = values[v] >= high && (v == 0 || values[v - 1] <= low) && v < 255
                bins.append(within ? UInt8(v) : 255)
            }
        }
        (self.table, self.start, self.length, self.cdf, self.guide, self.bins, self.lastTerm, self.ptrs) =
            (table, start, length, cdf, guide, bins, lastTerm, ptrs)
    }

    /// A sampler for one mean.
    public init(mean: Double) { self.init(means: [mean]) }

    /// One variate of mean number `i`.
    public func draw(_ i: Int, _ rng: inout SplitMix64) -> Int {
        var halves = HalfUniforms(rng)
        defer { rng = halves.rng }
        return withTables { $0.draw(i, &halves) }
    }

    /// One variate of a sampler made for one mean.
    public func draw(_ rng: inout SplitMix64) -> Int { draw(0, &rng) }

    /// Runs `body` with the sampler's tables in place, for drawing many variates without touching
    /// the arrays' reference counts on every one.
    public func withTables<R>(_ body: (Tables) -> R) -> R {
        means.withUnsafeBufferPointer { means in table.withUnsafeBufferPointer { table in
            start.withUnsafeBufferPointer { start in length.withUnsafeBufferPointer { length in
                cdf.withUnsafeBufferPointer { cdf in guide.withUnsafeBufferPointer { guide in
                    bins.withUnsafeBufferPointer { bins in lastTerm.withUnsafeBufferPointer { lastTerm in
                        ptrs.withUnsafeBufferPointer { ptrs in
                            body(Tables(means: means, table: table, start: start, length: length, cdf: cdf, guide: guide, bins: bins,
                                        lastTerm: lastTerm, ptrs: ptrs))
                        }
                    } }
                } }
            } }
        } }
    }

    /// The sampler's tables, borrowed for the duration of `withTables`.
    public struct Tables {
        let means: UnsafeBufferPointer<Double>
        let table: UnsafeBufferPointer<Int32>
        let start: UnsafeBufferPointer<Int32>
        let length: UnsafeBufferPointer<Int32>
        let cdf: UnsafeBufferPointer<Double>
        let guide: UnsafeBufferPointer<Int32>
        let bins: UnsafeBufferPointer<UInt8>
        let lastTerm: UnsafeBufferPointer<Double>
        let ptrs: UnsafeBufferPointer<(logLam: Double, b: Double, a: Double, logInvAlpha: Double, vr: Double)>

        /// One variate of mean number `i`, from 32-bit uniforms.
        @inline(__always)
        public func draw(_ i: Int, _ rng: inout HalfUniforms) -> Int {
            if table[i] >= 0 { return draw(i, bits: rng.nextBits()) }
            return drawLarge(i, &rng)
        }

        /// One variate of tabled mean number `i` from 32 random bits.
        @inline(__always)
        public func draw(_ i: Int, bits: UInt32) -> Int {
            let t = Int(table[i])
            let bin = bins[(t << PoissonSampler.binBits) | Int(bits >> (32 - UInt32(PoissonSampler.binBits)))]
            if bin != 255 { return Int(bin) }
            return search(i, t, bits)
        }

        /// A tabled variate whose bin spans two values: the guide table's search.
        @inline(never)
        func search(_ i: Int, _ t: Int, _ bits: UInt32) -> Int {
            let u = HalfUniforms.uniform(bits)
            let s = Int(start[t]), n = Int(length[t])
            var k = Int(guide[s + min(n - 1, Int(u * Double(n)))])
            while u > cdf[s + k] { k += 1 }
            if k < n { return k }
            // Past the table (probability under 1e-15): go on term by term.
            var sum = cdf[s + n - 1], term = lastTerm[t]
            let mean = means[i]
            while u > sum && term > 0 {
                term *= mean / Double(k)
                sum += term
                k += 1
            }
            return k - 1
        }

        /// A variate of a mean of 120 or more (PTRS).
        @inline(never)
        func drawLarge(_ i: Int, _ rng: inout HalfUniforms) -> Int {
            let mean = means[i], c = ptrs[i]
            while true {
                let u = rng.next() - 0.5, v = rng.next()
                let us = 0.5 - abs(u)
                let k = Int((2 * c.a / us + c.b) * u + mean + 0.43)
                if us >= 0.07 && v <= c.vr { return k }
                if k < 0 || (us < 0.013 && v > us) { continue }
                if Foundation.log(v) + c.logInvAlpha - Foundation.log(c.a / (us * us) + c.b) <= -mean + Double(k) * c.logLam - lgamma(Double(k) + 1) {
                    return k
                }
            }
        }
    }
}

/// Uniforms in (0, 1) with 32 random bits each, two from every 64-bit draw of a SplitMix64
/// stream (a resolution of 2.3·10⁻¹⁰, far finer than any tail a bootstrap interval reads, at half
/// the generator's work).
public struct HalfUniforms {
    /// The stream.
    public var rng: SplitMix64
    private var spare: UInt64 = 0
    private var hasSpare = false

    /// Uniforms from `rng`.
    public init(_ rng: SplitMix64) { self.rng = rng }

    /// The next 32 random bits.
    @inline(__always)
    public mutating func nextBits() -> UInt32 {
        if hasSpare {
            hasSpare = false
            return UInt32(truncatingIfNeeded: spare >> 32)
        }
        spare = rng.next()
        hasSpare = true
        return UInt32(truncatingIfNeeded: spare)
    }

    /// The uniform of 32 random bits: (bits + ½) / 2³².
    @inline(__always)
    public static func uniform(_ bits: UInt32) -> Double { (Double(bits) + 0.5) / 4_294_967_296 }

    /// The next uniform.
    @inline(__always)
    public mutating func next() -> Double { Self.uniform(nextBits()) }
}
