import Foundation
import SturingAnalysis
import SturingCore

/// The one schema of a run's settings: what `analyze` (or `merge`) was asked to do and with which
/// lexicon, model and libraries. Written whole to run.json; read back through it alone by resume,
/// merge, sensitivity, keyness and `validate sample`, so every reader sees the same fields with
/// the same meaning and no reader guesses a default. Versioned: a run.json of another version is
/// refused with a message that says which.
public struct RunSettings: Codable, Sendable, Equatable {
    /// The version this release writes and reads.
    public static let currentVersion = 1

    /// The schema version (`currentVersion` when written by this release).
    public var version: Int
    /// The corpus folder as given.
    public var corpus: String
    /// The manifest used (nil: none).
    public var manifest: String?
    /// SHA-256 of the corpus listing (files, manifest), the same in every shard of one corpus.
    public var corpusPlanSHA256: String
    /// This run's shard of the corpus (nil: the whole corpus).
    public var shard: Shard?
    /// For a merged run: the shards it was merged from.
    public var mergedFrom: [MergedShard]?
    /// The CSV dialect of scores.csv.
    public var csvDialect: CSVDialect
    /// The language of the report and messages.
    public var lang: Language
    /// The text cache folder (nil: no cache).
    public var cache: String?
    /// OCR mode (`auto`, `always`, `never`).
    public var ocr: String
    /// The OCR engine and its language data (nil when OCR is off).
    public var ocrEngine: String?
    /// Bootstrap replicates (0: no intervals).
    public var bootstrap: Int
    /// The bootstrap's seed, as decimal text (64 bits survive every JSON reader).
    public var seed: String
    /// The lexicon.
    public var lexicon: LexiconRecord
    /// The context model (`--disambiguate`; nil: raw counts).
    public var contextModel: ModelRecord?
    /// Match mode.
    public var match: MatchSetting
    /// Stemmer, ICU and poppler as identified at run time.
    public var stemmer: String
    /// ICU version.
    public var icu: String
    /// poppler version.
    public var poppler: String
    /// The text cache's ingest format version.
    public var ingest: String
    /// The token cache's version.
    public var tokens: String
    /// Plans with fewer signal words are not ranked.
    public var minSignalWords: Int
    /// Length of the top/bottom lists and the case selection's k.
    public var top: Int
    /// What the case selection keeps distinct.
    public var distinct: CaseSelection.Distinct
    /// Municipalities left out of the case selection.
    public var exclude: [String]
    /// Seconds a file may go without progress.
    public var fileTimeout: Double
    /// Memory a file's reader may use (MB).
    public var fileMemoryMB: Int

    /// A shard: number k of n.
    public struct Shard: Codable, Sendable, Equatable {
        /// This shard's number, 1...n.
        public var k: Int
        /// The number of shards.
        public var n: Int
        /// Creates a shard.
        public init(k: Int, n: Int) { self.k = k; self.n = n }
    }

    /// One shard a merged run was made from.
    public struct MergedShard: Codable, Sendable, Equatable {
        /// The shard's output folder.
        public var folder: String
        /// Its number.
        public var k: Int
        /// The number of shards.
        public var n: Int
        /// Creates the record.
        public init(folder: String, k: Int, n: Int) { self.folder = folder; self.k = k; self.n = n }
    }

    /// The lexicon of a run.
    public struct LexiconRecord: Codable, Sendable, Equatable {
        /// Its name.
        public var name: String
        /// Its version.
        public var version: String
        /// SHA-256 of its file.
        public var sha256: String
        /// Its path ("built-in:NAME" for a built-in one).
        public var path: String
    }

    /// The context model of a run, with its cross-validated precision.
    public struct ModelRecord: Codable, Sendable, Equatable {
        /// Where it came from.
        public var path: String
        /// `ContextModel.fingerprint`.
        public var fingerprint: String
        /// The sheets it was trained on.
        public var trainedOn: [String]
        /// Per perspective (PA NPM NPG SR): the spread of its calibration.
        public var calibrationSD: [Double]
        /// Cross-validated figures over all coded matches (nil: none recorded).
        public var crossValidated: CrossValidated?

        /// Cross-validated figures, as written in run.json and scores.json.
        public struct CrossValidated: Codable, Sendable, Equatable {
            /// Coded matches.
            public var matches: Int
            /// Of them, coded 1.
            public var trueMatches: Int
            /// Matches with p ≥ 0.5 in their held-out fold.
            public var kept: Int
            /// Of them, coded 1.
            public var keptTrue: Int
            /// Σ p over the held-out matches.
            public var expected: Double
            /// The lexicon's precision.
            public var lexiconPrecision: Double
            /// The precision of the matches with p ≥ 0.5.
            public var precisionPAtLeastHalf: Double
            /// The share of the true matches kept.
            public var trueMatchesKept: Double

            enum CodingKeys: String, CodingKey {
                case matches, kept, expected
                case trueMatches = "true_matches", keptTrue = "kept_true", lexiconPrecision = "lexicon_precision"
                case precisionPAtLeastHalf = "precision_p_at_least_half", trueMatchesKept = "true_matches_kept"
            }
        }

        enum CodingKeys: String, CodingKey {
            case path, fingerprint
            case trainedOn = "trained_on", calibrationSD = "calibration_sd", crossValidated = "cross_validated"
        }

        /// The record of a provenance's model.
        public init(_ m: Provenance.ModelRecord) {
            path = m.path
            fingerprint = m.fingerprint
            trainedOn = m.trainedOn
            calibrationSD = m.calibrationSD
            crossValidated = m.figures.map {
                CrossValidated(matches: $0.matches, trueMatches: $0.trueMatches, kept: $0.kept, keptTrue: $0.keptTrue, expected: $0.expected,
                               lexiconPrecision: $0.lexiconPrecision, precisionPAtLeastHalf: $0.modelPrecision, trueMatchesKept: $0.keptShare)
            }
        }

        /// The provenance's record of this model.
        public var provenance: Provenance.ModelRecord {
            .init(path: path, fingerprint: fingerprint, trainedOn: trainedOn,
                  figures: crossValidated.map { .init(matches: $0.matches, trueMatches: $0.trueMatches, kept: $0.kept, keptTrue: $0.keptTrue, expected: $0.expected) },
                  calibrationSD: calibrationSD)
        }
    }

    enum CodingKeys: String, CodingKey {
        case version, corpus, manifest, shard, cache, ocr, bootstrap, seed, lexicon, match, stemmer, icu, poppler, ingest, tokens, top, distinct, exclude
        case corpusPlanSHA256 = "corpus_plan_sha256", mergedFrom = "merged_from", csvDialect = "csv_dialect", lang
        case ocrEngine = "ocr_engine", contextModel = "context_model", minSignalWords = "min_signal_words"
        case fileTimeout = "file_timeout", fileMemoryMB = "file_memory_mb"
    }

    /// Settings of provenance `p` (lexicon, match, model, libraries) with the run's options.
    public init(provenance p: Provenance, corpus: String, manifest: String?, corpusPlanSHA256: String, shard: Shard?,
                csvDialect: CSVDialect, lang: Language, cache: String?, ocr: String, ocrEngine: String?,
                bootstrap: Int, seed: UInt64, ingest: String, tokens: String, minSignalWords: Int, top: Int,
                distinct: CaseSelection.Distinct, exclude: [String], fileTimeout: Double, fileMemoryMB: Int) {
        version = Self.currentVersion
        self.corpus = corpus; self.manifest = manifest; self.corpusPlanSHA256 = corpusPlanSHA256; self.shard = shard
        self.csvDialect = csvDialect; self.lang = lang; self.cache = cache; self.ocr = ocr; self.ocrEngine = ocrEngine
        self.bootstrap = bootstrap; self.seed = String(seed)
        lexicon = LexiconRecord(name: p.lexiconName, version: p.lexiconVersion, sha256: p.lexiconSHA256, path: p.lexiconPath)
        contextModel = p.model.map(ModelRecord.init)
        match = p.match; stemmer = p.stemmer; icu = p.icu; poppler = p.poppler
        self.ingest = ingest; self.tokens = tokens; self.minSignalWords = minSignalWords; self.top = top
        self.distinct = distinct; self.exclude = exclude; self.fileTimeout = fileTimeout; self.fileMemoryMB = fileMemoryMB
    }

    /// The seed as a number (`read` refuses settings whose seed is not one).
    public var seedValue: UInt64 { UInt64(seed) ?? 1 }

    /// The provenance these settings record (tool version `tool`), dated `date`.
    public func provenance(tool: String, date: String) -> Provenance {
        var p = Provenance(toolVersion: tool, lexiconName: lexicon.name, lexiconVersion: lexicon.version, lexiconSHA256: lexicon.sha256,
                           lexiconPath: lexicon.path, match: match, stemmer: stemmer, icu: icu, poppler: poppler, date: date)
        p.model = contextModel?.provenance
        return p
    }

    /// Non-finite numbers as text, so that encoding never fails and reading gives them back.
    static let nonFinite = (positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    /// The settings as JSON (keys sorted, so the same settings give the same text).
    public var json: JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: Self.nonFinite.positiveInfinity,
                                                                      negativeInfinity: Self.nonFinite.negativeInfinity, nan: Self.nonFinite.nan)
        do {
            return try JSONValue.parse(String(decoding: try encoder.encode(self), as: UTF8.self))
        } catch {
            // Strings, integers, finite or named numbers and arrays of them always encode and
            // parse; should that ever change, say so in the file rather than write no settings.
            return .object([("version", .int(version)), ("error", .string("the settings could not be written: \(error)"))])
        }
    }

    /// Why a run's settings cannot be read.
    public struct ReadError: UserError, Sendable {
        /// The message (names the version or the field).
        public let description: String
    }

    /// Reads the settings of a run.json (`record["settings"]`); `source` names the file in errors.
    public static func read(_ value: JSONValue?, source: String) throws(ReadError) -> RunSettings {
        guard let value, case .object = value else {
            throw ReadError(description: "\(source): has no run settings (not a run folder of sturing)")
        }
        guard let version = value["version"]?.intValue else {
            throw ReadError(description: "\(source): made by an earlier sturing (its settings have no version; this one reads version \(currentVersion)); run the corpus again with this version")
        }
        guard version == currentVersion else {
            throw ReadError(description: "\(source): its settings are version \(version), this sturing reads version \(currentVersion); use the sturing that made the run, or run the corpus again")
        }
        let settings: RunSettings
        do {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: Self.nonFinite.positiveInfinity,
                                                                            negativeInfinity: Self.nonFinite.negativeInfinity, nan: Self.nonFinite.nan)
            settings = try decoder.decode(RunSettings.self, from: Data(value.serialized().utf8))
        } catch let DecodingError.keyNotFound(key, context) {
            let field = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw ReadError(description: "\(source): the run settings lack '\(field)' (the file was edited or cut short; run the corpus again)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ReadError(description: "\(source): the run setting '\(field)' is not valid (\(context.debugDescription)); run the corpus again")
        } catch {
            throw ReadError(description: "\(source): the run settings cannot be read: \(error)")
        }
        guard UInt64(settings.seed) != nil else {
            throw ReadError(description: "\(source): the run setting 'seed' is not a whole number 0 or more ('\(settings.seed)'); run the corpus again")
        }
        return settings
    }
}

extension CSVDialect: Codable {}
extension Language: Codable {}
extension CaseSelection.Distinct: Codable {}
