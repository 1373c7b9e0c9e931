import SturingCore
import SturingIngest
import SturingReport
import Testing

/// Every kind of file the sniffer names (an image, an archive, an old Word document) is named in
/// Dutch in a Dutch report: a new or changed description in `FileSniffer` without its Dutch in
/// `Labels.sniffed` fails here.
@Suite struct SniffedKindWordingTests {
    @Test func everyKindTheSnifferNamesHasItsDutch() {
        let magic: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x47, 0x49, 0x46, 0x38], [0x49, 0x49, 0x2A, 0x00],
            [0x1F, 0x8B], [0x7F, 0x45, 0x4C, 0x46], Array("{\\rtf1".utf8), [0xD0, 0xCF, 0x11, 0xE0],
            [0xD0, 0xCF, 0x11, 0xE0] + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            [0x50, 0x4B, 0x03, 0x04] + Array("mimetypeapplication/vnd.oasis.opendocument.spreadsheet".utf8),
            [0x50, 0x4B, 0x03, 0x04] + Array("just a zip".utf8),
        ]
        let dutch = Labels(.dutch)
        var named = 0
        for bytes in magic {
            let reason: IngestError
            let english: String
            switch FileSniffer.sniff(bytes + [UInt8](repeating: 0, count: 64)) {
            case .binary(let kind?): reason = .binary(kind: kind); english = kind
            case .convert(let advice): reason = .needsConversion(advice); english = advice
            default: Issue.record("\(bytes.prefix(4)) is not named by the sniffer"); continue
            }
            let said = dutch.failure(FileFailure(file: "plan", reason: reason))
            #expect(!said.contains(english), "no Dutch for “\(english)”")
            named += 1
        }
        #expect(named == magic.count)
    }
}
