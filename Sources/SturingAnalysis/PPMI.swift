import Foundation

/// Positive pointwise mutual information of words with their context words, and the cosine
/// similarity of PPMI vectors (Levy, Goldberg & Dagan 2015): the distributional similarity
/// `LexiconSuggestion` ranks on.
public enum PPMI {
    /// The smoothing exponent of the context distribution (Levy et al.: 0.75 removes PMI's bias
    /// toward rare contexts).
    public static let contextSmoothing = 0.75

    /// The PPMI vector of each row of co-occurrence counts `rows` (word → context word → count)
    /// and of `probe` (a pseudo-row with its own counts), both against the context distribution of
    /// `rows`: PPMI(w, c) = max(0, log(P(w, c) / (P(w) · Pα(c)))), with P(w, c) and P(w) taken
    /// within the row's own total, so `probe` is weighed like any row.
    public static func vectors(rows: [String: [String: Double]], probe: [String: Double]) -> (rows: [String: [String: Double]], probe: [String: Double]) {
        var column = [String: Double]()
        for (_, row) in rows { for (c, n) in row { column[c, default: 0] += n } }
        var smoothedTotal = 0.0
        var smoothed = [String: Double]()
        for (c, n) in column { let s = pow(n, contextSmoothing); smoothed[c] = s; smoothedTotal += s }
        func ppmi(_ row: [String: Double]) -> [String: Double] {
            let total = row.values.reduce(0, +)
            guard total > 0, smoothedTotal > 0 else { return [:] }
            var out = [String: Double]()
            for (c, n) in row where n > 0 {
                guard let s = smoothed[c] else { continue }
                let value = log((n / total) / (s / smoothedTotal))
                if value > 0 { out[c] = value }
            }
            return out
        }
        return (rows.mapValues(ppmi), ppmi(probe))
    }

    /// The cosine of two sparse vectors (0 when either is empty).
    public static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (k, v) in small { if let w = large[k] { dot += v * w } }
        let na = a.values.reduce(0) { $0 + $1 * $1 }, nb = b.values.reduce(0) { $0 + $1 * $1 }
        guard na > 0, nb > 0 else { return 0 }
        return dot / (na.squareRoot() * nb.squareRoot())
    }

    /// The cosine of each row's PPMI vector with the PPMI vector of `profile`.
    public static func cosines(rows: [String: [String: Double]], to profile: [String: Double]) -> [String: Double] {
        let v = vectors(rows: rows, probe: profile)
        return v.rows.mapValues { cosine($0, v.probe) }
    }
}
