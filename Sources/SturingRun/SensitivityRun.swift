import Foundation
import SturingAnalysis
import SturingCore
import SturingPipeline
import SturingReport
import SturingText

/// `sensitivity` on a finished run: scores its corpus again under other match modes or another
/// lexicon, compares shares, rankings and case selections with the run's own, writes
/// sensitivity.json and sensitivity.md into the run folder and adds the section to its report.
public enum SensitivityRun {
    /// Scores `run` again under each of `modes` (names of match modes; the run's own comes first
    /// whatever the list says) and, when given, under `lexicon` (a file) with the run's mode, on
    /// `jobs` threads with readers under `limits`. Notes and warnings go to `events`.
    public static func run(_ run: AnalyzedRun, modes: [String], lexicon: String?, jobs: Int, limits: IsolatedReader.Limits,
                           events: RunEvents = RunEvents()) throws -> Sensitivity {
        let corpus = run.corpus, settings = run.settings
        let base = try run.lexicon(warn: events.warning)
        let runMatch = run.match
        var choices = [(name: String, lexicon: Lexicon, setting: MatchSetting)]()
        choices.append((runMatch.rawValue, base, runMatch))
        for m in modes {
            guard let setting = MatchSetting(rawValue: m) else { throw RunError("--modes: unknown match mode '\(m)' (use lexicon, exact or stem)") }
            if !choices.contains(where: { $0.lexicon == base && $0.setting == setting }) { choices.append((m, base, setting)) }
        }
        if let lexicon {
            let other = try LexiconLoader.load(path: lexicon)
            choices.append(("\(runMatch.rawValue), \(other.name)", other, runMatch))
        }
        let cache = run.cache(ocr: limits.ocr)
        // The run's own variant is what the run scored (its documents and errors, as its report
        // shows them); the others score again only the files the run could read, from the text cache.
        let recorded = try ScoresJSONReader.load(path: run.file("scores.json"))
        let readable = Set(recorded.plans.flatMap { $0.documents.map(\.file) })
        let failed = corpus.files.filter { !readable.contains($0) }
        let again = corpus.keeping(readable)
        var variants = [Sensitivity.Variant]()
        var baseTerms = [Sensitivity.TermCounts]()
        for (index, choice) in choices.enumerated() {
            let plans: [(plan: Plan, score: DocumentScore)]
            if index == 0 {
                plans = recorded.plans.map { ($0.plan, $0.score) }
            } else {
                let compiled = try CompiledLexicon(choice.lexicon, setting: choice.setting)
                let result = try CorpusRunner.run(again, lexicon: compiled, jobs: jobs, cache: cache, reader: IsolatedReader(limits: limits, cache: cache),
                                                  evidencePerPerspective: 0, retain: { var lean = $0; lean.evidence = [:]; return lean })
                plans = result.plans.map { ($0.plan, $0.score) }
                for f in result.failures where readable.contains(f.file) { events.warning("\(f.file): \(f.error) (under \(choice.name); it was read in the run)") }
            }
            let rows = plans.compactMap { ShareRow.of($0.plan, $0.score) }
            variants.append(Sensitivity.Variant(name: choice.name, rows: rows, minSignalWords: settings.minSignalWords))
            if index == 0 {
                baseTerms = plans.map { p in
                    Sensitivity.TermCounts(municipality: p.plan.municipality, counts: Perspective.allCases.map { p.score.perspectives[$0]?.count ?? 0 },
                                           terms: Perspective.allCases.flatMap { q in (p.score.terms[q] ?? []).filter { $0.count > 0 }.map { ($0.term, q, $0.count) } })
                }
                events.note("\(choice.name) (the run): \(plans.count) plans")
            } else {
                events.note("\(choice.name): \(plans.count) plans scored again" + (cache == nil ? " (no text cache: the files were read again)" : " from the text cache"))
            }
        }
        if !failed.isEmpty {
            events.note("\(failed.count) file(s) that failed in the run were not read again (they are in its errors.csv)")
        }
        let sensitivity = Sensitivity(variants: variants, baseTerms: baseTerms, exclude: settings.exclude, distinct: settings.distinct, top: settings.top)
        let language = settings.lang
        try AtomicFile.write(SensitivityReport.json(sensitivity).pretty(), to: run.file("sensitivity.json"))
        try AtomicFile.write(SensitivityReport.markdown(sensitivity, language: language), to: run.file("sensitivity.md"))
        // The run's report gains the section.
        var input = recorded
        input.sensitivity = sensitivity
        try AtomicFile.write(HTMLReport.render(input, language: language),
                             to: run.file(language == .dutch ? "report.html" : "report.en.html"))
        return sensitivity
    }
}
