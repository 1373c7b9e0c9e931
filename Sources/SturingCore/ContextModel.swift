import Foundation

/// A context model for one lexicon: per perspective, the probability that a match signals its
/// perspective, from its term and the words around it. Learned from coded matches by
/// `ContextModelTrainer` (SturingValidation); applied by the scorer with `--disambiguate`.
///
/// The probability of a match of term `t` in perspective `k` with context features `x` is
/// `σ(logit(prior_t) + Σ w_f)` over the features `f` of `x` that the model knows: `prior_t` is the
/// term's coded precision smoothed toward its perspective's, so a term never coded falls back to
/// its perspective's precision, and a match whose context holds nothing known gets its term's.
public struct ContextModel: Codable, Sendable, Equatable {
    /// The format these files have; another is refused.
    public static let formatVersion = 1
    /// What the file is.
    public var format: String = "sturing-context-model"
    /// Its format version.
    public var version: Int = ContextModel.formatVersion
    /// The lexicon's name (a model is refused for another lexicon).
    public var lexicon: String
    /// The sturing version that trained it.
    public var tool: String
    /// Words of context on each side that the features read.
    public var window: Int
    /// The training settings (regularisation, smoothing, folds, seed).
    public var settings: Settings
    /// The coded sheets it learned from, with their fingerprints.
    public var trainedOn: [Source]
    /// Per perspective code ("PA"...): what was learned.
    public var perspectives: [String: PerspectiveModel]
    /// The cross-validated figures, for the report.
    public var crossValidation: [String: Figures]

    /// How the model was trained.
    public struct Settings: Codable, Sendable, Equatable {
        /// L2 penalty on the context weights.
        public var lambda: Double
        /// Pseudo-matches that pull a term's precision toward its perspective's.
        public var smoothing: Double
        /// A context feature is learned only when it occurs in this many documents.
        public var minDocuments: Int
        /// Cross-validation folds (split by document).
        public var folds: Int
        /// The seed of the fold assignment.
        public var seed: UInt64
        /// Creates settings.
        public init(lambda: Double = 2, smoothing: Double = 4, minDocuments: Int = 2, folds: Int = 5, seed: UInt64 = 1) {
            self.lambda = lambda; self.smoothing = smoothing; self.minDocuments = minDocuments; self.folds = folds; self.seed = seed
        }
    }

    /// One coded sheet the model learned from.
    public struct Source: Codable, Sendable, Equatable {
        /// The sheet's file name.
        public var file: String
        /// SHA-256 of its bytes.
        public var sha256: String
        /// Rows coded 1 or 0 that were used.
        public var rows: Int
        /// Creates a source record.
        public init(file: String, sha256: String, rows: Int) { self.file = file; self.sha256 = sha256; self.rows = rows }
    }

    /// What was learned for one perspective.
    public struct PerspectiveModel: Codable, Sendable, Equatable {
        /// The perspective's coded precision (Laplace-smoothed): the prior of an unknown term.
        public var prior: Double
        /// Per term: its coded precision smoothed toward `prior`.
        public var terms: [String: Double]
        /// Per context feature (`ContextFeatures`): its weight on the log-odds.
        public var weights: [String: Double]
        /// How far the model's expected counts are from the true ones in cross-validation: the
        /// standard deviation of log(Σ true / Σ p) over document-resampled coded rows. The
        /// bootstrap draws a factor per replicate from it, so corrected shares carry the model's
        /// own uncertainty.
        public var calibrationSD: Double
        /// Creates a perspective model.
        public init(prior: Double, terms: [String: Double], weights: [String: Double], calibrationSD: Double) {
            self.prior = prior; self.terms = terms; self.weights = weights; self.calibrationSD = calibrationSD
        }
    }

    /// Cross-validated figures for one perspective (or "all"): the lexicon alone and with the model.
    public struct Figures: Codable, Sendable, Equatable {
        /// Coded matches.
        public var matches: Int
        /// Of them, coded 1.
        public var trueMatches: Int
        /// The lexicon's precision: `trueMatches / matches`.
        public var lexiconPrecision: Double
        /// Matches with p ≥ 0.5 in their held-out fold.
        public var kept: Int
        /// Of them, coded 1.
        public var keptTrue: Int
        /// `keptTrue / kept`.
        public var modelPrecision: Double
        /// `keptTrue / trueMatches`: the share of the true matches the model keeps.
        public var keptShare: Double
        /// Σ p over the held-out matches (compare with `trueMatches`).
        public var expected: Double
        /// Creates figures.
        public init(matches: Int, trueMatches: Int, kept: Int, keptTrue: Int, expected: Double) {
            self.matches = matches; self.trueMatches = trueMatches; self.kept = kept; self.keptTrue = keptTrue
            self.lexiconPrecision = matches > 0 ? Double(trueMatches) / Double(matches) : 0
            self.modelPrecision = kept > 0 ? Double(keptTrue) / Double(kept) : 0
            self.keptShare = trueMatches > 0 ? Double(keptTrue) / Double(trueMatches) : 0
            self.expected = expected
        }
    }

    /// Creates a model.
    public init(lexicon: String, tool: String, window: Int, settings: Settings, trainedOn: [Source],
                perspectives: [String: PerspectiveModel], crossValidation: [String: Figures]) {
        self.lexicon = lexicon; self.tool = tool; self.window = window; self.settings = settings
        self.trainedOn = trainedOn; self.perspectives = perspectives; self.crossValidation = crossValidation
    }

    /// The log-odds a match starts from before its context: its term's smoothed precision, or its
    /// perspective's for a term never coded (0: an even chance, for a perspective never coded).
    public func priorLogit(_ perspective: Perspective, term: String) -> Double {
        guard let model = perspectives[perspective.code] else { return 0 }
        return Self.logit(model.terms[term] ?? model.prior)
    }

    /// The weight of one context feature (0 when unknown).
    public func weight(_ perspective: Perspective, _ feature: String) -> Double {
        perspectives[perspective.code]?.weights[feature] ?? 0
    }

    /// The probability that a match signals its perspective.
    public func probability(_ perspective: Perspective, term: String, features: [String]) -> Double {
        var z = priorLogit(perspective, term: term)
        for f in features { z += weight(perspective, f) }
        return Self.sigmoid(z)
    }

    /// `log(p / (1 - p))`, with p kept inside (0.001, 0.999).
    public static func logit(_ p: Double) -> Double {
        let q = min(max(p, 0.001), 0.999)
        return log(q / (1 - q))
    }

    /// `1 / (1 + e^-z)`.
    public static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// The model as JSON, keys sorted and numbers rounded, so the same training gives the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding a value of plain structs cannot fail.
        return (try? encoder.encode(self)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    /// Reads a model file and checks that it is one, for `lexicon` (nil: any) and this format.
    public static func load(path: String, lexicon: String?) throws(ContextModelError) -> ContextModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContextModelError(file: path, message: "cannot read the model (check the path)")
        }
        return try decode(data, file: path, lexicon: lexicon)
    }

    /// Decodes a model and checks it (see `load`).
    public static func decode(_ data: Data, file: String, lexicon: String?) throws(ContextModelError) -> ContextModel {
        struct Head: Decodable { var format: String?; var version: Int?; var lexicon: String?; var tool: String? }
        guard let head = try? JSONDecoder().decode(Head.self, from: data), head.format == "sturing-context-model" else {
            throw ContextModelError(file: file, message: "not a sturing context model (make one with `sturing validate train SHEET... --out MODEL.json`)")
        }
        guard head.version == formatVersion else {
            throw ContextModelError(file: file, message: "model format \(head.version.map(String.init) ?? "?") is not the format \(formatVersion) this sturing reads (train it again with this version: `sturing validate train`)")
        }
        if let lexicon, head.lexicon != lexicon {
            throw ContextModelError(file: file, message: "the model was trained for the lexicon '\(head.lexicon ?? "?")', not for '\(lexicon)' that this run uses (train one for this lexicon with `sturing validate train --lexicon`, or use its own lexicon)")
        }
        if let tool = head.tool, release(tool) != release(SturingVersion.current) {
            throw ContextModelError(file: file, message: "the model was trained by sturing \(tool), not by this release (\(SturingVersion.current)), whose matches and features may differ (train it again: `sturing validate train SHEET... --out MODEL.json`)")
        }
        do {
            return try JSONDecoder().decode(ContextModel.self, from: data)
        } catch {
            throw ContextModelError(file: file, message: "the model is damaged (\(error)); train it again")
        }
    }

    /// A version's release: its first two numbers ("0.3" of "0.3.1").
    static func release(_ version: String) -> String { version.split(separator: ".").prefix(2).joined(separator: ".") }

    /// A short fingerprint of the model (for run settings and caches).
    public var fingerprint: String { String(SHA256Hex.digest(encoded()).prefix(16)) }
}

/// A model file that cannot be used: names the file and says what to do.
public struct ContextModelError: UserError, Equatable {
    /// The model's path.
    public var file: String
    /// What is wrong and what to do.
    public var message: String
    /// Creates an error.
    public init(file: String, message: String) { self.file = file; self.message = message }
    /// The message as printed.
    public var description: String { "\(file): \(message)" }
}
