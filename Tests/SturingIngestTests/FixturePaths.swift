import Foundation

/// Paths of the committed fixtures (made by scripts/make_fixtures.py).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A fresh temporary folder for files a test writes.
    static func tempFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
