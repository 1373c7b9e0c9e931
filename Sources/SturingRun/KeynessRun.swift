import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText

/// `keyness` on a finished run: which plans form the target and which the reference, their word
/// counts (from the run's text cache, or the files), and the words the target uses more.
public enum KeynessRun {
    /// How the target plans are chosen.
    public enum Target: Sendable {
        /// By a manifest field, as "FIELD=VALUE" (region=noord, categorie=G4).
        case field(String)
        /// The plans that hold one of these files (paths as in the run).
        case files([String])
        /// The `top` plans highest on a perspective.
        case highest(Perspective, top: Int)
    }

    /// What keyness found.
    public struct Result: Sendable {
        /// The target plans' municipalities, sorted.
        public var target: [String]
        /// The number of reference plans.
        public var referencePlans: Int
        /// The words, most key first.
        public var words: [Keyness.Word]
    }

    /// Compares the `target` plans of `run` with the plans holding `referenceFiles` (nil: all
    /// others); words need `minFrequency` occurrences in `minPlans` target plans, and stopwords
    /// and numbers are left out unless `keepStopwords`. Files are read under `limits`.
    public static func run(_ run: AnalyzedRun, target: Target, referenceFiles: [String]? = nil, minFrequency: Int = 5, minPlans: Int = 2,
                           keepStopwords: Bool = false, limits: IsolatedReader.Limits = .init(),
                           warn: (String) -> Void = { _ in }) throws -> Result {
        let input = try ScoresJSONReader.load(path: run.file("scores.json"))
        let plans = input.plans.map(\.plan)
        let targetNames = try targetMunicipalities(target, plans: plans, ranking: input.analysis.ranking)
        guard !targetNames.isEmpty else { throw RunError("no plan matches the target") }
        var referenceNames = Set(plans.map(\.municipality)).subtracting(targetNames)
        if let referenceFiles {
            referenceNames = municipalities(holding: referenceFiles, in: plans)
        }
        guard !referenceNames.isEmpty else { throw RunError("no plans are left as the reference") }
        // Word counts per plan, from the text cache or the files.
        let compiled = try run.compiledLexicon(warn: warn)
        let reader = IsolatedReader(limits: limits, cache: run.cache(ocr: limits.ocr))
        let scorer = try DocumentScorer(lexicon: compiled)
        var counts = [String: [String: (count: Int, inLexicon: Bool, context: String)]]()
        for plan in run.corpus.plans where targetNames.contains(plan.municipality) || referenceNames.contains(plan.municipality) {
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
        return Result(target: targetNames.sorted(), referencePlans: referenceNames.count, words: words)
    }

    /// The municipalities `target` chooses among `plans`.
    static func targetMunicipalities(_ target: Target, plans: [Plan], ranking: Ranking) throws(RunError) -> Set<String> {
        switch target {
        case .field(let text):
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let field = Manifest.field(parts[0]) else {
                throw RunError("--target must be FIELD=VALUE with a manifest field (municipality, category, region, province, year, plan_type), e.g. region=noord (got '\(text)')")
            }
            let value = parts[1].lowercased()
            return Set(plans.filter { Manifest.value(field, of: $0)?.lowercased() == value }.map(\.municipality))
        case .files(let files):
            return municipalities(holding: files, in: plans)
        case .highest(let perspective, let top):
            return Set(ranking.top(perspective, k: top).map(\.municipality))
        }
    }

    /// The municipalities of the plans that hold one of `files`.
    static func municipalities(holding files: [String], in plans: [Plan]) -> Set<String> {
        let wanted = Set(files)
        return Set(plans.filter { !Set($0.files).isDisjoint(with: wanted) }.map(\.municipality))
    }
}
