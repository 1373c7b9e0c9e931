import Foundation
import SturingIngest

/// Where the readers of the helper say how far they are with a file (pages done, pages, pages
/// to read by OCR), and the memory limit they run under. The helper reads one file at a time; its
/// loop sets `report` to write progress lines to the parent. Called from any thread.
public enum ExtractionProgress {
    nonisolated(unsafe) private static var sink: (@Sendable (WorkerProtocol.Progress) -> Void)?
    nonisolated(unsafe) private static var limit = 0

    /// Sets where progress goes and the worker's memory limit (MB, 0: none).
    public static func configure(memoryLimitMB: Int, report: @escaping @Sendable (WorkerProtocol.Progress) -> Void) {
        limit = memoryLimitMB
        sink = report
    }

    /// Says how far the current file is.
    static func report(page: Int, pages: Int, ocrPages: Int) {
        sink?(WorkerProtocol.Progress(page: page, pages: pages, ocrPages: ocrPages))
    }

    /// The memory limit (MB) for the error of an allocation that failed.
    static var memoryLimitMB: Int { limit }
}
