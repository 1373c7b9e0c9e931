import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AtomicFile {
    /// Writes `path` atomically through a writer that only takes a path (such as libxlsxwriter):
    /// `produce` writes the whole file at the temporary path it is given, in the same folder, which
    /// is then renamed over `path`; when `produce` fails the temporary file is removed. A device,
    /// FIFO or socket target gets the bytes copied in; a folder is refused.
    public static func write(to path: String, byPath produce: (_ temporaryPath: String) throws(AtomicFileError) -> Void) throws(AtomicFileError) {
        var info = stat()
        let exists = lstat(path, &info) == 0
        if exists && info.st_mode & S_IFMT == S_IFDIR {
            throw AtomicFileError(path: path, reason: "it is a folder", advice: "give a file name")
        }
        let url = URL(fileURLWithPath: path)
        let special = exists && [S_IFCHR, S_IFIFO, S_IFSOCK, S_IFBLK].contains(info.st_mode & S_IFMT)
        // Nothing can be renamed over a device: the file is made in the temporary folder and copied in.
        let folder = special ? URL(fileURLWithPath: NSTemporaryDirectory()) : url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw AtomicFileError(path: path, reason: "its folder cannot be made (\(error.localizedDescription))", advice: "choose another path")
        }
        // The name removeLeftovers(in:) knows, so a writer killed before the rename leaves nothing behind.
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        do throws(AtomicFileError) {
            try produce(temp)
            if special {
                guard let data = FileManager.default.contents(atPath: temp) else { throw AtomicFileError(path: path, errno: errno) }
                try write(data, to: path)
                unlink(temp)
            } else if rename(temp, path) != 0 {
                throw AtomicFileError(path: path, errno: errno)
            }
        } catch {
            unlink(temp)
            throw error
        }
    }
}
