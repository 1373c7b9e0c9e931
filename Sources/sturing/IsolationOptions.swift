import ArgumentParser
import SturingIngest
import SturingPipeline

/// `--file-timeout` and `--file-memory`: each file is read in a worker process that is stopped
/// when it takes longer or needs more memory, so no file can hang the run or take all memory.
struct IsolationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds a file may go without progress while it is read (and its whole reading may take, plus 30 s per page read by OCR) before it is stopped and listed as an error.", valueName: "seconds"))
    var fileTimeout: Double = 120

    @Option(name: .long, help: ArgumentHelp("Limit in MB on the resident memory of the process that reads one file (0: none).", valueName: "MB"))
    var fileMemory: Int = 4096

    @Option(name: .long, help: ArgumentHelp("OCR for PDF pages without a text layer: auto (scanned pages) | always | never.", valueName: "mode"))
    var ocr: OCRMode = .auto

    func validate() throws {
        if !(fileTimeout > 0) || !fileTimeout.isFinite { throw ValidationError("--file-timeout must be a number of seconds more than 0") }
        if fileMemory < 0 { throw ValidationError("--file-memory must be 0 or more") }
    }

    /// The limits these options set.
    var limits: IsolatedReader.Limits { .init(fileTimeout: fileTimeout, memoryLimitMB: fileMemory, ocr: ocr) }
}

extension OCRMode: ExpressibleByArgument {}
