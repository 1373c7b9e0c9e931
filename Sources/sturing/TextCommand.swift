import ArgumentParser
import Foundation
import SturingCore
import SturingIngest
import SturingReport

/// `sturing text FILE`: prints the cleaned text that is tokenized, so every count can be checked.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the cleaned text of a plan, as it is counted (pages separated by form feeds).")

    @Argument(help: "A PDF or text file.")
    var file: String

    @Flag(name: .long, help: "Also print what cleaning changed (joined hyphens, removed running lines).")
    var report = false

    func run() throws {
        let document: SturingCore.Document
        do {
            document = try DocumentReader.read(path: file)
        } catch {
            printError("\(file): \(error.description)")
            throw ExitCode(1)
        }
        print(document.pages.joined(separator: "\n\u{0C}\n"))
        if report {
            let c = document.cleaning
            let note = """
            --- encoding \(document.encoding); \(document.pages.count) page(s); hyphenations joined \(c.hyphenationsJoined), \
            hyphens kept \(c.hyphensKept), soft hyphens removed \(c.softHyphensRemoved), running lines removed \
            \(c.repeatedLinesRemoved): \(c.repeatedLines.joined(separator: " | "))
            """
            printStandardError(Escape.terminal(note))
            for w in document.warnings { printWarning(w) }
        }
    }
}
