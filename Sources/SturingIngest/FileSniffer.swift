/// Decides what a file holds from its first bytes, never from its name.
public enum FileSniffer {
    /// What the bytes look like.
    public enum Content: Equatable, Sendable {
        /// A PDF (`%PDF-` within the first 1024 bytes).
        case pdf
        /// Something to decode as text.
        case text
        /// An HTML page (a doctype or an html/head/body tag near the start).
        case html
        /// A Word document (.docx: a zip with word/document.xml).
        case docx
        /// An OpenDocument text (.odt: a zip with content.xml).
        case odt
        /// A format that must be converted first; the message says how.
        case convert(String)
        /// A known binary format that is not a plan we can read.
        case binary(String?)
    }

    /// Classifies `bytes` (the whole file or at least its first 8 KB).
    public static func sniff(_ bytes: [UInt8]) -> Content {
        let head = bytes.prefix(1024)
        if contains(head, Array("%PDF-".utf8)) { return .pdf }
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            if contains(bytes.prefix(65_536), Array("word/document.xml".utf8)) || contains(bytes.prefix(4096), Array("word/".utf8)) { return .docx }
            if contains(bytes.prefix(4096), Array("application/vnd.oasis.opendocument.text".utf8)) { return .odt }
            if contains(bytes.prefix(4096), Array("opendocument".utf8)) {
                return .binary("an OpenDocument file that is not a text document (spreadsheet or presentation)")
            }
            return .binary("a ZIP archive (unpack it; .docx and .odt plans are read directly)")
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            let marker: [UInt8] = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if contains(bytes[...], marker) {
                return .convert("a password-protected Office document (ask for an open copy, or save it without a password)")
            }
            return .convert("an old Word document (.doc); convert it to .docx or PDF first, e.g. `libreoffice --headless --convert-to docx plan.doc`")
        }
        if starts(Array("{\\rtf".utf8)) {
            return .convert("an RTF document; convert it to .docx or PDF first, e.g. `libreoffice --headless --convert-to docx plan.rtf`")
        }
        if let kind = magicKind(bytes) { return .binary(kind) }
        if looksLikeHTML(head) { return .html }
        return .text
    }

    private static func magicKind(_ b: [UInt8]) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { b.count >= magic.count && Array(b.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            let head = String(decoding: b.prefix(2048), as: UTF8.self)
            if head.contains("word/") { return "a Word document (.docx)" }
            if head.contains("content.xml") || head.contains("opendocument") { return "an OpenDocument file (.odt)" }
            return "a ZIP archive (.zip, .docx, .xlsx)"
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return "an old Office document (.doc)" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts([0x47, 0x49, 0x46, 0x38]) { return "a GIF image" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "a TIFF image (a scan: run OCR)" }
        if starts([0x1F, 0x8B]) { return "a gzip archive" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "a program (ELF)" }
        if starts(Array("{\\rtf".utf8)) { return "an RTF document" }
        return nil
    }

    /// A doctype or an <html>, <head> or <body> tag in the first KB (after white space or a BOM).
    static func looksLikeHTML(_ head: ArraySlice<UInt8>) -> Bool {
        // ASCII case folding on bytes (the markers are ASCII).
        let lower = ArraySlice(head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        return ["<!doctype html", "<html", "<body", "<head>"].contains { contains(lower, Array($0.utf8)) }
    }

    private static func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count else { return false }
        var i = hay.startIndex
        while i <= hay.endIndex - needle.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
