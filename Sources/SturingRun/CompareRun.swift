import Foundation
import SturingAnalysis
import SturingCore
import SturingReport

/// `compare`: two finished runs (two policy periods) municipality by municipality, written as
/// compare.csv, compare.json, compare.md and compare.html.
public enum CompareRun {
    /// What was compared and where it was written.
    public struct Result: Sendable {
        /// The comparison.
        public var comparison: PeriodComparison
        /// True when the runs used another lexicon or match mode (every output says so).
        public var different: Bool
        /// The folder the four files were written to.
        public var folder: String
    }

    /// Compares the runs in the folders `before` and `after` with `replicates` bootstrap draws
    /// (`seed`) and writes the files into `out` (nil: AFTER/compare). Runs with another lexicon
    /// or match mode are refused unless `allowDifferent`.
    public static func run(before: String, after: String, out: String?, allowDifferent: Bool, replicates: Int, seed: UInt64,
                           dialect: CSVDialect, language: Language, events: RunEvents = RunEvents()) throws -> Result {
        let a = try load(before), b = try load(after)
        let different = a.lexicon != b.lexicon || a.match != b.match
        if different && !allowDifferent {
            throw RunError("\(before) and \(after) were made with \(a.lexicon != b.lexicon ? "other lexicons" : "other match modes (\(a.match), \(b.match))"); their shares are not comparable (run both alike, or pass --allow-different)")
        }
        let comparison = PeriodComparison(a.run, b.run, replicates: replicates, seed: seed)
        if replicates > 0 && comparison.changes.contains(where: { $0.interval != nil && !$0.paired }) {
            events.warning("some plans were scored before sturing 0.3 (no sentence keys): their sentences are resampled without pairing, so an unchanged text still gets an interval (score both periods again)")
        }
        let folder = out ?? (after as NSString).appendingPathComponent("compare")
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        try AtomicFile.write(ComparisonReport.csv(comparison, dialect: dialect, different: different), to: file("compare.csv"))
        try AtomicFile.write(ComparisonReport.json(comparison, different: different).pretty(), to: file("compare.json"))
        try AtomicFile.write(ComparisonReport.markdown(comparison, language: language, different: different), to: file("compare.md"))
        try AtomicFile.write(ComparisonReport.html(comparison, language: language, different: different), to: file("compare.html"))
        events.note("wrote " + folder + "/{compare.csv, compare.json, compare.md, compare.html}")
        for name in comparison.onlyBefore { events.warning("\(name) is only in \(before)") }
        for name in comparison.onlyAfter { events.warning("\(name) is only in \(after)") }
        return Result(comparison: comparison, different: different, folder: folder)
    }

    /// One run as the comparison needs it, from its output folder.
    static func load(_ folder: String) throws -> (run: PeriodComparison.Run, lexicon: String, match: String) {
        let input = try ScoresJSONReader.load(path: (folder as NSString).appendingPathComponent("scores.json"))
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
}
