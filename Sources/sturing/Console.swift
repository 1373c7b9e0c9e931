import Foundation
import SturingReport
import SturingRun

/// Writes a line to standard error, with every user-controlled part already escaped for the terminal.
func printStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// `sturing: warning: <text>`, the text escaped for the terminal (`Escape.terminal`).
func printWarning(_ text: String) {
    printStandardError("sturing: warning: " + Escape.terminal(text))
}

/// `sturing: error: <text>`, the text escaped for the terminal (`Escape.terminal`).
func printError(_ text: String) {
    printStandardError("sturing: error: " + Escape.terminal(text))
}

/// `sturing: <text>` on standard error, the text escaped for the terminal.
func printNote(_ text: String) {
    printStandardError("sturing: " + Escape.terminal(text))
}

/// Run events that print notes (unless `quiet`) and warnings on standard error.
func consoleEvents(quiet: Bool = false) -> RunEvents {
    var events = RunEvents()
    if !quiet { events.note = { printNote($0) } }
    events.warning = { printWarning($0) }
    return events
}
