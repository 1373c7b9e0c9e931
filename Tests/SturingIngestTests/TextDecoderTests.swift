import Foundation
import Testing
@testable import SturingIngest

@Suite struct TextDecoderTests {
    static let sample = "Wij gaan samenwerken en creëren één café: zelfredzaamheid, €5."

    func utf16(_ s: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for u in s.utf16 {
            let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
            out += littleEndian ? [lo, hi] : [hi, lo]
        }
        return out
    }

    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try TextDecoder.decode(Array(Self.sample.utf8)).text == Self.sample)
        let bom = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8))
        #expect(bom.text == Self.sample)
        #expect(bom.encoding == "UTF-8 (BOM)")
    }

    @Test func utf16WithBOM() throws {
        let le = try TextDecoder.decode(utf16(Self.sample, littleEndian: true, bom: true))
        let be = try TextDecoder.decode(utf16(Self.sample, littleEndian: false, bom: true))
        #expect(le.text == Self.sample && le.encoding == "UTF-16LE (BOM)")
        #expect(be.text == Self.sample && be.encoding == "UTF-16BE (BOM)")
    }

    @Test func utf16WithoutBOM() throws {
        let le = try TextDecoder.decode(utf16(Self.sample, littleEndian: true, bom: false))
        #expect(le.text == Self.sample)
    }

    @Test func windows1252() throws {
        let data = Self.sample.data(using: .windowsCP1252)!
        let decoded = try TextDecoder.decode([UInt8](data))
        #expect(decoded.text == Self.sample)
        #expect(decoded.encoding == "windows-1252")
    }

    @Test func latin1WithoutEuroSign() throws {
        let text = "Het beleid: coördinatie en financiële middelen voor de zorg, geen café."
        let decoded = try TextDecoder.decode([UInt8](text.data(using: .isoLatin1)!))
        #expect(decoded.text == text)
    }

    @Test func binaryWithNULsIsRejected() {
        #expect(throws: IngestError.binary(kind: nil)) {
            try TextDecoder.decode([0x41, 0x00, 0x00, 0x00, 0x7F, 0x00, 0x13, 0x00, 0x00, 0x01] + Array(repeating: 0x00, count: 50))
        }
    }

    @Test func controlCharacterSoupIsRejected() {
        let bytes = (0..<400).map { UInt8(1 + $0 % 8) }
        #expect(throws: IngestError.undecodable(encoding: "UTF-8")) { try TextDecoder.decode(bytes) }
    }
}
