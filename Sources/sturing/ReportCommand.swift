import ArgumentParser
import Foundation
import SturingCore
import SturingReport

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

    func run() throws {
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: source, isDirectory: &isDir)
        let json = isDir.boolValue ? URL(fileURLWithPath: source).appendingPathComponent("scores.json").path : source
        var input: CorpusReportInput
        do { input = try ScoresJSONReader.load(path: json) } catch { throw CLIError(description: "\(error)") }
        try checkNames(focus, in: input.plans.map(\.plan.municipality), path: "--focus", place: "the run")
        let folder = URL(fileURLWithPath: json).deletingLastPathComponent()
        if !validation.isEmpty { input.validation = try ValidateCommand.score(validation, runFolder: folder.path) }
        let suffix = lang == .dutch ? "" : ".\(lang.rawValue)"
        let target = out ?? folder.appendingPathComponent("report\(suffix).html").path
        let selection = input.selection
        try AtomicFile.write(HTMLReport.render(input, selection: selection, language: lang), to: target)
        print("sturing: wrote " + Escape.terminal(target))
        let workbook = URL(fileURLWithPath: target).deletingLastPathComponent().appendingPathComponent("scores\(suffix).xlsx").path
        try ScoreWorkbook.write(input, selection: selection, language: lang, to: workbook)
        print("sturing: wrote " + Escape.terminal(workbook))
        try RunOutputs.writeFocus(focus, input: input, folder: URL(fileURLWithPath: target).deletingLastPathComponent().path, language: lang)
        if markdown {
            let md = URL(fileURLWithPath: target).deletingLastPathComponent().appendingPathComponent("summary\(suffix).md").path
            try AtomicFile.write(SummaryMarkdown.render(input, selection: selection, language: lang), to: md)
            print("sturing: wrote " + Escape.terminal(md))
        }
    }
}
