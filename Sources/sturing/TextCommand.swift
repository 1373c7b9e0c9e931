import ArgumentParser
import Foundation
import SturingRun
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport

/// `sturing text FILE`: prints the cleaned text that is tokenized, so every count can be checked.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the cleaned text of a plan (\(ReadFormats.list)), as it is counted (pages separated by form feeds).")

    @Argument(help: "A plan file: \(ReadFormats.list).")
    var file: String

    @Flag(name: .long, help: "Also print what cleaning changed, and per page its words, the running lines removed, the hyphens joined and whether OCR read it.")
    var report = false

    @Option(name: .long, help: ArgumentHelp("OCR for PDF pages without a (readable) text layer: auto | always | never.", valueName: "mode"))
    var ocr: OCRMode = .auto

    func run() throws {
        // One file: all cores clean it, and read its scanned pages by OCR.
        let reader = IsolatedReader(limits: .init(ocr: ocr), cache: nil, textThreads: ProcessInfo.processInfo.activeProcessorCount)
        let document: SturingCore.Document
        var byPage = [PageCleaning]()
        do {
            if report { (document, byPage) = try reader.readReporting(path: file) } else { document = try reader.read(path: file) }
        } catch {
            printError("\(file): \(error.description)")
            throw ExitCode(1)
        }
        // On a terminal, control characters in the text are shown (\u{1B}), never sent raw.
        let text = document.pages.joined(separator: "\n\u{0C}\n")
        print(isatty(1) != 0 ? Escape.terminalText(text) : text)
        if report {
            let c = document.cleaning
            let note = """
            --- encoding \(document.encoding); \(document.pages.count) page(s); hyphenations joined \(c.hyphenationsJoined), \
            hyphens kept \(c.hyphensKept), soft hyphens removed \(c.softHyphensRemoved), running lines removed \
            \(c.repeatedLinesRemoved): \(c.repeatedLines.joined(separator: " | "))
            """
            printStandardError(Escape.terminal(note))
            let ocrPages = Dictionary((document.ocr?.pages ?? []).map { ($0.page, $0) }, uniquingKeysWith: { a, _ in a })
            for (i, page) in document.pages.enumerated() where document.hasPages {
                var line = "--- page \(i + 1): \(Self.words(page)) words"
                if i < byPage.count {
                    let c = byPage[i]
                    if !c.removedLines.isEmpty { line += "; removed \(c.removedLines.map { "'\($0)'" }.joined(separator: ", "))" }
                    if c.hyphenationsJoined + c.hyphensKept > 0 { line += "; line-end hyphens joined \(c.hyphenationsJoined), kept \(c.hyphensKept)" }
                    if c.softHyphensRemoved > 0 { line += "; soft hyphens removed \(c.softHyphensRemoved)" }
                }
                if let o = ocrPages[i + 1] {
                    let why = o.reason == .noTextLayer ? "no text layer" : o.reason == .unreadableTextLayer ? "unreadable text layer" : "--ocr always"
                    line += "; read by OCR (\(why), confidence \(o.confidence))"
                }
                printStandardError(Escape.terminal(line))
            }
            if let engine = document.ocr?.engine { printStandardError(Escape.terminal("--- OCR: \(engine)")) }
            for w in document.warnings { printWarning(w) }
        }
    }

    /// Runs of letters (a quick word count for the page report).
    static func words(_ text: String) -> Int {
        var n = 0, inWord = false
        for s in text.unicodeScalars {
            let letter = s.properties.isAlphabetic
            if letter && !inWord { n += 1 }
            inWord = letter
        }
        return n
    }
}
