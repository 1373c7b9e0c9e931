import Foundation
import SturingCore

/// Trains a `ContextModel` from coded matches: per perspective an L2-regularised logistic
/// regression on the context features, with each match's term precision (smoothed toward its
/// perspective's) as a fixed offset. Deterministic: the same rows and settings give the same
/// model, byte for byte. Cross-validation splits folds by document, so a document's own contexts
/// never test themselves.
public struct ContextModelTrainer: Sendable {
    /// The settings (penalty, smoothing, folds, seed).
    public var settings: ContextModel.Settings

    /// A trainer with `settings`.
    public init(settings: ContextModel.Settings = .init()) { self.settings = settings }

    /// What cross-validation found: per match its held-out probability, and the figures per
    /// perspective, per term and for all.
    public struct CrossValidation: Sendable {
        /// Held-out p of each match, in the order given.
        public var heldOut: [Double]
        /// Per perspective code and "all".
        public var perspectives: [String: ContextModel.Figures]
        /// Per perspective, per term (sorted by term).
        public var terms: [Perspective: [(term: String, figures: ContextModel.Figures)]]
        /// The fold of each document.
        public var folds: [String: Int]
    }

    /// Trains on `matches` and cross-validates; the model records `sources`.
    public func train(_ matches: [CodedMatch], sources: [ContextModel.Source], lexicon: String, tool: String,
                      window: Int = ContextFeatures.defaultWindow) -> (model: ContextModel, crossValidation: CrossValidation) {
        let cv = crossValidate(matches)
        var perspectives = fit(matches)
        for p in Perspective.allCases {
            perspectives[p.code]?.calibrationSD = calibrationSD(matches, heldOut: cv.heldOut, perspective: p)
        }
        let model = ContextModel(lexicon: lexicon, tool: tool, window: window, settings: settings, trainedOn: sources,
                                 perspectives: perspectives, crossValidation: cv.perspectives)
        return (model, cv)
    }

    /// The fold of each document: documents shuffled by the seed, then dealt round robin.
    public func folds(documents: [String]) -> [String: Int] {
        var unique = Array(Set(documents)).sorted()
        var rng = SplitMix64(seed: settings.seed)
        for i in stride(from: unique.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            unique.swapAt(i, j)
        }
        let k = max(2, settings.folds)
        var result = [String: Int]()
        for (i, d) in unique.enumerated() { result[d] = i % k }
        return result
    }

    /// K-fold cross-validation by document.
    public func crossValidate(_ matches: [CodedMatch]) -> CrossValidation {
        let folds = folds(documents: matches.map(\.document))
        var heldOut = [Double](repeating: 0, count: matches.count)
        for fold in Set(folds.values).sorted() {
            let training = matches.filter { folds[$0.document] != fold }
            let model = ContextModel(lexicon: "", tool: "", window: 0, settings: settings, trainedOn: [],
                                     perspectives: fit(training), crossValidation: [:])
            for (i, m) in matches.enumerated() where folds[m.document] == fold {
                heldOut[i] = model.probability(m.perspective, term: m.term, features: m.features)
            }
        }
        func figures(_ rows: [Int]) -> ContextModel.Figures {
            let kept = rows.filter { heldOut[$0] >= 0.5 }
            return .init(matches: rows.count, trueMatches: rows.filter { matches[$0].signals }.count,
                         kept: kept.count, keptTrue: kept.filter { matches[$0].signals }.count,
                         expected: rows.reduce(0) { $0 + heldOut[$1] })
        }
        var perspectives = ["all": figures(Array(matches.indices))]
        var terms = [Perspective: [(term: String, figures: ContextModel.Figures)]]()
        for p in Perspective.allCases {
            let rows = matches.indices.filter { matches[$0].perspective == p }
            guard !rows.isEmpty else { continue }
            perspectives[p.code] = figures(rows)
            let byTerm = Dictionary(grouping: rows) { matches[$0].term }
            terms[p] = byTerm.keys.sorted().map { ($0, figures(byTerm[$0]!)) }
        }
        return CrossValidation(heldOut: heldOut, perspectives: perspectives, terms: terms, folds: folds)
    }

    /// Fits every perspective that has coded matches.
    public func fit(_ matches: [CodedMatch]) -> [String: ContextModel.PerspectiveModel] {
        var result = [String: ContextModel.PerspectiveModel]()
        for p in Perspective.allCases {
            let rows = matches.filter { $0.perspective == p }
            guard !rows.isEmpty else { continue }
            result[p.code] = fitPerspective(rows)
        }
        return result
    }

    /// Term priors, then the context weights by accelerated gradient descent (Nesterov, step 1/L
    /// with L bounded by power iteration), all sums in a fixed order.
    func fitPerspective(_ rows: [CodedMatch]) -> ContextModel.PerspectiveModel {
        let trueCount = rows.filter(\.signals).count
        let prior = (Double(trueCount) + 1) / (Double(rows.count) + 2)
        var byTerm = [String: (t: Int, n: Int)]()
        for r in rows { byTerm[r.term, default: (0, 0)].n += 1; if r.signals { byTerm[r.term]!.t += 1 } }
        let a = settings.smoothing
        let terms = byTerm.mapValues { Self.rounded((Double($0.t) + a * prior) / (Double($0.n) + a)) }
        // Features seen in enough documents, in sorted order.
        var documentsOf = [String: Set<String>]()
        for r in rows { for f in Set(r.features) { documentsOf[f, default: []].insert(r.document) } }
        let vocabulary = documentsOf.filter { $0.value.count >= settings.minDocuments }.keys.sorted()
        let column = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let x: [[Int]] = rows.map { Array(Set($0.features.compactMap { column[$0] })).sorted() }
        let y = rows.map { $0.signals ? 1.0 : 0.0 }
        let offset = rows.map { ContextModel.logit(terms[$0.term]!) }
        let w = Self.logistic(x: x, y: y, offset: offset, features: vocabulary.count, lambda: settings.lambda)
        var weights = [String: Double]()
        for (j, f) in vocabulary.enumerated() {
            let v = Self.rounded(w[j])
            if v != 0 { weights[f] = v }
        }
        return .init(prior: Self.rounded(prior), terms: terms, weights: weights, calibrationSD: 0)
    }

    /// Minimises Σ log-loss(σ(offset + x·w), y) + λ/2·|w|² over w, for binary sparse rows `x`.
    static func logistic(x: [[Int]], y: [Double], offset: [Double], features: Int, lambda: Double, iterations: Int = 3000) -> [Double] {
        guard features > 0 else { return [] }
        func times(_ v: [Double]) -> [Double] { x.map { row in row.reduce(0) { $0 + v[$1] } } }
        func transposeTimes(_u: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: features)
            for (i, row) in x.enumerated() { for j in row { out[j] += _u[i] } }
            return out
        }
        // The largest eigenvalue of XᵀX by power iteration, for the step.
        var v = [Double](repeating: 1 / Double(features).squareRoot(), count: features)
        var eigen = 1.0
        for _ in 0..<60 {
            let u = transposeTimes(_u: times(v))
            eigen = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard eigen > 0 else { break }
            v = u.map { $0 / eigen }
        }
        let step = 1 / (0.25 * eigen * 1.05 + lambda)
        var w = [Double](repeating: 0, count: features), z = w
        var t = 1.0
        for _ in 0..<iterations {
            let margin = times(z)
            var residual = [Double](repeating: 0, count: y.count)
            for i in y.indices { residual[i] = ContextModel.sigmoid(offset[i] + margin[i]) - y[i] }
            var gradient = transposeTimes(_u: residual)
            var largest = 0.0
            for j in 0..<features { gradient[j] += lambda * z[j]; largest = max(largest, abs(gradient[j])) }
            let next = (0..<features).map { z[$0] - step * gradient[$0] }
            // Weights are kept to six decimals: stop when a step moves none by more than 1e-9.
            let tn = (1 + (1 + 4 * t * t).squareRoot()) / 2
            z = (0..<features).map { next[$0] + (t - 1) / tn * (next[$0] - w[$0]) }
            w = next
            t = tn
            if step * largest < 1e-9 { break }
        }
        return w
    }

    /// The spread of log(Σ true / Σ p) for one perspective over 400 document-resampled copies of
    /// its held-out matches (0 with fewer than 2 documents).
    func calibrationSD(_ matches: [CodedMatch], heldOut: [Double], perspective: Perspective) -> Double {
        let rows = matches.indices.filter { matches[$0].perspective == perspective }
        let byDocument = Dictionary(grouping: rows) { matches[$0].document }
        let documents = byDocument.keys.sorted()
        guard documents.count >= 2 else { return 0 }
        let sums = documents.map { d in byDocument[d]!.reduce((t: 0.0, p: 0.0)) { ($0.t + (matches[$1].signals ? 1 : 0), $0.p + heldOut[$1]) } }
        var rng = SplitMix64(seed: settings.seed ^ 0x5EED_CA1B)
        var logs = [Double]()
        for _ in 0..<400 {
            var t = 0.5, p = 0.5
            for _ in documents {
                let s = sums[Int(rng.next() % UInt64(documents.count))]
                t += s.t; p += s.p
            }
            logs.append(log(t / p))
        }
        let mean = logs.reduce(0, +) / Double(logs.count)
        let variance = logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(logs.count - 1)
        return Self.rounded(variance.squareRoot())
    }

    /// Six decimals: enough for any probability, and the same bytes on every run.
    static func rounded(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }
}
