import ArgumentParser
import Foundation
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingRun
import SturingText
import SturingValidation

/// `sturing validate sample|score`: the loop that measures the counts against human coding.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Measure the counts against human coding: draw a coding sheet, score coded sheets, train a context model.",
        subcommands: [Sample.self, Score.self, Train.self])

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
            var request = SampleRun.Request()
            request.matches = matches
            request.sentences = sentences
            request.seed = seed
            request.window = window
            request.showFound = showFound
            request.csvDialect = csvDialect
            request.out = out
            request.limits = isolation.limits
            request.disambiguate = modelOptions.disambiguate
            request.modelPath = modelOptions.model
            let written = try SampleRun.run(run, request, warn: { printWarning($0) })
            print("sturing: wrote " + Escape.terminal(written.sheet) + " (\(written.rows) rows), " + Escape.terminal(written.instruction) + " and the key " + Escape.terminal(written.key))
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
            let v = try ValidationScore(paths: sheets, key: key, runFolder: runFolder)
            switch format {
            case .json: print(ValidationReport.json(v).pretty(), terminator: "")
            case .csv: print(ValidationReport.csv(v, dialect: csvDialect), terminator: "")
            case .table, .md: print(ValidationReport.markdown(v, language: lang), terminator: "")
            }
        }
    }
}
