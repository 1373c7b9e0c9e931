import Foundation

/// The file that marks a folder as a sturing run's output folder: such folders are never read as
/// plans, whatever their name.
public enum RunMarker {
    /// The marker file's name.
    public static let fileName = "run.json"

    /// True when `folder` holds a run.json written by sturing (it names the tool and a run id).
    public static func isRunFolder(_ folder: String) -> Bool {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        return head.contains("\"sturing\"") && head.contains("\"run_id\"")
    }
}
