import ArgumentParser
import Foundation
import SturingReport
import SturingRun

/// `sturing compare OUT_A OUT_B`: two runs (say the 2015 and the 2019 plans) municipality by
/// municipality, with the change per perspective and whether it is larger than the uncertainty.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two analyze runs (two policy periods) municipality by municipality.",
        discussion: """
        Each change gets a 95 % interval from resampling both plans' sentences N times (--bootstrap), \
        a sentence that stands in both periods drawn alike in both: an unchanged plan changes by exactly 0, \
        and only municipalities whose change interval excludes 0 are listed as moved.
        """)

    @Argument(help: "The earlier run's output folder.")
    var before: String

    @Argument(help: "The later run's output folder.")
    var after: String

    @Option(name: .long, help: "Folder for compare.csv, compare.json, compare.md and compare.html (default: AFTER/compare).")
    var out: String?

    @Flag(name: .long, help: "Compare runs made with another lexicon or match mode (every output says so).")
    var allowDifferent = false

    @Option(name: .long, help: "CSV style: standard or excel-nl.")
    var csvDialect: CSVDialect = .standard

    @Option(name: .long, help: "Language: nl | en.")
    var lang: Language = .dutch

    @Option(name: .long, help: "table | json | md | csv (what is printed).")
    var format: TableFormat = .table

    @OptionGroup var uncertainty: BootstrapOptions

    func run() throws {
        let result = try CompareRun.run(before: before, after: after, out: out, allowDifferent: allowDifferent, replicates: uncertainty.bootstrap,
                                        seed: uncertainty.seed, dialect: csvDialect, language: lang, events: consoleEvents())
        let (comparison, different) = (result.comparison, result.different)
        switch format {
        case .json: print(ComparisonReport.json(comparison, different: different).pretty(), terminator: "")
        case .csv: print(ComparisonReport.csv(comparison, dialect: csvDialect, different: different), terminator: "")
        case .table, .md: print(ComparisonReport.markdown(comparison, language: lang, different: different), terminator: "")
        }
    }
}
