import ArgumentParser
import Foundation
import SturingAnalysis
import SturingPipeline
import SturingReport
import SturingRun

/// Output formats of `rank` and `select`.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, md
}

/// Loads a share table for `rank`/`select`, printing its data warnings on standard error.
func loadShareTable(_ path: String) throws -> ShareTableReader.Table {
    let table: ShareTableReader.Table
    table = try ShareTableReader.load(path: path)
    if table.rows.isEmpty { throw CLIError(description: "\(path): no usable rows (each row needs a municipality and four shares)") }
    for w in table.warnings { printWarning("\(path): \(w)") }
    return table
}

/// `sturing rank SCORES.csv`: means overall and per group, top and bottom k per perspective.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Means by category and region, and top/bottom lists per perspective, from a table of shares.")

    @Argument(help: "analyze's scores.csv, or any CSV with municipality and PA, NPM, NPG, SR (or *_share) columns.")
    var scores: String

    @Option(name: .long, help: "Length of the top and bottom lists (ties at the cut run past it).")
    var top: Int = 5

    @OptionGroup var threshold: SignalWordThreshold

    @Option(name: .long, help: "table | json | csv | md")
    var format: TableFormat = .table

    @Option(name: .long, help: "CSV style (with --format csv): standard or excel-nl (semicolon, decimal comma, BOM).")
    var csvDialect: CSVDialect = .standard

    @Option(name: .long, help: "Language of the table and Markdown: nl | en.")
    var lang: Language = .dutch

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be 1 or more") }
        try threshold.validate()
    }

    func run() throws {
        let table = try loadShareTable(scores)
        let ranking = threshold.ranking(table, path: scores)
        switch format {
        case .json: print(RankingReport.json(ranking, k: top, warnings: table.warnings).pretty(), terminator: "")
        case .csv: print(RankingReport.csv(ranking, k: top, dialect: csvDialect), terminator: "")
        case .md, .table: print(RankingReport.markdown(ranking, k: top, language: lang), terminator: "")
        }
    }
}

/// `sturing select SCORES.csv`: the case-study selection, every step explained.
struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Select case studies: the top municipality per perspective and one average case.")

    @Argument(help: "analyze's scores.csv, or any CSV with municipality, province and share columns.")
    var scores: String

    @Option(name: .long, help: "Municipalities that cannot be cases (declined, already studied), comma-separated.")
    var exclude: String?

    @Option(name: .long, help: "No two cases from the same province | region | none.")
    var distinct: CaseSelection.Distinct = .province

    @Option(name: .long, help: "Force this municipality as the average case (and say whether it qualifies).")
    var average: String?

    @Option(name: .long, help: "Length of the top and bottom lists that disqualify an average case.")
    var top: Int = 5

    @OptionGroup var threshold: SignalWordThreshold

    @Option(name: .long, help: "table | json | csv | md")
    var format: TableFormat = .table

    @Option(name: .long, help: "CSV style (with --format csv): standard or excel-nl (semicolon, decimal comma, BOM).")
    var csvDialect: CSVDialect = .standard

    @Option(name: .long, help: "Language of the Markdown: nl | en.")
    var lang: Language = .dutch

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be 1 or more") }
        try threshold.validate()
    }

    func run() throws {
        let table = try loadShareTable(scores)
        let names = table.rows.map(\.municipality)
        try NameCheck.check(NameCheck.list(exclude) + (average.map { [$0] } ?? []), in: names, path: scores)
        let selection = CaseSelection.select(threshold.ranking(table, path: scores), exclude: NameCheck.list(exclude),
                                             distinct: distinct, top: top, average: average)
        switch format {
        case .json: print(SelectionReport.json(selection).pretty(), terminator: "")
        case .csv: print(SelectionReport.csv(selection, dialect: csvDialect), terminator: "")
        case .md: print(SelectionReport.markdown(selection, language: lang), terminator: "")
        case .table: print(SelectionReport.table(selection, language: lang), terminator: "")
        }
    }
}
