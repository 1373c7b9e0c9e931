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

    /// One run as the comparison needs it, from its output folder.
    static func load(_ folder: String) throws -> (run: PeriodComparison.Run, lexicon: String, match: String) {
        let input: CorpusReportInput
        input = try ScoresJSONReader.load(path: (folder as NSString).appendingPathComponent("scores.json"))
        let plans = input.plans.map { entry in
            var terms = [String: (perspective: Perspective, count: Int)]()
            for p in Perspective.allCases { for t in entry.score.terms[p] ?? [] where t.count > 0 { terms[t.term] = (p, t.count) } }
            let shares = Perspective.allCases.compactMap { entry.score.perspectives[$0]?.share }
            return PeriodComparison.Run.Plan(municipality: entry.plan.municipality, shares: shares.count == 4 ? shares : nil,
                                             tokens: entry.score.tokens, signalWords: entry.score.totalSignalWords, terms: terms,
                                             sentences: entry.score.sentences)
        }
        let label = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        return (PeriodComparison.Run(label: label, plans: plans), input.provenance.lexiconSHA256, input.provenance.match.rawValue)
    }

    func run() throws {
        let a = try Self.load(before), b = try Self.load(after)
        let different = a.lexicon != b.lexicon || a.match != b.match
        if different && !allowDifferent {
            throw CLIError(description: "\(before) and \(after) were made with \(a.lexicon != b.lexicon ? "other lexicons" : "other match modes (\(a.match), \(b.match))"); their shares are not comparable (run both alike, or pass --allow-different)")
        }
        let comparison = PeriodComparison(a.run, b.run, replicates: uncertainty.bootstrap, seed: uncertainty.seed)
        if uncertainty.bootstrap > 0 && comparison.changes.contains(where: { $0.interval != nil && !$0.paired }) {
            printWarning("some plans were scored before sturing 0.3 (no sentence keys): their sentences are resampled without pairing, so an unchanged text still gets an interval (score both periods again)")
        }
        let folder = out ?? (after as NSString).appendingPathComponent("compare")
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        try AtomicFile.write(ComparisonReport.csv(comparison, dialect: csvDialect, different: different), to: file("compare.csv"))
        try AtomicFile.write(ComparisonReport.json(comparison, different: different).pretty(), to: file("compare.json"))
        try AtomicFile.write(ComparisonReport.markdown(comparison, language: lang, different: different), to: file("compare.md"))
        try AtomicFile.write(ComparisonReport.html(comparison, language: lang, different: different), to: file("compare.html"))
        switch format {
        case .json: print(ComparisonReport.json(comparison, different: different).pretty(), terminator: "")
        case .csv: print(ComparisonReport.csv(comparison, dialect: csvDialect, different: different), terminator: "")
        case .table, .md: print(ComparisonReport.markdown(comparison, language: lang, different: different), terminator: "")
        }
        printNote("wrote " + folder + "/{compare.csv, compare.json, compare.md, compare.html}")
        for name in comparison.onlyBefore { printWarning("\(name) is only in \(before)") }
        for name in comparison.onlyAfter { printWarning("\(name) is only in \(after)") }
    }
}
