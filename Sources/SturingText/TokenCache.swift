import Foundation
import SturingCore
import Synchronization

/// A cache of each document's tokens (its word forms and their offsets) by the document's
/// SHA-256, so a run with another lexicon or match mode skips ICU word breaking, the costliest
/// step once text extraction is cached. Tokens do not depend on the lexicon; the key includes the
/// text version (cleaning) and the ICU version, which do change them.
///
/// Binary format, native byte order: magic, counts, then the document's distinct forms (lengths,
/// UTF-8 bytes), and per token the form index and UTF-16 start and end offsets.
public final class TokenCache: Sendable {
    /// The cache folder.
    public let folder: URL
    private let key: String
    /// Bump when tokenizing changes (2: hyphenated compounds are one token).
    public static let version = "tokens-2"
    private let counters = Mutex((hits: 0, misses: 0))
    static let magic = Array("STOK1\n".utf8)

    /// A token cache in `folder` for texts made by ingestion version `textVersion`.
    public init(folder: String, textVersion: String) {
        self.folder = URL(fileURLWithPath: folder)
        self.key = "\(Self.version)-\(textVersion)-icu\(WordTokenizer.icuVersion)"
    }

    /// Hits and misses so far.
    public var statistics: (hits: Int, misses: Int) { counters.withLock { $0 } }

    private func url(_ sha256: String) -> URL { folder.appendingPathComponent("\(key)-\(sha256).tokens") }

    /// One document's tokens.
    struct Tokens {
        var vocabulary: [[UInt8]]
        var forms: [UInt32]
        var starts: [UInt32]
        var ends: [UInt32]
    }

    func load(sha256: String, textLength: Int) -> Tokens? {
        guard !sha256.isEmpty, let data = try? Data(contentsOf: url(sha256)), let t = Self.decode(data),
              t.ends.allSatisfy({ Int($0) <= textLength }), t.forms.allSatisfy({ Int($0) < t.vocabulary.count }) else {
            counters.withLock { $0.misses += 1 }
            return nil
        }
        counters.withLock { $0.hits += 1 }
        return t
    }

    func store(sha256: String, _ t: Tokens) {
        guard !sha256.isEmpty else { return }
        try? AtomicFile.write(Self.encode(t), to: url(sha256).path)
    }

    static func encode(_ t: Tokens) -> Data {
        var d = Data(magic)
        func put(_ v: UInt32) { withUnsafeBytes(of: v) { d.append(contentsOf: $0) } }
        func put(_ a: [UInt32]) { a.withUnsafeBytes { d.append(contentsOf: $0) } }
        put(UInt32(t.vocabulary.count))
        put(UInt32(t.vocabulary.reduce(0) { $0 + $1.count }))
        put(UInt32(t.forms.count))
        put(t.vocabulary.map { UInt32($0.count) })
        for v in t.vocabulary { d.append(contentsOf: v) }
        put(t.forms)
        put(t.starts)
        put(t.ends)
        return d
    }

    static func decode(_ d: Data) -> Tokens? {
        d.withUnsafeBytes { raw -> Tokens? in
            var offset = magic.count
            guard raw.count >= offset + 12, Array(raw[0..<magic.count]) == magic else { return nil }
            func u32() -> UInt32? {
                guard offset + 4 <= raw.count else { return nil }
                defer { offset += 4 }
                return raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            }
            func array(_ n: Int) -> [UInt32]? {
                guard n >= 0, offset + 4 * n <= raw.count else { return nil }
                defer { offset += 4 * n }
                return (0..<n).map { raw.loadUnaligned(fromByteOffset: offset + 4 * $0, as: UInt32.self) }
            }
            guard let vocabCount = u32(), let vocabBytes = u32(), let tokenCount = u32(),
                  let lengths = array(Int(vocabCount)) else { return nil }
            guard lengths.reduce(0, { $0 + Int($1) }) == Int(vocabBytes), offset + Int(vocabBytes) <= raw.count else { return nil }
            var vocabulary = [[UInt8]]()
            vocabulary.reserveCapacity(Int(vocabCount))
            for n in lengths {
                vocabulary.append(Array(raw[offset..<(offset + Int(n))]))
                offset += Int(n)
            }
            guard let forms = array(Int(tokenCount)), let starts = array(Int(tokenCount)), let ends = array(Int(tokenCount)),
                  offset == raw.count else { return nil }
            return Tokens(vocabulary: vocabulary, forms: forms, starts: starts, ends: ends)
        }
    }
}
