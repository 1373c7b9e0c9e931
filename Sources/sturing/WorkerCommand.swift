import ArgumentParser
import SturingIngest
import SturingPipeline

/// `sturing worker` (hidden): extracts files for a parent `sturing` process, one job per line on
/// standard input, replies on standard output. Started and stopped by the parent, never by hand.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Extract files for a parent sturing process (internal).", shouldDisplay: false)

    @Option(name: .long, help: "Address-space limit in MB (0: none).")
    var fileMemory: Int = 4096

    @Option(name: .long, help: "auto | always | never")
    var ocr: OCREngine.Mode = .auto

    @Option(name: .long, help: "Threads for the OCR pages of one file.")
    var threads: Int = 1

    func run() throws {
        WorkerLoop.serve(memoryLimitMB: fileMemory, ocr: ocr, threads: max(1, threads))
    }
}
