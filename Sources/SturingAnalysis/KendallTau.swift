/// Kendall's rank correlation between two rankings of the same items.
public enum KendallTau {
    /// Kendall's tau-b of `x` and `y` (paired values; ties allowed, as in R's cor(method =
    /// "kendall") and scipy's default): 1 for the same order, −1 for the reverse order, nil when
    /// fewer than two pairs or one side is all ties. O(n²), exact.
    public static func tauB(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count)
        let n = x.count
        guard n >= 2 else { return nil }
        var concordant = 0.0, discordant = 0.0, tiesX = 0.0, tiesY = 0.0
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 && dy == 0 { continue }
                if dx == 0 { tiesX += 1; continue }
                if dy == 0 { tiesY += 1; continue }
                if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
            }
        }
        let denominator = ((concordant + discordant + tiesX) * (concordant + discordant + tiesY)).squareRoot()
        guard denominator > 0 else { return nil }
        return (concordant - discordant) / denominator
    }
}
