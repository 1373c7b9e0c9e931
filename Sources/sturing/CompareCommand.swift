import ArgumentParser
import Foundation
import SturingAnalysis
import SturingCore
import SturingReport

/// `sturing compare OUT_A OUT_B`: two runs (say the 2015 and the 2019 plans) municipality by
/// municipality, with the change per perspective and whether it is larger than the uncertainty.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two analyze runs (two policy periods) municipality by municipality.",
        discussion: "Run both with --bootstrap (and the same N) to see which changes are larger than the uncertainty.")

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

    @Option(name: .long, help: "table | json | md (what is printed).")
    var format: TableFormat = .table

    /// One run as the comparison needs it, from its output folder.
    static func load(_ folder: String) throws -> (run: PeriodComparison.Run, lexicon: String, match: String) {
        let input: CorpusReportInput
        do { input = try ScoresJSONReader.load(path: (folder as NSString).appendingPathComponent("scores.json")) } catch {
            throw CLIError(description: "\(error)")
        }
        var replicates = [Int: [[Double]]]()
        if let b = input.bootstrap {
            for (k, index) in b.rankedIndices.enumerated() { replicates[index] = b.replicateShares.map { $0[k].shares } }
        }
        let plans = input.plans.map { entry in
            var terms = [String: (perspective: Perspective, count: Int)]()
            for p in Perspective.allCases { for t in entry.score.terms[p] ?? [] where t.count > 0 { terms[t.term] = (p, t.count) } }
            let shares = Perspective.allCases.compactMap { entry.score.perspectives[$0]?.share }
            return PeriodComparison.Run.Plan(municipality: entry.plan.municipality, shares: shares.count == 4 ? shares : nil,
                                             tokens: entry.score.tokens, signalWords: entry.score.totalSignalWords, terms: terms)
        }
        let label = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        return (PeriodComparison.Run(label: label, plans: plans, replicates: replicates), input.provenance.lexiconSHA256, input.provenance.match.rawValue)
    }

    func run() throws {
        let a = try Self.load(before), b = try Self.load(after)
        let different = a.lexicon != b.lexicon || a.match != b.match
        if different && !allowDifferent {
            throw CLIError(description: "\(before) and \(after) were made with \(a.lexicon != b.lexicon ? "other lexicons" : "other match modes (\(a.match), \(b.match))"); their shares are not comparable (run both alike, or pass --allow-different)")
        }
        if a.run.replicates.isEmpty != b.run.replicates.isEmpty {
            printWarning("only one of the runs has bootstrap replicates: changes get no interval (run both with --bootstrap N)")
        }
        let comparison = PeriodComparison(a.run, b.run)
        let folder = out ?? (after as NSString).appendingPathComponent("compare")
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        do {
            try AtomicFile.write(ComparisonReport.csv(comparison, dialect: csvDialect, different: different), to: file("compare.csv"))
            try AtomicFile.write(ComparisonReport.json(comparison, different: different).pretty(), to: file("compare.json"))
            try AtomicFile.write(ComparisonReport.markdown(comparison, language: lang, different: different), to: file("compare.md"))
            try AtomicFile.write(ComparisonReport.html(comparison, language: lang, different: different), to: file("compare.html"))
        } catch { throw CLIError(description: "\(folder): cannot write: \(error)") }
        switch format {
        case .json: print(ComparisonReport.json(comparison, different: different).pretty(), terminator: "")
        case .table, .md, .csv: print(ComparisonReport.markdown(comparison, language: lang, different: different), terminator: "")
        }
        printNote("wrote " + folder + "/{compare.csv, compare.json, compare.md, compare.html}")
        for name in comparison.onlyBefore { printWarning("\(name) is only in \(before)") }
        for name in comparison.onlyAfter { printWarning("\(name) is only in \(after)") }
    }
}
