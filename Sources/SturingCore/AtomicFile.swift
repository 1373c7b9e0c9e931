import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files atomically: to a temporary file in the same folder, then renamed over the target,
/// so a reader (or an interrupted run) never sees a half-written file. A target that exists and is
/// not a regular file is never renamed over: a device, FIFO or socket (`/dev/stdout`, `/dev/null`,
/// a pipe) is written to directly, and a folder is refused.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`, creating the parent folder when needed.
    public static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try write(to: path) { (sink) throws(AtomicFileError) in
            var text = text
            var failure: AtomicFileError?
            text.withUTF8 { bytes in
                do throws(AtomicFileError) { try sink(UnsafeRawBufferPointer(bytes)) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// Writes `data` to `path`.
    public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
        try write(to: path) { (sink) throws(AtomicFileError) in
            var failure: AtomicFileError?
            data.withUnsafeBytes { bytes in
                do throws(AtomicFileError) { try sink(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// Writes the pieces of bytes `produce` hands to its sink, in order, to `path` (atomically,
    /// like the others), so a large output is never held whole.
    public static func write(to path: String,
                             _ produce: (_ sink: (UnsafeRawBufferPointer) throws(AtomicFileError) -> Void) throws(AtomicFileError) -> Void) throws(AtomicFileError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw AtomicFileError(path: path, reason: "it is a folder", advice: "give a file name")
            case S_IFCHR, S_IFIFO, S_IFSOCK, S_IFBLK:
                try writeDirectly(path, produce)
                return
            default:
                break
            }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw AtomicFileError(path: path, reason: "its folder cannot be made (\(error.localizedDescription))", advice: "choose another path")
        }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(path: path, errno: errno) }
        do throws(AtomicFileError) {
            try produce { (piece) throws(AtomicFileError) in
                if let e = FileDescriptor.writeAll(fd, piece) { throw AtomicFileError(path: path, errno: e) }
            }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        if close(fd) != 0 { let e = errno; unlink(temp); throw AtomicFileError(path: path, errno: e) }
        if rename(temp, path) != 0 {
            let e = errno
            unlink(temp)
            throw AtomicFileError(path: path, errno: e)
        }
    }

    /// Writes straight into an existing device, FIFO or socket (there is nothing to rename over).
    private static func writeDirectly(_ path: String,
                                      _ produce: (_ sink: (UnsafeRawBufferPointer) throws(AtomicFileError) -> Void) throws(AtomicFileError) -> Void) throws(AtomicFileError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFileError(path: path, errno: errno) }
        defer { close(fd) }
        try produce { (piece) throws(AtomicFileError) in
            if let e = FileDescriptor.writeAll(fd, piece) { throw AtomicFileError(path: path, errno: e) }
        }
    }

    /// Removes the temporary files that writers killed before their rename left in `folder`
    /// (`.NAME.PID.N.tmp` of a process that no longer runs).
    public static func removeLeftovers(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), UInt32(parts[parts.count - 1]) != nil else { continue }
            if pid != getpid() && (kill(pid, 0) == 0 || errno != ESRCH) { continue }  // its writer may still run
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }
}

/// A file that could not be written: the path, why, and what to do. Its description is the
/// documented error text (`<file>: cannot write: <why> (<what to do>)`).
public struct AtomicFileError: UserError, Sendable {
    /// The target.
    public var path: String
    /// Why it failed.
    public var reason: String
    /// What to do.
    public var advice: String

    /// An error with its reason and advice.
    public init(path: String, reason: String, advice: String) {
        self.path = path; self.reason = reason; self.advice = advice
    }

    /// An error from `errno`, with the advice that fits it.
    public init(path: String, errno code: Int32) {
        self.path = path
        reason = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT: advice = "free disk space or choose another path"
        case EACCES, EPERM, EROFS: advice = "choose a folder you can write to"
        case ENOENT, ENOTDIR: advice = "check the folder in the path"
        default: advice = "choose another path"
        }
    }

    public var description: String { "\(path): cannot write: \(reason) (\(advice))" }
}

/// Writing whole buffers to a file descriptor, through interrupted and partial writes.
public enum FileDescriptor {
    /// Writes all of `bytes` to `fd`; the errno of a failed write, or nil.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }
}
