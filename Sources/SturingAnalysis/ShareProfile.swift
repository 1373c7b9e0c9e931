import SturingCore

/// The four perspective shares (percent) of one plan, or the mean of several.
public struct ShareProfile: Sendable, Equatable {
    /// Shares in the order PA, NPM, NPG, SR.
    public var shares: [Double]

    /// Creates a profile from shares in perspective order.
    public init(_ shares: [Double]) {
        precondition(shares.count == Perspective.allCases.count, "a profile has four shares")
        self.shares = shares
    }

    /// The share of perspective `p`.
    public subscript(_ p: Perspective) -> Double { shares[p.index] }

    /// The sum of the shares (100 for a consistent row).
    public var total: Double { shares.reduce(0, +) }

    /// The Euclidean distance to another profile, in percentage points.
    public func distance(to other: ShareProfile) -> Double {
        zip(shares, other.shares).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }

    /// The element-wise mean of `profiles`; nil when there are none.
    public static func mean(_ profiles: [ShareProfile]) -> ShareProfile? {
        guard !profiles.isEmpty else { return nil }
        var sums = [Double](repeating: 0, count: Perspective.allCases.count)
        for p in profiles { for i in sums.indices { sums[i] += p.shares[i] } }
        return ShareProfile(sums.map { $0 / Double(profiles.count) })
    }
}
