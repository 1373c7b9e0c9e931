import CDocText
import Foundation
import SturingCore
import SturingIngest

/// Reads the text of HTML pages, Word (.docx) and OpenDocument (.odt) files and Markdown through
/// libxml2, libzip and cmark (the C target CDocText). See `cdoctext.h` for what is kept and dropped.
public enum MarkupReader {
    /// No part of a Word or OpenDocument file is unpacked past this size (a zip bomb stops here).
    public static let maximumUnpackedBytes = 256 << 20

    /// The text of an HTML page, and the encoding it was read in (with a warning when the page
    /// declares another one than its bytes are in). The bytes are decoded here (`MarkupEncoding`)
    /// and handed to libxml2 as UTF-8.
    public static func html(_ bytes: [UInt8]) throws(IngestError) -> (text: String, encoding: MarkupEncoding.Decoded) {
        var decoded = MarkupEncoding.decode(bytes)
        var error: Int32 = 0
        let text = decoded.text.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { cdoc_html_text($0.baseAddress, $0.count, &error) }
        }
        decoded.text = ""
        guard let text else { throw .unreadable("the HTML page could not be parsed") }
        defer { free(text) }
        return (String(cString: text), decoded)
    }

    /// The body text of a Word document (`odt` false) or an OpenDocument text, and the zip entry
    /// names of the images in its body, in order.
    public static func office(_ bytes: [UInt8], odt: Bool) throws(IngestError) -> (text: String, images: [String]) {
        var error: Int32 = 0
        var images: UnsafeMutablePointer<CChar>?
        let text = bytes.withUnsafeBufferPointer { cdoc_office_text($0.baseAddress, $0.count, odt ? 1 : 0, maximumUnpackedBytes, &images, &error) }
        defer { free(images) }
        guard let text else {
            let kind = odt ? "OpenDocument file" : "Word document"
            switch Int(error) {
            case Int(CDOC_ENCRYPTED): throw .encryptedOffice
            case Int(CDOC_MISSING_PART): throw .damagedOffice("the \(kind) has no \(odt ? "content.xml" : "word/document.xml")")
            case Int(CDOC_TOO_LARGE): throw .damagedOffice("a part of the \(kind) would unpack to more than \(maximumUnpackedBytes >> 20) MB (a zip bomb?)")
            case Int(CDOC_ENTITY_BOMB): throw .damagedOffice("the \(kind) declares XML entities that expand far beyond its size (an entity-expansion bomb?), which Word and LibreOffice never write; it is refused")
            default: throw .damagedOffice("the \(kind) is not a readable zip of XML")
            }
        }
        defer { free(text) }
        let names = images.map { String(cString: $0).split(separator: "\n").map(String.init) } ?? []
        return (String(cString: text), names)
    }

    /// The bytes of one entry of a zip file (an image of a Word or OpenDocument file), at most
    /// `maximumUnpackedBytes`; nil when it cannot be read.
    public static func zipEntry(_ bytes: [UInt8], name: String) -> [UInt8]? {
        var size = 0
        var error: Int32 = 0
        guard let data = bytes.withUnsafeBufferPointer({ cdoc_zip_entry($0.baseAddress, $0.count, name, maximumUnpackedBytes, &size, &error) }) else { return nil }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The text of Markdown source (as `markdown`), or the source itself when cmark fails.
    public static func markdownText(_ source: String) -> String {
        var source = source
        var error: Int32 = 0
        let text = source.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { cdoc_markdown_text($0.baseAddress, $0.count, &error) }
        }
        guard let text else { return source }
        defer { free(text) }
        return String(cString: text)
    }

    /// The text of a Markdown file (decoded as plain text is): no markup, no link or image
    /// addresses, no bare web addresses; and the encoding it was in.
    public static func markdown(_ bytes: [UInt8]) throws(IngestError) -> (text: String, encoding: String) {
        let decoded = try TextDecoder.decode(bytes)
        return (markdownText(decoded.text), decoded.encoding)
    }
}
