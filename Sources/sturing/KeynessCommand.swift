import ArgumentParser
import Foundation
import SturingCore
import SturingReport
import SturingRun

/// `sturing keyness OUT`: the words a group of plans uses more than the others — candidates for
/// new signal words, each with G², log ratio, how many plans use it and a context.
struct KeynessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyness", abstract: "Words over-represented in some plans against the rest (log-likelihood G², log ratio).")

    @Argument(help: "An analyze output folder.")
    var folder: String

    @Option(name: .long, help: "Target plans by a manifest field, e.g. region=noord or category=G4.")
    var target: String?

    @Option(name: .long, help: "Target plans by file, comma-separated (paths as in the run).")
    var targetFiles: String?

    @Option(name: .long, help: "Reference plans by file (default: all other plans).")
    var referenceFiles: String?

    @Option(name: .long, help: "With --top-share: target = the plans highest on this perspective.")
    var perspective: String?

    @Option(name: .long, help: "How many of the highest plans on --perspective form the target.")
    var topShare: Int = 5

    @Option(name: .long, help: "Least occurrences in the target.")
    var minFrequency: Int = 5

    @Option(name: .long, help: "Least target plans that use the word.")
    var minPlans: Int = 2

    @Option(name: .long, help: "Words to list.")
    var top: Int = 30

    @Flag(name: .long, help: "List stopwords (de, het, wij …) and numbers too; by default they are left out (they still count in the totals).")
    var keepStopwords = false

    @Option(name: .long, help: "table | json | csv")
    var format: TableFormat = .table

    @OptionGroup var isolation: IsolationOptions

    func run() throws {
        let chosen: KeynessRun.Target
        if let target {
            chosen = .field(target)
        } else if let targetFiles {
            chosen = .files(NameCheck.list(targetFiles))
        } else if let perspective {
            guard let p = Perspective(code: perspective) else { throw RunError("--perspective must be PA, NPM, NPG or SR") }
            chosen = .highest(p, top: topShare)
        } else {
            throw RunError("choose the target plans: --target FIELD=VALUE, --target-files, or --perspective P --top-share N")
        }
        let result = try KeynessRun.run(try AnalyzedRun(folder), target: chosen, referenceFiles: referenceFiles.map { NameCheck.list($0) },
                                        minFrequency: minFrequency, minPlans: minPlans, keepStopwords: keepStopwords,
                                        limits: isolation.limits, warn: { printWarning($0) })
        let shown = Array(result.words.prefix(top))
        switch format {
        case .json: print(KeynessReport.json(target: result.target, referencePlans: result.referencePlans, words: shown), terminator: "")
        case .csv: print(KeynessReport.csv(shown), terminator: "")
        case .table, .md: print(KeynessReport.table(target: result.target, referencePlans: result.referencePlans, words: shown), terminator: "")
        }
    }
}
