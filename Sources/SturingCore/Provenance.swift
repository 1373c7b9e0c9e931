/// Where a result came from: tool, lexicon, match setting and libraries. Recorded in every output.
public struct Provenance: Sendable, Equatable {
    /// sturing's version.
    public var toolVersion: String
    /// Lexicon name.
    public var lexiconName: String
    /// Lexicon version.
    public var lexiconVersion: String
    /// SHA-256 of the lexicon file.
    public var lexiconSHA256: String
    /// Lexicon path ("built-in:..." for the default).
    public var lexiconPath: String
    /// The match setting of the run.
    public var match: MatchSetting
    /// Stemmer identification.
    public var stemmer: String
    /// ICU version.
    public var icu: String
    /// poppler version.
    public var poppler: String
    /// When the run started (ISO 8601, UTC).
    public var date: String
    /// The context model that weighed the matches (`--disambiguate`); nil: raw counts.
    public var model: ModelRecord?

    /// Which context model a run used and how good it measured itself.
    public struct ModelRecord: Sendable, Equatable {
        /// Where it came from ("built-in:nijdam-2019.model.json" or a path).
        public var path: String
        /// `ContextModel.fingerprint`.
        public var fingerprint: String
        /// The sheets it was trained on.
        public var trainedOn: [String]
        /// Cross-validated figures over all coded matches (nil: none recorded).
        public var figures: ContextModel.Figures?
        /// Per perspective (PA NPM NPG SR): the spread of the model's calibration, for the bootstrap.
        public var calibrationSD: [Double]
        /// `calibrationSD` as the bootstrap draws it (PA NPM NPG SR; 0 for a missing one).
        public var spread: SIMD4<Double> {
            let sd = calibrationSD + Array(repeating: 0, count: max(0, 4 - calibrationSD.count))
            return SIMD4(sd[0], sd[1], sd[2], sd[3])
        }
        /// Creates a record from its parts (as read back from a run's JSON).
        public init(path: String, fingerprint: String, trainedOn: [String], figures: ContextModel.Figures?, calibrationSD: [Double]) {
            self.path = path; self.fingerprint = fingerprint; self.trainedOn = trainedOn; self.figures = figures
            self.calibrationSD = calibrationSD.count == 4 ? calibrationSD : [0, 0, 0, 0]
        }

        /// Creates a record of `model` read from `path`.
        public init(model: ContextModel, path: String) {
            self.path = path
            fingerprint = model.fingerprint
            trainedOn = model.trainedOn.map(\.file)
            figures = model.crossValidation["all"]
            // To the four decimals every output writes, so a run read back from its files (a merge
            // of shards, a report redrawn) resamples with the spread the run itself used.
            calibrationSD = Perspective.allCases.map { ((model.perspectives[$0.code]?.calibrationSD ?? 0) * 10_000).rounded() / 10_000 }
        }
    }

    /// Creates a provenance record.
    public init(toolVersion: String = SturingVersion.current, lexiconName: String, lexiconVersion: String,
                lexiconSHA256: String, lexiconPath: String, match: MatchSetting, stemmer: String,
                icu: String, poppler: String, date: String) {
        self.toolVersion = toolVersion
        self.lexiconName = lexiconName
        self.lexiconVersion = lexiconVersion
        self.lexiconSHA256 = lexiconSHA256
        self.lexiconPath = lexiconPath
        self.match = match
        self.stemmer = stemmer
        self.icu = icu
        self.poppler = poppler
        self.date = date
    }
}
