import Foundation

/// Temporary folders for tests: each call gives a new, empty folder under the system's
/// temporary directory, named after its use so a failed test's files are easy to find.
public enum TestFolder {
    /// A new empty folder `sturing-PREFIX-UUID`.
    public static func make(_ prefix: String = "test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (name → text) into a new folder and returns it: a corpus of plain-text plans.
    public static func corpus(_ files: [String: String], prefix: String = "corpus") throws -> URL {
        let folder = make(prefix)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
