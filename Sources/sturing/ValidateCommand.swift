import ArgumentParser
import Foundation
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText
import SturingValidation

/// `sturing validate sample|score`: the loop that measures the counts against human coding.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Measure the counts against human coding: draw a coding sheet, score coded sheets, train a context model.",
        subcommands: [Sample.self, Score.self, Train.self])

    /// Reads coded sheets, joins each with its sample's key (`key`, or found from the run id, in
    /// `runFolder` or the run folder that holds the sheet) and scores them (the first is the
    /// reference coder's).
    static func score(_ paths: [String], key: String? = nil, runFolder: String? = nil) throws -> ValidationScore {
        try ValidationScore(sheets: paths.map { path throws(SheetError) in
            try CodingSheet.loadChecked(path: path, key: key, runFolder: runFolder)
        })
    }

    /// `sturing validate sample OUT`.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a coding sheet of random matches and sentences from an analyze run.")

        @Argument(help: "An analyze output folder.")
        var folder: String

        @Option(name: .long, help: "Matches per perspective (spread over the plans).")
        var matches: Int = 40

        @Option(name: .long, help: "Random sentences of the corpus.")
        var sentences: Int = 60

        @Option(name: .long, help: "Seed (the same seed gives the same sheet).")
        var seed: UInt64 = 1

        @Option(name: .long, help: "The sheet to write (default: OUT/validation/sheet.csv); a .md with the coding instruction goes beside it, the key (what the tool found) into OUT/validation/.")
        var out: String?

        @Option(name: .long, help: "Words of context on each side of a match.")
        var window: Int = ValidationSampler.defaultWindow

        @Flag(name: .long, help: "Put what the tool found in the sheet (its last column): the coding is then not blind.")
        var showFound = false

        @Option(name: .long, help: "CSV style: standard or excel-nl (semicolons, BOM: opens in a Dutch Excel).")
        var csvDialect: CSVDialect = .standard

        @OptionGroup var isolation: IsolationOptions

        @OptionGroup var modelOptions: ModelOptions

        func validate() throws {
            if matches < 0 || sentences < 0 { throw ValidationError("--matches and --sentences must be 0 or more") }
            if window < 1 || window > 200 { throw ValidationError("--window must be between 1 and 200 words") }
        }

        func run() throws {
            let run = try AnalyzedRun(folder)
            func file(_ name: String) -> String { run.file(name) }
            let record = run.record
            let compiled = try run.compiledLexicon()
            let cache = run.cache(isolation)
            let model = try modelOptions.contextModel(for: compiled.lexicon)?.model
            let sample = try ValidationSampler.sample(run.corpus, lexicon: compiled, reader: isolation.reader(cache: cache),
                                                      matches: matches, sentences: sentences, seed: seed,
                                                      run: record["run_id"]?.stringValue ?? "", window: window, model: model)
            let rows = sample.rows
            let target = out ?? file("validation/sheet.csv")
            let keyPath = file("validation/" + SampleKey.fileName(seed: seed, matches: matches, sentences: sentences))
            let sheet = csvDialect.write([CodingSheet.header(showFound: showFound)] + rows.map { CodingSheet.cells($0, showFound: showFound) })
            let companion = (target as NSString).deletingPathExtension + ".md"
            let counts = Perspective.allCases.map { p in "\(p.code) \(rows.filter { $0.perspective == p }.count)" }.joined(separator: ", ")
            let blind = showFound ? "Let op: deze sheet is getrokken met --show-found; de laatste kolom (`found`) toont wat het programma vond, dus het coderen van de zinnen is niet blind.\n\n" : ""
            let about = "# Codeersheet\n\nRun \(record["run_id"]?.stringValue ?? "?"), seed \(seed): \(rows.filter { $0.kind == .match }.count) treffers (\(counts)) en \(rows.filter { $0.kind == .sentence }.count) zinnen.\n\n" + blind + ValidationReport.instruction + "\n\nDaarna: `sturing validate score \((target as NSString).lastPathComponent) [tweede-codeur.csv]` (de sleutel met wat het programma vond staat in de map van de run: \(SampleKey.fileName(seed: seed, matches: matches, sentences: sentences))).\n"
            try AtomicFile.write(CSVDialect.standard.write(sample.key.rows), to: keyPath)
            try AtomicFile.write(sheet, to: target)
            try AtomicFile.write(about, to: companion)
            print("sturing: wrote " + Escape.terminal(target) + " (\(rows.count) rows), " + Escape.terminal(companion) + " and the key " + Escape.terminal(keyPath))
        }
    }

    /// `sturing validate score SHEET...`.
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Precision, recall, F1 and coder agreement from coded sheets (the first is the reference).")

        @Argument(help: "Coded sheets of one run: the reference coder's first, other coders' after it.")
        var sheets: [String]

        @Option(name: .long, help: "table | json | md | csv")
        var format: TableFormat = .table

        @Option(name: .long, help: "CSV style when --format csv: standard or excel-nl.")
        var csvDialect: CSVDialect = .standard

        @Option(name: .long, help: "Language of the table: nl | en.")
        var lang: Language = .dutch

        @Option(name: .long, help: "The sample's key (default: found from the sheet's run id, in the run folder that holds the sheet or in --run).")
        var key: String?

        @Option(name: .customLong("run"), help: "The analyze output folder the sheets were drawn from (where their key is).")
        var runFolder: String?

        func run() throws {
            let v = try ValidateCommand.score(sheets, key: key, runFolder: runFolder)
            switch format {
            case .json: print(ValidationReport.json(v).pretty(), terminator: "")
            case .csv: print(ValidationReport.csv(v, dialect: csvDialect), terminator: "")
            case .table, .md: print(ValidationReport.markdown(v, language: lang), terminator: "")
            }
        }
    }
}
