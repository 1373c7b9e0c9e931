import ArgumentParser
import Foundation
import SturingReport
import SturingRun

/// `sturing sensitivity OUT`: scores the run's corpus again under other matching choices and
/// reports how shares, rankings and case selections move; writes sensitivity.json and .md into
/// OUT and adds the section to its report.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "How much do shares, rankings and case selections depend on the match mode or the lexicon?",
        discussion: "Scores again from the text cache (or the files), compares with Kendall's tau, lists case flips and leave-one-term-out effects.")

    @Argument(help: "An analyze output folder.")
    var folder: String

    @Option(name: .long, help: "Match modes to compare, comma-separated (lexicon, exact, stem).")
    var modes: String = "lexicon,exact,stem"

    @Option(name: .long, help: "Another lexicon to compare (YAML or CSV), scored with the run's match mode.")
    var lexicon: String?

    @Option(name: .long, help: "CSV style when --format csv: standard or excel-nl.")
    var csvDialect: CSVDialect = .standard

    @Option(name: .long, help: "table | json | md | csv")
    var format: TableFormat = .table

    @Option(name: .long, help: "Files read in parallel.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var isolation: IsolationOptions

    func run() throws {
        let run = try AnalyzedRun(folder)
        let sensitivity = try SensitivityRun.run(run, modes: NameCheck.list(modes), lexicon: lexicon, jobs: jobs, limits: isolation.limits,
                                                 events: consoleEvents())
        switch format {
        case .json: print(SensitivityReport.json(sensitivity).pretty(), terminator: "")
        case .csv: print(SensitivityReport.csv(sensitivity, dialect: csvDialect), terminator: "")
        case .md, .table: print(SensitivityReport.markdown(sensitivity, language: run.settings.lang), terminator: "")
        }
    }
}
