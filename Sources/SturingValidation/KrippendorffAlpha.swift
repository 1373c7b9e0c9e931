/// Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
/// Alpha-Reliability"): agreement between any number of coders, with missing values, corrected
/// for the agreement expected by chance. 1 = perfect agreement, 0 = chance.
public enum KrippendorffAlpha {
    /// Alpha over `units`: each unit is the values the coders gave it (missing ones left out).
    /// Units with fewer than two values do not count. Returns the value and the number of pairable
    /// values (nil when there is nothing to compare or no variation at all).
    public static func nominal<Value: Hashable>(_ units: [[Value]]) -> (value: Double, pairable: Int)? {
        var coincidence = [Value: [Value: Double]]()
        var n = 0.0
        for values in units where values.count >= 2 {
            let m = Double(values.count)
            for i in values.indices {
                for j in values.indices where i != j {
                    coincidence[values[i], default: [:]][values[j], default: 0] += 1 / (m - 1)
                }
            }
            n += m
        }
        guard n > 1 else { return nil }
        var marginals = [Value: Double]()
        var observedDisagreement = 0.0
        for (c, row) in coincidence {
            for (k, o) in row {
                marginals[c, default: 0] += o
                if c != k { observedDisagreement += o }
            }
        }
        var expected = 0.0
        let values = Array(marginals.keys)
        for c in values { for k in values where c != k { expected += marginals[c]! * marginals[k]! } }
        guard expected > 0 else { return observedDisagreement == 0 ? (1, Int(n)) : nil }
        return (1 - (n - 1) * observedDisagreement / expected, Int(n))
    }
}
