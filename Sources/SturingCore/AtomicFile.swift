import Foundation

/// Writes files atomically: to a temporary file in the same folder, then renamed over the target,
/// so a reader (or an interrupted run) never sees a half-written file.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`, creating the parent folder when needed.
    public static func write(_ text: String, to path: String) throws {
        try write(to: path) { sink in
            var text = text
            try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes the pieces of bytes `produce` hands to its sink, in order, to `path` (atomically,
    /// like the others), so a large output is never held whole.
    public static func write(to path: String, _ produce: (_ sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            guard FileManager.default.createFile(atPath: temp.path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temp.path) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            do {
                try produce { piece in try handle.write(contentsOf: piece) }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            if rename(temp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    /// Writes `data` to `path`.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try data.write(to: temp)
            if rename(temp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }
}
