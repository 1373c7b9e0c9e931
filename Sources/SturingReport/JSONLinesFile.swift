import Foundation
import SturingCore
#if canImport(Glibc)
import Glibc
#endif

/// An append-only JSON Lines file (the run's journal): each line goes to the operating system with
/// one `write`, so a killed process loses at most the documents still in flight. Thread-safe.
/// A failed write (disk full, I/O error) never crashes: the first failure is kept in `failure`.
public final class JSONLinesFile: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var firstFailure: String?
    private var hash = SHA256Stream()
    /// The file path.
    public let path: String

    /// Opens `path`: truncated to empty, or with `append` kept, after cutting a last line that an
    /// interrupted run left without its newline.
    public init(path: String, append: Bool = false) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? 0 : O_TRUNC)
        let fd = Glibc.open(path, flags, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        self.fd = fd
        var st = stat()
        if append, fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG {
            let complete = Self.completeLength(path: path)
            _ = ftruncate(fd, off_t(complete))
            _ = lseek(fd, off_t(complete), SEEK_SET)
            if let kept = FileManager.default.contents(atPath: path)?.prefix(complete) {
                kept.withUnsafeBytes { hash.update($0) }
            }
        }
    }

    /// The SHA-256 of the lines written so far (with those kept from an interrupted run), so
    /// run.json can record what the journal held when the run finished.
    public var sha256: String {
        lock.lock()
        defer { lock.unlock() }
        return hash.hex
    }

    /// The SHA-256 of the complete lines of the journal at `path`, as `sha256` gives it.
    public static func sha256(path: String) -> String {
        var h = SHA256Stream()
        if let data = FileManager.default.contents(atPath: path) {
            data.prefix(completeLength(path: path)).withUnsafeBytes { h.update($0) }
        }
        return h.hex
    }

    deinit { Glibc.close(fd) }

    /// The first write error, as "<cause>", or nil when every line was written.
    public var failure: String? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    /// Appends one line (without its newline).
    public func append(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        guard firstFailure == nil else { return }
        let data = Array((line + "\n").utf8)
        data.withUnsafeBytes { bytes in
            if let e = FileDescriptor.writeAll(fd, bytes) {
                firstFailure = String(cString: strerror(e))
            } else {
                hash.update(bytes)
            }
        }
    }

    /// The byte length of the file up to and including its last newline.
    static func completeLength(path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return 0 }
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        guard let last = data.lastIndex(of: 0x0A) else { return 0 }
        return last + 1
    }

    /// The complete lines of the journal at `path` (a last line without newline is left out).
    public static func lines(path: String) -> [String] {
        guard completeLength(path: path) > 0, let data = FileManager.default.contents(atPath: path) else { return [] }
        let complete = data.prefix(completeLength(path: path))
        return complete.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }
}
