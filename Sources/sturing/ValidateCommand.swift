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
        commandName: "validate", abstract: "Measure the counts against human coding: draw a coding sheet, score coded sheets.",
        subcommands: [Sample.self, Score.self])

    /// Reads coded sheets and scores them (the first is the reference coder's).
    static func score(_ paths: [String]) throws -> ValidationScore {
        do {
            return try ValidationScore(sheets: paths.map { path throws(SheetError) in try CodingSheet.load(path: path) })
        } catch {
            throw CLIError(description: "\(error) (fix the row and score again)")
        }
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

        @Option(name: .long, help: "The sheet to write (default: OUT/validation/sheet.csv); a .md with the coding instruction goes beside it.")
        var out: String?

        @Option(name: .long, help: "CSV style: standard or excel-nl (semicolons, BOM: opens in a Dutch Excel).")
        var csvDialect: CSVDialect = .standard

        @OptionGroup var isolation: IsolationOptions

        func validate() throws {
            if matches < 0 || sentences < 0 { throw ValidationError("--matches and --sentences must be 0 or more") }
        }

        func run() throws {
            let run = try AnalyzedRun(folder)
            func file(_ name: String) -> String { run.file(name) }
            let record = run.record
            let compiled = try run.compiledLexicon()
            let cache = run.cache(isolation)
            let rows = try ValidationSampler.sample(run.corpus, lexicon: compiled, reader: isolation.reader(cache: cache),
                                                    matches: matches, sentences: sentences, seed: seed,
                                                    run: record["run_id"]?.stringValue ?? "")
            let target = out ?? file("validation/sheet.csv")
            let sheet = csvDialect.write([CodingSheet.columns] + rows.map(CodingSheet.cells))
            let companion = (target as NSString).deletingPathExtension + ".md"
            let counts = Perspective.allCases.map { p in "\(p.code) \(rows.filter { $0.perspective == p }.count)" }.joined(separator: ", ")
            let about = "# Codeersheet\n\nRun \(record["run_id"]?.stringValue ?? "?"), seed \(seed): \(rows.filter { $0.kind == .match }.count) treffers (\(counts)) en \(rows.filter { $0.kind == .sentence }.count) zinnen.\n\n" + ValidationReport.instruction + "\n\nDaarna: `sturing validate score \((target as NSString).lastPathComponent) [tweede-codeur.csv]`.\n"
            do {
                try AtomicFile.write(sheet, to: target)
                try AtomicFile.write(about, to: companion)
            } catch { throw CLIError(description: "\(target): cannot write: \(error)") }
            print("sturing: wrote " + Escape.terminal(target) + " (\(rows.count) rows) and " + Escape.terminal(companion))
        }
    }

    /// `sturing validate score SHEET...`.
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Precision, recall, F1 and coder agreement from coded sheets (the first is the reference).")

        @Argument(help: "Coded sheets of one run: the reference coder's first, other coders' after it.")
        var sheets: [String]

        @Option(name: .long, help: "table | json | md")
        var format: TableFormat = .table

        @Option(name: .long, help: "Language of the table: nl | en.")
        var lang: Language = .dutch

        func run() throws {
            let v = try ValidateCommand.score(sheets)
            switch format {
            case .json: print(ValidationReport.json(v).pretty(), terminator: "")
            case .table, .md, .csv: print(ValidationReport.markdown(v, language: lang), terminator: "")
            }
        }
    }
}
