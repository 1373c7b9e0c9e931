/// Decides what a file holds from its first bytes, never from its name.
public enum FileSniffer {
    /// What the bytes look like.
    public enum Content: Equatable, Sendable {
        /// A PDF (`%PDF-` within the first 1024 bytes).
        case pdf
        /// Something to decode as text.
        case text
        /// An HTML page (a doctype or an html/head/body tag near the start; UTF-8, 8-bit or UTF-16).
        case html
        /// An XML document (an XML declaration, or the root of a government XML format).
        case xml
        /// JSON (an object or an array of objects), such as a council-data export.
        case json
        /// Markdown (front matter, headings, links or emphasis in the first 64 KB).
        case markdown
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
        let markup = asciiView(head)
        if let root = xmlRoot(markup) { return root == "html" ? .html : .xml }
        if looksLikeHTML(markup) { return .html }
        if looksLikeJSON(markup) { return .json }
        if looksLikeMarkdown(bytes.prefix(65_536)) { return .markdown }
        return .text
    }

    /// Why a JSON or XML file met while walking a corpus folder is not a document to read, from
    /// its first bytes (16 KB are enough); nil when it is one (an Open Raadsinformatie or Notubiz
    /// export, an XML publication, or any other kind of file).
    public static func notADocument(_ head: [UInt8]) -> String? {
        let view = asciiView(head[...])
        if let root = xmlRoot(view) {
            return root == "owms-metadata" ? "a metadata record of officiële bekendmakingen (metadata.xml), not the publication's text" : nil
        }
        guard looksLikeJSON(view) else { return nil }
        let text = String(decoding: view, as: UTF8.self).lowercased()
        if text.contains("\"_index\"") && (text.contains("\"ori_") || text.contains("\"osi_")) { return nil }
        if text.contains("\"@type\"") && (text.contains("mediaobject") || text.contains("openraadsinformatie")) { return nil }
        if text.contains("notubiz") { return nil }
        if text.contains("\"sturing\"") || text.contains("\"run_id\"") { return "an output of sturing (scores or run data), not a plan" }
        return "JSON, but not an Open Raadsinformatie or Notubiz export (no council documents in its first 16 KB)"
    }

    /// The first KB as single bytes: UTF-16 (with or without byte-order mark) has its zero bytes
    /// dropped, so markup in UTF-16 is recognised; other bytes (after a UTF-8 BOM) as they are.
    static func asciiView(_ head: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var b = head
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return b.dropFirst(3) }
        var littleEndian: Bool?
        if b.starts(with: [0xFF, 0xFE]) { littleEndian = true; b = b.dropFirst(2) } else if b.starts(with: [0xFE, 0xFF]) { littleEndian = false; b = b.dropFirst(2) } else if b.count >= 8 {
            var even = 0, odd = 0
            for (i, byte) in b.enumerated() where byte == 0 { if i % 2 == 0 { even += 1 } else { odd += 1 } }
            let half = b.count / 2
            if odd * 10 >= half * 7 && even * 20 < half { littleEndian = true } else if even * 10 >= half * 7 && odd * 20 < half { littleEndian = false }
        }
        guard let littleEndian else { return b }
        var out = [UInt8]()
        out.reserveCapacity(b.count / 2)
        var i = b.startIndex + (littleEndian ? 0 : 1)
        while i < b.endIndex { out.append(b[i]); i += 2 }
        return out[...]
    }

    /// Roots of the government XML formats that are read without an XML declaration.
    static let xmlRoots: Set<String> = ["cvdr", "toestand", "officiele-publicatie", "open-rechtspraak", "owms-metadata"]

    /// The lowercased local name of the root element when the bytes start as an XML document (an
    /// XML declaration, or a known government root); nil otherwise.
    static func xmlRoot(_ head: ArraySlice<UInt8>) -> String? {
        let b = Array(head)
        var i = 0
        func skipSpace() { while i < b.count && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 } }
        func starts(_ s: String) -> Bool { let m = Array(s.utf8); return i + m.count <= b.count && Array(b[i..<(i + m.count)]) == m }
        func skip(past end: String) -> Bool {
            let m = Array(end.utf8)
            while i + m.count <= b.count { if Array(b[i..<(i + m.count)]) == m { i += m.count; return true }; i += 1 }
            return false
        }
        skipSpace()
        let declared = starts("<?xml")
        while true {
            skipSpace()
            if starts("<?") {
                guard skip(past: "?>") else { return nil }
            } else if starts("<!--") {
                guard skip(past: "-->") else { return nil }
            } else if starts("<!") {
                // A doctype, with its internal subset ("[ <!ENTITY ...> ]") when it has one.
                var j = i
                while j < b.count && b[j] != 0x3E && b[j] != 0x5B { j += 1 }
                if j < b.count && b[j] == 0x5B { i = j; guard skip(past: "]") else { return nil } }
                guard skip(past: ">") else { return nil }
            } else {
                break
            }
        }
        guard i < b.count, b[i] == 0x3C else { return nil }
        i += 1
        let start = i
        while i < b.count, b[i] != 0x20, b[i] != 0x3E, b[i] != 0x2F, b[i] != 0x0A, b[i] != 0x0D, b[i] != 0x09 { i += 1 }
        var name = String(decoding: b[start..<i], as: UTF8.self).lowercased()
        if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        guard !name.isEmpty else { return nil }
        return declared || xmlRoots.contains(name) ? name : nil
    }

    /// An object (`{` then a key or `}`) or an array (`[` then `{`, `[` or `]`) at the start.
    static func looksLikeJSON(_ head: ArraySlice<UInt8>) -> Bool {
        let b = head.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.prefix(2)
        guard b.count == 2 else { return false }
        let first = b[b.startIndex], second = b[b.startIndex + 1]
        return (first == 0x7B && (second == 0x22 || second == 0x7D)) || (first == 0x5B && (second == 0x7B || second == 0x5B || second == 0x5D))
    }

    /// Markdown structure in the first bytes: YAML front matter, or enough of headings ("# "),
    /// links ("[text](address)") and emphasis ("**word**") that plain text seldom has.
    static func looksLikeMarkdown(_ head: ArraySlice<UInt8>) -> Bool {
        // On bytes (all markers are ASCII): this looks at the start of every plain text.
        let b = Array(head)
        let dash = UInt8(ascii: "-"), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
        if b.count >= 4, b[0] == dash, b[1] == dash, b[2] == dash, b[3] == lf || (b[3] == cr && b.count > 4 && b[4] == lf) {
            var i = 4
            while i + 3 < b.count {
                if b[i] == lf && b[i + 1] == dash && b[i + 2] == dash && b[i + 3] == dash { return true }
                i += 1
            }
        }
        var headings = 0, links = 0, emphasis = 0, fences = 0
        var lineStart = 0
        while lineStart < b.count {
            var lineEnd = lineStart
            while lineEnd < b.count && b[lineEnd] != lf { lineEnd += 1 }
            var i = lineStart
            while i < lineEnd && b[i] == space { i += 1 }
            if i + 2 < lineEnd && b[i] == UInt8(ascii: "`") && b[i + 1] == UInt8(ascii: "`") && b[i + 2] == UInt8(ascii: "`") { fences += 1 }
            var hashes = 0
            while i + hashes < lineEnd && b[i + hashes] == UInt8(ascii: "#") { hashes += 1 }
            if hashes >= 1 && hashes <= 6 && i + hashes < lineEnd && b[i + hashes] == space { headings += 1 }
            // "[text](target)" and "**bold**" on the line.
            var sawOpen = false, linkAt = -1, boldAt = -1, boldPairs = false
            var j = i
            while j < lineEnd {
                let c = b[j]
                if c == UInt8(ascii: "[") { sawOpen = true }
                if c == UInt8(ascii: "]") && sawOpen && linkAt < 0 && j + 1 < lineEnd && b[j + 1] == UInt8(ascii: "(") { linkAt = j + 2 }
                if c == UInt8(ascii: "*") && j + 1 < lineEnd && b[j + 1] == UInt8(ascii: "*") {
                    if boldAt < 0 { boldAt = j + 2; j += 1 } else if j >= boldAt { boldPairs = true }
                }
                j += 1
            }
            if linkAt >= 0, b[linkAt..<lineEnd].contains(UInt8(ascii: ")")) { links += 1 }
            if boldPairs { emphasis += 1 }
            lineStart = lineEnd + 1
        }
        return links >= 2 || headings >= 2 || (headings >= 1 && links + emphasis + fences >= 1) || (links >= 1 && emphasis + fences >= 1)
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

    /// A doctype or an <html>, <head> or <body> tag in the first KB (after white space or a BOM;
    /// give UTF-16 through `asciiView`).
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
