import ArgumentParser
import Foundation
import SturingCore
import SturingReport
import SturingRun
import SturingValidation

/// `sturing report SCORES.json|OUTDIR`: redraws report.html and scores.xlsx (and summary.md) from an earlier run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML report and the Excel workbook of an earlier analyze run (from its scores.json or output folder).",
        discussion: "Writes report.html and scores.xlsx (report.en.html and scores.en.xlsx with --lang en) next to the HTML file.")

    @Argument(help: "analyze's scores.json, or the folder that holds it.")
    var source: String

    @Option(name: .long, help: "The HTML file to write (default: report.html, or report.en.html with --lang en, next to scores.json).")
    var out: String?

    @Option(name: .long, help: "Language: nl | en.")
    var lang: Language = .dutch

    @Option(name: .long, help: "A coded sheet (sturing validate sample): adds the validation section. Repeat for more coders.")
    var validation: [String] = []

    @Option(name: .long, help: "Also write the page of one municipality (focus-NAME.html): its profile against its peers, rank, terms and sentences. Repeatable.")
    var focus: [String] = []

    @Flag(name: .long, help: "Also write summary.md (summary.en.md with --lang en) next to the HTML file.")
    var markdown = false

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: source, isDirectory: &isDir)
        let json = isDir.boolValue ? URL(fileURLWithPath: source).appendingPathComponent("scores.json").path : source
        var input: CorpusReportInput
        input = try ScoresJSONReader.load(path: json)
        try NameCheck.check(focus, in: input.plans.map(\.plan.municipality), path: "--focus", place: "the run")
        try Self.checkModel(modelOptions, run: input.provenance, source: source)
        let folder = URL(fileURLWithPath: json).deletingLastPathComponent()
        if !validation.isEmpty { input.validation = try ValidationScore(paths: validation, runFolder: folder.path) }
        let suffix = lang == .dutch ? "" : ".\(lang.rawValue)"
        let target = out ?? folder.appendingPathComponent("report\(suffix).html").path
        try AtomicFile.write(HTMLReport.render(input, language: lang), to: target)
        print("sturing: wrote " + Escape.terminal(target))
        let workbook = URL(fileURLWithPath: target).deletingLastPathComponent().appendingPathComponent("scores\(suffix).xlsx").path
        try ScoreWorkbook.write(input, language: lang, to: workbook)
        print("sturing: wrote " + Escape.terminal(workbook))
        try RunOutputs.writeFocus(focus, input: input, folder: URL(fileURLWithPath: target).deletingLastPathComponent().path, language: lang, events: consoleEvents())
        if markdown {
            let md = URL(fileURLWithPath: target).deletingLastPathComponent().appendingPathComponent("summary\(suffix).md").path
            try AtomicFile.write(SummaryMarkdown.render(input, language: lang), to: md)
            print("sturing: wrote " + Escape.terminal(md))
        }
    }

    /// A report redraws a run and never recounts it (one run per output folder): `--disambiguate`
    /// or `--model` is accepted when the run was counted with that model, and otherwise refused
    /// with the command that counts it so.
    static func checkModel(_ options: ModelOptions, run: Provenance, source: String) throws {
        guard options.wanted else { return }
        let rerun = "sturing analyze CORPUS --lexicon \(run.lexiconName) \(options.model.map { "--model " + $0 } ?? "--disambiguate") --out NEW-FOLDER"
        guard let used = run.model else {
            throw CLIError(description: "\(source): this run was counted without a context model, and a report does not recount (one run per output folder); count it with the model into a new folder: \(rerun)")
        }
        if let path = options.model {
            let wanted = try ContextModel.load(path: path, lexicon: run.lexiconName)
            guard wanted.fingerprint == used.fingerprint else {
                throw CLIError(description: "\(source): this run was counted with the context model \(used.path) (fingerprint \(used.fingerprint)), not with \(path) (fingerprint \(wanted.fingerprint)); count it with that model into a new folder: \(rerun)")
            }
        }
    }
}

