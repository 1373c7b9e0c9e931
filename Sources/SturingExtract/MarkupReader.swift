import CDocText
import Foundation
import SturingIngest

/// Reads the text of HTML pages and of Word (.docx) and OpenDocument (.odt) files through
/// libxml2 and libzip (the C target CDocText). See `cdoctext.h` for what is kept and dropped.
public enum MarkupReader {
    /// No part of a Word or OpenDocument file is unpacked past this size (a zip bomb stops here).
    public static let maximumUnpackedBytes = 256 << 20

    /// The text of an HTML page.
    public static func html(_ bytes: [UInt8]) throws(IngestError) -> String {
        var error: Int32 = 0
        let text = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { cdoc_html_text($0.baseAddress, $0.count, &error) }
        }
        guard let text else { throw .unreadable("the HTML page could not be parsed") }
        defer { free(text) }
        return String(cString: text)
    }

    /// The body text of a Word document (`odt` false) or an OpenDocument text.
    public static func office(_ bytes: [UInt8], odt: Bool) throws(IngestError) -> String {
        var error: Int32 = 0
        let text = bytes.withUnsafeBufferPointer { cdoc_office_text($0.baseAddress, $0.count, odt ? 1 : 0, maximumUnpackedBytes, &error) }
        guard let text else {
            let kind = odt ? "OpenDocument file" : "Word document"
            switch Int(error) {
            case Int(CDOC_ENCRYPTED): throw .encryptedOffice
            case Int(CDOC_MISSING_PART): throw .damagedOffice("the \(kind) has no \(odt ? "content.xml" : "word/document.xml")")
            case Int(CDOC_TOO_LARGE): throw .damagedOffice("a part of the \(kind) would unpack to more than \(maximumUnpackedBytes >> 20) MB (a zip bomb?)")
            default: throw .damagedOffice("the \(kind) is not a readable zip of XML")
            }
        }
        defer { free(text) }
        return String(cString: text)
    }
}
