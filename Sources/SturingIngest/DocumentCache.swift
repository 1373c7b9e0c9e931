import Foundation
import SturingCore
import Synchronization

/// A cache of extracted, cleaned documents keyed by the SHA-256 of the file's bytes, so a second
/// run (another lexicon or match mode) skips PDF extraction and cleaning.
///
/// One JSON file per document in `folder`, written atomically; a cache file that cannot be read is
/// ignored and rewritten. The key includes `formatVersion`, which changes whenever ingestion or
/// cleaning changes what a document holds.
public final class DocumentCache: Sendable {
    /// Bump when reading or cleaning changes, so old entries are not used.
    public static let formatVersion = "ingest-1"

    /// The cache folder.
    public let folder: URL
    private let counters = Mutex((hits: 0, misses: 0))

    /// A cache in `folder` (created when needed).
    public init(folder: String) {
        self.folder = URL(fileURLWithPath: folder)
    }

    /// Hits and misses so far.
    public var statistics: (hits: Int, misses: Int) { counters.withLock { $0 } }

    private func url(for sha256: String) -> URL {
        folder.appendingPathComponent("\(Self.formatVersion)-\(sha256).json")
    }

    /// The cached document for these file bytes, renamed to `path`; nil on a miss.
    public func load(sha256: String, path: String) -> Document? {
        guard let data = try? Data(contentsOf: url(for: sha256)),
              var document = try? JSONDecoder().decode(Document.self, from: data), document.sha256 == sha256 else {
            counters.withLock { $0.misses += 1 }
            return nil
        }
        counters.withLock { $0.hits += 1 }
        document.file = path
        return document
    }

    /// Stores a document (errors are ignored: the cache is an optimisation, never a requirement).
    public func store(_ document: Document) {
        guard let data = try? JSONEncoder().encode(document) else { return }
        try? AtomicFile.write(data, to: url(for: document.sha256).path)
    }
}
