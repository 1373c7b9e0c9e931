import Foundation
import Testing
@testable import SturingCore

@Suite struct FixedDecimalTests {
    /// The C library's "%.Nf" gives what Foundation's String(format:) gives: ties, negative
    /// zero, tiny and huge values, and a sweep of shares and chart coordinates.
    @Test func sameAsStringFormat() {
        var values: [Double] = [0, -0.0, 0.05, 0.25, 0.35, 1.15, 2.675, -0.04, -0.05, 27.6467, 99.95, 100,
                                1e-12, 123_456_789.125, 1e300, -1e300, .pi, 0.5, 1.5, 2.5]
        var rng = SplitMix64(seed: 3)
        for _ in 0..<3000 { values.append(Double(rng.next() % 200_000) / 1000 - 100) }
        for _ in 0..<1000 { values.append(Double(bitPattern: rng.next() % 0x4090_0000_0000_0000)) }
        for d in values where d.isFinite {
            for decimals in [0, 1, 2, 4] {
                #expect(FixedDecimal.string(d, decimals: decimals) == String(format: "%.\(decimals)f", d), "\(d) \(decimals)")
            }
        }
    }
}
