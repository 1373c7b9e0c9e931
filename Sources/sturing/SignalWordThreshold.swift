import ArgumentParser
import Foundation
import SturingAnalysis
import SturingCore
import SturingPipeline

/// `--min-signal-words N`: plans whose shares rest on fewer signal words are scored and listed
/// but take no part in ranks, means, top/bottom lists or the case selection.
struct SignalWordThreshold: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Plans with fewer signal words are listed but not ranked, averaged or selected (0: rank every plan).",
        valueName: "n"))
    var minSignalWords: Int = ScoringThresholds.fewSignalWords

    func validate() throws {
        if minSignalWords < 0 { throw ValidationError("--min-signal-words must be 0 or more") }
    }

    /// The ranking of a share table under this threshold; the rows set apart are named on standard error.
    func ranking(_ table: ShareTableReader.Table, path: String) -> Ranking {
        let ranking = Ranking(rows: table.rows, minSignalWords: minSignalWords)
        for row in ranking.unranked {
            let n = row.signalWords ?? 0
            printWarning("\(path): \(row.municipality) is not ranked: \(n) signal word\(n == 1 ? "" : "s"), fewer than \(minSignalWords) (--min-signal-words)")
        }
        if !table.rows.isEmpty && table.rows.allSatisfy({ $0.signalWords == nil }) && minSignalWords > 0 {
            printWarning("\(path): the table has no signal_words column, so every row is ranked whatever --min-signal-words says")
        }
        return ranking
    }
}
