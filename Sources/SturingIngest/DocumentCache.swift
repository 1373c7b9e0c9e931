import Foundation
import SturingCore
import Synchronization

/// A cache of extracted, cleaned documents keyed by the SHA-256 of the file's bytes, so a second
/// run (another lexicon or match mode) skips PDF extraction and cleaning.
///
/// One file per document in `folder`, written atomically: a JSON header line (metadata and the byte
/// length of each page) followed by the pages' UTF-8 bytes, so loading is a copy, not a JSON parse
/// of the whole text. A cache file that cannot be read is ignored and rewritten. The key includes
/// `formatVersion`, which changes whenever ingestion or cleaning changes what a document holds.
public final class DocumentCache: Sendable {
    /// Bump when reading or cleaning changes, so old entries are not used.
    public static let formatVersion = "ingest-2"

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
        folder.appendingPathComponent("\(Self.formatVersion)-\(sha256).cache")
    }

    /// The cached document for these file bytes, renamed to `path`; nil on a miss.
    public func load(sha256: String, path: String) -> Document? {
        guard let data = try? Data(contentsOf: url(for: sha256)), let document = Self.decode(data, path: path),
              document.sha256 == sha256 else {
            counters.withLock { $0.misses += 1 }
            return nil
        }
        counters.withLock { $0.hits += 1 }
        return document
    }

    /// Stores a document (errors are ignored: the cache is an optimisation, never a requirement).
    public func store(_ document: Document) {
        guard let data = Self.encode(document) else { return }
        try? AtomicFile.write(data, to: url(for: document.sha256).path)
    }

    /// Metadata written in the header line.
    struct Header: Codable {
        var sha256: String
        var kind: Document.Kind
        var encoding: String
        var hasPages: Bool
        var warnings: [String]
        var cleaning: CleaningReport
        var pageBytes: [Int]
    }

    /// The cache file format of a document: a JSON header line, then the pages' UTF-8 bytes.
    public static func encode(_ d: Document) -> Data? {
        let pages = d.pages.map { Data($0.utf8) }
        let header = Header(sha256: d.sha256, kind: d.kind, encoding: d.encoding, hasPages: d.hasPages,
                            warnings: d.warnings, cleaning: d.cleaning, pageBytes: pages.map(\.count))
        guard var data = try? JSONEncoder().encode(header) else { return nil }
        data.append(0x0A)
        for p in pages { data.append(p) }
        return data
    }

    /// The document in `data` (the `encode` format), named `path`; nil when malformed.
    public static func decode(_ data: Data, path: String) -> Document? {
        guard let newline = data.firstIndex(of: 0x0A),
              let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline]) else { return nil }
        var offset = newline + 1
        var pages = [String]()
        pages.reserveCapacity(header.pageBytes.count)
        for n in header.pageBytes {
            guard n >= 0, offset + n <= data.endIndex else { return nil }
            pages.append(String(decoding: data[offset..<(offset + n)], as: UTF8.self))
            offset += n
        }
        guard offset == data.endIndex else { return nil }
        return Document(file: path, sha256: header.sha256, kind: header.kind, encoding: header.encoding, pages: pages,
                        hasPages: header.hasPages, warnings: header.warnings, cleaning: header.cleaning)
    }
}
