import ArgumentParser
import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingRun

/// `sturing score FILE...`: scores each file and prints a table, JSON or CSV.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score policy plans (\(ReadFormats.list)): signal words per steering perspective.")

    /// Output formats of `score`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Argument(help: "Plan files: \(ReadFormats.list).")
    var files: [String]

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(name: .long, help: "table | json | csv")
    var format: Format = .table

    @Option(name: .long, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Also write scores.json, scores.csv and scores.txt (atomically) into this folder.")
    var out: String?

    @Option(name: .long, help: "CSV style: standard (comma, decimal point) or excel-nl (semicolon, decimal comma, BOM, Dutch headers).")
    var csvDialect: CSVDialect = .standard

    @Option(name: .long, help: "Language of the table: nl | en.")
    var lang: Language = .dutch

    @Option(name: .long, help: "Files scored in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var isolation: IsolationOptions

    @OptionGroup var uncertainty: BootstrapOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        let scored = try ScoreRun.run(files, lexicon: try lexiconOptions.load(), jobs: jobs, limits: isolation.limits,
                                      replicates: uncertainty.bootstrap, seed: uncertainty.seed)
        let (provenance, scores, failures, bootstrap) = (scored.provenance, scored.scores, scored.failures, scored.bootstrap)
        let intervals = bootstrap?.plans
        func render(_ format: Format) -> String {
            switch format {
            case .table: ScoreTable.render(provenance: provenance, scores: scores, failures: failures, language: lang, bootstrap: bootstrap)
            case .json: ScoreJSON.report(provenance: provenance, scores: scores, failures: failures, intervals: intervals).pretty()
            case .csv: ScoreCSV.render(scores: scores, failures: failures, dialect: csvDialect, intervals: intervals)
            }
        }
        let text = render(format)
        if let out {
            for (name, f) in [("scores.json", Format.json), ("scores.csv", .csv), ("scores.txt", .table)] {
                try AtomicFile.write(f == format ? text : render(f), to: URL(fileURLWithPath: out).appendingPathComponent(name).path)
            }
        }
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        for f in failures {
            printError("\(f.file): \(Labels(lang).failure(f))")
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
