import Foundation

/// An append-only JSON Lines file: each line goes to the operating system with one unbuffered
/// `write`, so a crash of the process loses at most the documents still in flight. Thread-safe.
public final class JSONLinesFile: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    /// The file path.
    public let path: String

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: url)
    }

    deinit { try? handle.close() }

    /// Appends one line (without its newline).
    public func append(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data((line + "\n").utf8))
    }
}
