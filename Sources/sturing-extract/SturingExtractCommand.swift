import ArgumentParser
import Foundation
import SturingExtract
import SturingIngest

/// `sturing-extract`: reads PDFs, scans, web pages and Word files for a parent `sturing` process,
/// one job per line on standard input, replies on standard output (see `WorkerProtocol`). It is
/// installed beside `sturing`, which starts and stops it; it is not run by hand.
@main
struct SturingExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sturing-extract",
        abstract: "Read PDFs, scans, web pages and Word files for sturing (started by sturing, not by hand).")

    @Option(name: .long, help: "Address-space limit in MB (0: none).")
    var fileMemory: Int = 4096

    @Option(name: .long, help: "auto | always | never")
    var ocr: OCRMode = .auto

    @Option(name: .long, help: "Threads for the OCR pages of one file.")
    var threads: Int = 1

    @Flag(name: .long, help: "Print the versions of the libraries loaded, and whether they are those sturing was built with.")
    var versions = false

    func run() throws {
        if versions {
            print("poppler \(LoadedLibraries.poppler), tesseract \(LoadedLibraries.tesseract), libzip \(LoadedLibraries.libzip)")
            if let mismatch = LoadedLibraries.mismatch {
                FileHandle.standardError.write(Data((mismatch + "\n").utf8))
                throw ExitCode(1)
            }
            return
        }
        if isatty(0) != 0 {
            FileHandle.standardError.write(Data("sturing-extract reads files for sturing, which starts it: run `sturing score` or `sturing analyze` instead\n".utf8))
            throw ExitCode(2)
        }
        WorkerLoop.serve(memoryLimitMB: fileMemory, ocr: ocr, threads: max(1, threads))
    }
}

extension OCRMode: ExpressibleByArgument {}
