import ArgumentParser
import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText

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
        let run = try AnalyzedRun(folder)
        func file(_ name: String) -> String { run.file(name) }
        let corpus = run.corpus
        let input: CorpusReportInput
        input = try ScoresJSONReader.load(path: file("scores.json"))
        let plans = input.plans.map(\.plan)
        // Which plans form the target and the reference.
        var targetNames = Set<String>()
        if let target {
            let parts = target.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.count == 2 else { throw CLIError(description: "--target must be FIELD=VALUE, e.g. region=noord") }
            for p in plans {
                let value: String? = switch parts[0] {
                case "category", "categorie": p.category
                case "region", "regio": p.region
                case "province", "provincie": p.province
                case "year", "jaar": p.year
                case "plan_type": p.planType
                case "municipality", "gemeente": p.municipality
                default: nil
                }
                if value?.lowercased() == parts[1] { targetNames.insert(p.municipality) }
            }
        } else if let targetFiles {
            let files = Set(AnalyzeCommand.list(targetFiles))
            targetNames = Set(plans.filter { !Set($0.files).isDisjoint(with: files) }.map(\.municipality))
        } else if let perspective {
            guard let p = Perspective(code: perspective) else { throw CLIError(description: "--perspective must be PA, NPM, NPG or SR") }
            targetNames = Set(input.ranking.top(p, k: topShare).map(\.municipality))
        } else {
            throw CLIError(description: "choose the target plans: --target FIELD=VALUE, --target-files, or --perspective P --top-share N")
        }
        guard !targetNames.isEmpty else { throw CLIError(description: "no plan matches the target") }
        var referenceNames = Set(plans.map(\.municipality)).subtracting(targetNames)
        if let referenceFiles {
            let files = Set(AnalyzeCommand.list(referenceFiles))
            referenceNames = Set(plans.filter { !Set($0.files).isDisjoint(with: files) }.map(\.municipality))
        }
        guard !referenceNames.isEmpty else { throw CLIError(description: "no plans are left as the reference") }
        // Word counts per plan, from the text cache or the files.
        let compiled = try run.compiledLexicon()
        let cache = run.cache(isolation)
        let reader = isolation.reader(cache: cache)
        let scorer = try DocumentScorer(lexicon: compiled)
        var counts = [String: [String: (count: Int, inLexicon: Bool, context: String)]]()
        for plan in corpus.plans where targetNames.contains(plan.municipality) || referenceNames.contains(plan.municipality) {
            var merged = [String: (count: Int, inLexicon: Bool, context: String)]()
            for f in plan.files {
                guard let document = try? reader.read(path: f) else { continue }
                for (w, v) in scorer.formCounts(document) {
                    if let old = merged[w] { merged[w] = (old.count + v.count, v.inLexicon, old.context) } else { merged[w] = v }
                }
            }
            counts[plan.municipality] = merged
        }
        let words = Keyness.words(target: targetNames.sorted().compactMap { counts[$0] }, reference: referenceNames.sorted().compactMap { counts[$0] },
                                  minFrequency: minFrequency, minPlans: min(minPlans, targetNames.count),
                                  leaveOut: keepStopwords ? { _ in false } : Stopwords.leaveOut(language: compiled.lexicon.language))
        let shown = Array(words.prefix(top))
        switch format {
        case .json:
            print(JSONValue.object([
                ("target", .array(targetNames.sorted().map { .string($0) })), ("reference_plans", .int(referenceNames.count)),
                ("words", .array(shown.map { w in .object([("word", .string(w.word)), ("target", .int(w.target)), ("reference", .int(w.reference)),
                                                          ("plans", .int(w.plans)), ("g2", .double(w.g2)), ("log_ratio", .double(w.logRatio)),
                                                          ("in_lexicon", .bool(w.inLexicon)), ("context", .string(w.context))]) })),
            ]).pretty(), terminator: "")
        case .csv:
            print(CSVText.write([["word", "target", "reference", "plans", "g2", "log_ratio", "in_lexicon", "context"]]
                + shown.map { [$0.word, "\($0.target)", "\($0.reference)", "\($0.plans)", String(format: "%.4f", $0.g2), String(format: "%.4f", $0.logRatio), $0.inLexicon ? "yes" : "no", $0.context] }), terminator: "")
        case .table, .md:
            print("target: \(targetNames.count) plan(s) (\(targetNames.sorted().prefix(8).joined(separator: ", "))\(targetNames.count > 8 ? ", …" : "")); reference: \(referenceNames.count) plan(s)")
            print("word                      target  ref   plans       G²  log ratio  lexicon  context")
            for w in shown {
                let line = w.word.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: " %7d %5d %6d %9.1f %9.2f  ", w.target, w.reference, w.plans, w.g2, w.logRatio)
                    + (w.inLexicon ? "yes      " : "         ") + w.context
                print(Escape.terminal(line))
            }
        }
    }
}
