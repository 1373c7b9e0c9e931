import ArgumentParser
import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingRun
import SturingText

/// `sturing sensitivity OUT`: scores the run's corpus again under other matching choices and
/// reports how shares, rankings and case selections move; writes sensitivity.json and .md into
/// OUT and adds the section to its report.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "How much do shares, rankings and case selections depend on the match mode or the lexicon?",
        discussion: "Scores again from the text cache (or the files), compares with Kendall's tau, lists case flips and leave-one-term-out effects.")

    @Argument(help: "An analyze output folder.")
    var folder: String

    @Option(name: .long, help: "Match modes to compare, comma-separated (lexicon, exact, stem).")
    var modes: String = "lexicon,exact,stem"

    @Option(name: .long, help: "Another lexicon to compare (YAML or CSV), scored with the run's match mode.")
    var lexicon: String?

    @Option(name: .long, help: "CSV style when --format csv: standard or excel-nl.")
    var csvDialect: CSVDialect = .standard

    @Option(name: .long, help: "table | json | md | csv")
    var format: TableFormat = .table

    @Option(name: .long, help: "Files read in parallel.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var isolation: IsolationOptions

    func run() throws {
        let run = try AnalyzedRun(folder)
        func file(_ name: String) -> String { run.file(name) }
        let corpus = run.corpus, settings = run.settings
        let base = try run.lexicon(warn: { printWarning($0) })
        let runMatch = run.match
        var choices = [(name: String, lexicon: Lexicon, setting: MatchSetting)]()
        choices.append((runMatch.rawValue, base, runMatch))
        for m in modes.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !m.isEmpty {
            guard let setting = MatchSetting(rawValue: m) else { throw CLIError(description: "--modes: unknown match mode '\(m)' (use lexicon, exact or stem)") }
            if !choices.contains(where: { $0.lexicon == base && $0.setting == setting }) { choices.append((m, base, setting)) }
        }
        if let lexicon {
            let other = try LexiconLoader.load(path: lexicon)
            choices.append(("\(runMatch.rawValue), \(other.name)", other, runMatch))
        }
        let minSignalWords = settings.minSignalWords
        let cache = run.cache(ocr: isolation.ocr)
        // The run's own variant is what the run scored (its documents and errors, as its report
        // shows them); the others score again only the files the run could read, from the text cache.
        let recorded = try ScoresJSONReader.load(path: file("scores.json"))
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
                let compiled: CompiledLexicon
                compiled = try CompiledLexicon(choice.lexicon, setting: choice.setting)
                let result = try CorpusRunner.run(again, lexicon: compiled, jobs: jobs, cache: cache, reader: isolation.reader(cache: cache),
                                                  evidencePerPerspective: 0, retain: { var lean = $0; lean.evidence = [:]; return lean })
                plans = result.plans.map { ($0.plan, $0.score) }
                for f in result.failures where readable.contains(f.file) { printWarning("\(f.file): \(f.error) (under \(choice.name); it was read in the run)") }
            }
            let rows = plans.compactMap { ShareRow.of($0.plan, $0.score) }
            variants.append(Sensitivity.Variant(name: choice.name, rows: rows, minSignalWords: minSignalWords))
            if index == 0 {
                baseTerms = plans.map { p in
                    Sensitivity.TermCounts(municipality: p.plan.municipality, counts: Perspective.allCases.map { p.score.perspectives[$0]?.count ?? 0 },
                                           terms: Perspective.allCases.flatMap { q in (p.score.terms[q] ?? []).filter { $0.count > 0 }.map { ($0.term, q, $0.count) } })
                }
                printNote("\(choice.name) (the run): \(plans.count) plans")
            } else {
                printNote("\(choice.name): \(plans.count) plans scored again" + (cache == nil ? " (no text cache: the files were read again)" : " from the text cache"))
            }
        }
        if !failed.isEmpty {
            printNote("\(failed.count) file(s) that failed in the run were not read again (they are in its errors.csv)")
        }
        let distinct = settings.distinct
        let exclude = settings.exclude
        let sensitivity = Sensitivity(variants: variants, baseTerms: baseTerms, exclude: exclude, distinct: distinct,
                                      top: settings.top)
        let language = settings.lang
        try AtomicFile.write(SensitivityReport.json(sensitivity).pretty(), to: file("sensitivity.json"))
        try AtomicFile.write(SensitivityReport.markdown(sensitivity, language: language), to: file("sensitivity.md"))
        // The run's report gains the section.
        var input = try ScoresJSONReader.load(path: file("scores.json"))
        input.sensitivity = sensitivity
        try AtomicFile.write(HTMLReport.render(input, selection: input.selection, language: language), to: file(language == .dutch ? "report.html" : "report.en.html"))
        switch format {
        case .json: print(SensitivityReport.json(sensitivity).pretty(), terminator: "")
        case .csv: print(SensitivityReport.csv(sensitivity, dialect: csvDialect), terminator: "")
        case .md, .table: print(SensitivityReport.markdown(sensitivity, language: language), terminator: "")
        }
    }
}
