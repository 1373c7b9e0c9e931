import Foundation
import SturingCore
import Synchronization

/// A cache of extracted, cleaned documents keyed by the SHA-256 of the file's bytes, so a second
/// run (another lexicon or match mode) skips PDF extraction and cleaning.
///
/// One file per document in `folder`, written atomically: a JSON header line (metadata and the byte
/// length of each page) followed by the pages' UTF-8 bytes, so loading is a copy, not a JSON parse
/// of the whole text. The header carries a SHA-256 of the page bytes, checked before an entry is
/// trusted; an entry that fails the check or cannot be read is ignored and rewritten. The key
/// includes `formatVersion`, which changes whenever ingestion or cleaning changes what a document
/// holds, and the poppler version, whose text extraction can change between releases.
public final class DocumentCache: Sendable {
    /// Bump when reading or cleaning changes, so old entries are not used.
    public static let formatVersion = "ingest-7"

    /// The cache folder.
    public let folder: URL
    private let counters = Mutex((hits: 0, misses: 0))

    /// How pages without text are read; part of every entry's key (OCR text depends on the
    /// engine's version, its language data and the resolution).
    public let ocr: OCRMode
    private let key: String

    /// A cache in `folder` (created when needed) for documents read with `ocr`.
    public init(folder: String, ocr: OCRMode = .auto) {
        self.folder = URL(fileURLWithPath: folder)
        self.ocr = ocr
        self.key = Self.key + (ocr == .never ? "-ocr-never" : "-ocr-\(ocr.rawValue)-tesseract\(ExtractionLibraries.tesseract)-nld-300")
    }

    /// Why the cache folder cannot be written (it cannot be made, or a file cannot be created in
    /// it), or nil when it can.
    public func writeProblem() -> String? {
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            return (error as NSError).localizedFailureReason ?? error.localizedDescription
        }
        let probe = folder.appendingPathComponent(".probe.\(getpid()).tmp").path
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else { return String(cString: strerror(errno)) }
        unlink(probe)
        return nil
    }

    /// Hits and misses so far.
    public var statistics: (hits: Int, misses: Int) { counters.withLock { $0 } }

    private func url(for sha256: String) -> URL {
        folder.appendingPathComponent("\(key)-\(sha256).cache")
    }

    /// The part of each entry's name that says how it was made.
    public static let key = "\(formatVersion)-poppler\(ExtractionLibraries.poppler)"

    /// Removes temporary files that an interrupted run left in the cache folder (older than ten
    /// minutes, so a run writing beside this one is not disturbed).
    public func removeStrayFiles() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        let cutoff = Date().addingTimeInterval(-600)
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let path = folder.appendingPathComponent(name).path
            if let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < cutoff {
                try? fm.removeItem(atPath: path)
            }
        }
    }

    /// The cached document for these file bytes, renamed to `path`; nil on a miss.
    public func load(sha256: String, path: String) -> Document? {
        guard let data = try? Data(contentsOf: url(for: sha256)), let document = Self.decode(data, path: path, verify: true),
              document.sha256 == sha256 else {
            counters.withLock { $0.misses += 1 }
            return nil
        }
        counters.withLock { $0.hits += 1 }
        return document
    }

    /// Stores a document (errors are ignored: the cache is an optimisation, never a requirement).
    public func store(_ document: Document) {
        guard let data = Self.encode(document, checksum: true) else { return }
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
        var ocr: OCRRecord?
        var metadata: DocumentMetadata?
        /// The warnings' values (nil in entries written before notices existed).
        var notices: [Notice]?
        var pageBytes: [Int]
        /// SHA-256 of the page bytes (cache entries; nil between a worker and its parent).
        var checksum: String?
    }

    /// The cache file format of a document: a JSON header line, then the pages' UTF-8 bytes.
    /// With `checksum`, the header carries a SHA-256 of the page bytes.
    public static func encode(_ d: Document, checksum: Bool = false) -> Data? {
        let pages = d.pages.map { Data($0.utf8) }
        var body = Data()
        if checksum { for p in pages { body.append(p) } }
        let header = Header(sha256: d.sha256, kind: d.kind, encoding: d.encoding, hasPages: d.hasPages,
                            warnings: d.warnings, cleaning: d.cleaning, ocr: d.ocr, metadata: d.metadata, notices: d.notices.isEmpty ? nil : d.notices, pageBytes: pages.map(\.count),
                            checksum: checksum ? SHA256Hex.digest(body) : nil)
        guard var data = try? JSONEncoder().encode(header) else { return nil }
        data.append(0x0A)
        for p in pages { data.append(p) }
        return data
    }

    /// The document in `data` (the `encode` format), named `path`; nil when malformed.
    /// With `verify`, the header's checksum must be present and match the page bytes.
    public static func decode(_ data: Data, path: String, verify: Bool = false) -> Document? {
        guard let newline = data.firstIndex(of: 0x0A),
              let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline]) else { return nil }
        if verify {
            guard let checksum = header.checksum, SHA256Hex.digest(data[(newline + 1)...]) == checksum else { return nil }
        }
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
                        hasPages: header.hasPages, warnings: header.warnings, cleaning: header.cleaning, ocr: header.ocr,
                        metadata: header.metadata, notices: header.notices ?? [])
    }
}
