import Foundation
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingValidation

/// `validate sample` on a finished run: draws random matches and sentences, and writes the coding
/// sheet, its instruction beside it (a .md) and the key (what the tool found) into the run folder.
public enum SampleRun {
    /// What to draw and how to write it.
    public struct Request: Sendable {
        /// Matches per perspective.
        public var matches = 40
        /// Random sentences of the corpus.
        public var sentences = 60
        /// The seed (the same seed gives the same sheet).
        public var seed: UInt64 = 1
        /// Words of context on each side of a match.
        public var window = ValidationSampler.defaultWindow
        /// Put what the tool found in the sheet (not blind).
        public var showFound = false
        /// The sheet's CSV dialect.
        public var csvDialect = CSVDialect.standard
        /// The sheet to write (nil: RUN/validation/sheet.csv).
        public var out: String?
        /// Limits of the readers of files not in the text cache.
        public var limits = IsolatedReader.Limits()
        /// Weigh matches by the lexicon's built-in context model (its p goes into the key).
        public var disambiguate = false
        /// A context model file from `validate train` (implies `disambiguate`).
        public var modelPath: String?

        /// A request with the defaults of `validate sample`.
        public init() {}
    }

    /// The files written.
    public struct Written: Sendable {
        /// The coding sheet.
        public var sheet: String
        /// The instruction beside it.
        public var instruction: String
        /// The key, in the run folder.
        public var key: String
        /// Rows in the sheet.
        public var rows: Int
    }

    /// Draws and writes the sample of `run` that `request` asks for.
    public static func run(_ run: AnalyzedRun, _ request: Request, warn: (String) -> Void = { _ in }) throws -> Written {
        let compiled = try run.compiledLexicon(warn: warn)
        let model = try RunLexicon.model(for: compiled.lexicon, disambiguate: request.disambiguate, path: request.modelPath)?.model
        let runID = run.record["run_id"]?.stringValue ?? ""
        let reader = IsolatedReader(limits: request.limits, cache: run.cache(ocr: request.limits.ocr))
        let sample = try ValidationSampler.sample(run.corpus, lexicon: compiled, reader: reader,
                                                  matches: request.matches, sentences: request.sentences, seed: request.seed,
                                                  run: runID, window: request.window, model: model)
        let rows = sample.rows
        let target = request.out ?? run.file("validation/sheet.csv")
        let keyName = SampleKey.fileName(seed: request.seed, matches: request.matches, sentences: request.sentences)
        let keyPath = run.file("validation/" + keyName)
        let sheet = request.csvDialect.write([CodingSheet.header(showFound: request.showFound)] + rows.map { CodingSheet.cells($0, showFound: request.showFound) })
        let companion = (target as NSString).deletingPathExtension + ".md"
        let perPerspective = Perspective.allCases.map { p in rows.filter { $0.perspective == p }.count }
        let about = ValidationReport.sheetInstruction(run: runID.isEmpty ? "?" : runID, seed: request.seed, matches: rows.filter { $0.kind == .match }.count, perPerspective: perPerspective,
                                                      sentences: rows.filter { $0.kind == .sentence }.count, showFound: request.showFound,
                                                      sheetName: (target as NSString).lastPathComponent, keyName: keyName)
        try AtomicFile.write(CSVDialect.standard.write(sample.key.rows), to: keyPath)
        try AtomicFile.write(sheet, to: target)
        try AtomicFile.write(about, to: companion)
        return Written(sheet: target, instruction: companion, key: keyPath, rows: rows.count)
    }
}
