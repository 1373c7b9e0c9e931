import SturingCore
import Synchronization

/// The evidence lines the report shows per perspective: the `size` lines with the smallest
/// seeded key over all plans' documents. The key depends only on the line itself (its
/// municipality, file, page, term and text), so the sample is the same however the documents
/// arrive — one at a time while a run scores them (their evidence then need not be kept), or
/// all at once when a report is redrawn from documents.jsonl.
public final class EvidenceSample: Sendable {
    /// Lines per perspective.
    public let size: Int
    private let kept = Mutex([[Kept]](repeating: [], count: Perspective.allCases.count))

    private struct Kept: Sendable {
        var key: UInt64
        var municipality: String
        var line: KWICLine
    }

    /// An empty sample of `size` lines per perspective.
    public init(size: Int = HTMLReport.evidenceLines) {
        self.size = size
    }

    /// The sample of all documents of `plans`.
    public static func of(_ plans: [(plan: Plan, score: DocumentScore, documents: [DocumentScore])], size: Int = HTMLReport.evidenceLines) -> EvidenceSample {
        let sample = EvidenceSample(size: size)
        for entry in plans { for d in entry.documents { sample.offer(municipality: entry.plan.municipality, document: d) } }
        return sample
    }

    /// Considers the evidence lines of one document of `municipality` (thread-safe).
    public func offer(municipality: String, document: DocumentScore) {
        guard !document.evidence.isEmpty else { return }
        kept.withLock { kept in
            for (p, lines) in document.evidence {
                for line in lines {
                    let key = Self.key(municipality, line, p)
                    var list = kept[p.index]
                    if list.count == size, let last = list.last, !Self.before(key, municipality, line, last) { continue }
                    let at = list.firstIndex { !Self.before($0.key, $0.municipality, $0.line, Kept(key: key, municipality: municipality, line: line)) } ?? list.count
                    list.insert(Kept(key: key, municipality: municipality, line: line), at: at)
                    if list.count > size { list.removeLast() }
                    kept[p.index] = list
                }
            }
        }
    }

    /// The sample for `p`: (municipality, line), in key order.
    public func lines(_ p: Perspective) -> [(String, KWICLine)] {
        kept.withLock { $0[p.index].map { ($0.municipality, $0.line) } }
    }

    /// Order by key; equal keys by the line's text, so the order is total.
    private static func before(_ key: UInt64, _ municipality: String, _ line: KWICLine, _ other: Kept) -> Bool {
        if key != other.key { return key < other.key }
        return (municipality, line.file, line.left + line.match + line.right) < (other.municipality, other.line.file, other.line.left + other.line.match + other.line.right)
    }

    /// A seeded FNV-1a hash of the line's fields, mixed per perspective.
    static func key(_ municipality: String, _ line: KWICLine, _ p: Perspective) -> UInt64 {
        var h: UInt64 = 0x5EED_0000 &+ UInt64(p.index)
        h = (h ^ 0xCBF2_9CE4_8422_2325) &* 0x0000_0100_0000_01B3
        for field in [municipality, line.file, line.page.map(String.init) ?? "", line.term, line.left, line.match, line.right] {
            for b in field.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        // Finalise (splitmix) so nearby lines spread over the key space.
        h ^= h >> 30; h &*= 0xBF58_476D_1CE4_E5B9; h ^= h >> 27; h &*= 0x94D0_49BB_1331_11EB; h ^= h >> 31
        return h
    }
}
