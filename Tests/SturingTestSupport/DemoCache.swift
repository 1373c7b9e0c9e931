import Foundation

/// The text cache of the demo corpus, filled once per test process (reading the demo scan by
/// OCR takes seconds; about twenty end-to-end runs read the demo corpus) and handed to each test
/// as its own copy, so a test may add to it or remove it without touching another's.
public enum DemoCache {
    /// The filled cache (the first caller fills it; callers at the same time wait for it).
    static let filled: URL = {
        let work = TestFolder.make("demo-cache")
        let cache = work.appendingPathComponent("cache")
        _ = try? TestBinary.run(["analyze", TestBinary.demoCorpus.path, "--out", work.appendingPathComponent("out").path,
                                 "--cache", cache.path, "--quiet", "--bootstrap", "0"])
        return cache
    }()

    /// A copy of the filled cache at `folder` (which must not exist yet); its path.
    @discardableResult
    public static func copy(to folder: URL) throws -> String {
        try FileManager.default.copyItem(at: filled, to: folder)
        return folder.path
    }

    /// A copy of the filled cache in a new temporary folder; its path.
    public static func copy() throws -> String {
        try copy(to: TestFolder.make("cache").appendingPathComponent("cache"))
    }
}
