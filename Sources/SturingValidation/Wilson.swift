/// The Wilson score interval for a proportion (Wilson 1927): unlike the normal approximation it
/// stays inside 0...1 and behaves for small n and proportions near 0 or 1.
public enum Wilson {
    /// The 95 % interval (z = 1.959964) of `successes` out of `n`; nil for n = 0.
    public static func interval(successes: Int, n: Int, z: Double = 1.959963984540054) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        let p = Double(successes) / Double(n), nn = Double(n), z2 = z * z
        let centre = p + z2 / (2 * nn)
        let margin = z * ((p * (1 - p) + z2 / (4 * nn)) / nn).squareRoot()
        let denominator = 1 + z2 / nn
        return (max(0, (centre - margin) / denominator), min(1, (centre + margin) / denominator))
    }
}
