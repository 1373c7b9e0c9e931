import Foundation
import Testing
@testable import SturingCore
@testable import SturingIngest

/// The cleaning scans that jump with `memchr` find what a byte-by-byte scan finds, on random
/// real-shaped pieces with hyphens and soft hyphens at every position (also first and last).
@Suite struct ByteSearchTests {
    static let pieces = ["zorg", "-", "\n", " ", "\u{AD}", "e-mail", "zee-", "eend", "ë", "’", "A", "12", "-\n", "- \n", "—", "\t", "x"]

    static func randomTexts(_ count: Int) -> [String] {
        var rng = SplitMix64(seed: 7)
        return (0..<count).map { _ in
            (0..<Int(rng.next() % 24)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func scansAgreeWithByteByByte() {
        for text in Self.randomTexts(20_000) {
            let b = Array(text.utf8)
            let soft = b.indices.dropLast().contains { b[$0] == 0xC2 && b[$0 + 1] == 0xAD }
            #expect(TextCleaner.containsSoftHyphen(text) == soft, "\(text.debugDescription)")
            let lineEnd = b.indices.contains { i in
                guard b[i] == 0x2D else { return false }
                var j = i + 1
                while j < b.count && (b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D) { j += 1 }
                return j < b.count && b[j] == 0x0A
            }
            #expect(LineEndHyphens.hasLineEndHyphen(text) == lineEnd, "\(text.debugDescription)")
            var reference = Set<String>()
            b.withUnsafeBufferPointer { bytes in
                var i = 1
                while i < bytes.count - 1 {
                    if bytes[i] == 0x2D, let left = LineEndHyphens.scalarBefore(bytes, i), LineEndHyphens.isLetter(left),
                       let right = LineEndHyphens.scalarAt(bytes, i + 1), LineEndHyphens.isLetter(right.scalar) {
                        let start = LineEndHyphens.wordStart(bytes, before: i), end = LineEndHyphens.wordEnd(bytes, from: i + 1)
                        reference.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased())
                    }
                    i += 1
                }
            }
            #expect(LineEndHyphens.inlineCompounds([text]) == reference, "\(text.debugDescription)")
            let nonASCII = b.withUnsafeBufferPointer { ByteSearch.firstNonASCII(in: $0, from: 0) }
            #expect(nonASCII == (b.firstIndex { $0 >= 0x80 } ?? b.count))
        }
    }
}
