import CDocText
import Foundation
import SturingCore
import SturingIngest

/// Reads an XML document as a document: the government formats (CVDR, BWB, officiële
/// bekendmakingen, rechtspraak) by their root element, their body text in reading order and their
/// metadata into `DocumentMetadata` (never into the text); any other XML by its text nodes only,
/// with a warning. libxml2 parses (`cdoc_xml_events`: no network, entity expansion bounded, any
/// depth); the walk here keeps an explicit stack, so it is linear in the events.
public enum XMLDocumentReader {
    /// What was read: the text, the metadata and a remark for XML of an unknown kind.
    public struct Result: Sendable {
        /// The text (one page), lines broken at block elements.
        public var text: String
        /// What the document says about itself (nil for unknown XML).
        public var metadata: DocumentMetadata?
        /// Set for XML of an unknown kind.
        public var notice: Notice?
        /// `notice`'s English sentence.
        public var warning: String? { notice?.message }
    }

    /// Reads the XML in `bytes`.
    public static func read(_ bytes: [UInt8]) throws(IngestError) -> Result {
        var length = 0
        var error: Int32 = 0
        let events = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { cdoc_xml_events($0.baseAddress, $0.count, &length, &error) }
        }
        guard let events else {
            switch Int(error) {
            case Int(CDOC_ENTITY_BOMB):
                throw .unreadable("the XML declares entities that expand far beyond the file (an entity-expansion bomb?); it is refused")
            case Int(CDOC_NO_MEMORY): throw .unreadable("out of memory while parsing the XML")
            default: throw .unreadable("the XML is not well-formed (check that the download is complete)")
            }
        }
        defer { free(events) }
        let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(events).assumingMemoryBound(to: UInt8.self), count: length)
        let root = firstElementName(buffer)
        switch root {
        case "cvdr": return walk(buffer, CVDRFormat())
        case "toestand": return walk(buffer, BWBFormat())
        case "officiele-publicatie": return walk(buffer, OfficialPublicationFormat())
        case "open-rechtspraak": return walk(buffer, RechtspraakFormat())
        case "owms-metadata":
            throw .unreadable("a metadata record of officiële bekendmakingen (metadata.xml): it holds no text of the publication (score the publication's own XML file)")
        default:
            var result = walk(buffer, GenericXMLFormat())
            result.notice = .unknownXML(root: root ?? "?")
            return result
        }
    }

    /// The name of the first element in the events.
    static func firstElementName(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard b.count > 1, b[0] == UInt8(ascii: "S") else { return nil }
        var i = 1
        return string(b, &i)
    }

    /// The NUL-terminated string at `i` (moved past its NUL).
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String {
        let start = i
        while i < b.count && b[i] != 0 { i += 1 }
        let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        i += 1
        return s
    }

    /// An open element during the walk.
    private struct Open {
        var name: String
        var attributes: [String: String] = [:]
        var text = ""
        /// Holds text other than white space (elements in it run inside that text).
        var hasText = false
        var skipped: Bool
        var inline: Bool
    }

    /// Walks the events for `format`: the text outside skipped elements, a line break around each
    /// element that is not inline (an element inside running text counts as inline too), and every
    /// element handed to the format as it ends.
    static func walk<F: XMLFormat>(_ b: UnsafeBufferPointer<UInt8>, _ format: F) -> Result {
        var format = format
        var stack = [Open]()
        var names = [String]()
        var text = ""
        func newline() { if !text.isEmpty && text.utf8.last != 0x0A { text.append("\n") } }
        var i = 0
        while i < b.count {
            let kind = b[i]
            i += 1
            switch kind {
            case UInt8(ascii: "S"):
                let name = string(b, &i)
                let skipped = (stack.last?.skipped ?? false) || format.skips(name, parents: names)
                let running = stack.last?.hasText ?? false
                let inline = format.inline.contains(name) || running
                if !skipped && !inline { newline() }
                stack.append(Open(name: name, skipped: skipped, inline: inline))
                names.append(name)
            case UInt8(ascii: "A"):
                let name = string(b, &i)
                let value = string(b, &i)
                if !stack.isEmpty { stack[stack.count - 1].attributes[name] = value }
            case UInt8(ascii: "T"):
                let t = string(b, &i)
                guard !stack.isEmpty else { continue }
                stack[stack.count - 1].text += t
                if !stack[stack.count - 1].hasText && t.contains(where: { !$0.isWhitespace }) { stack[stack.count - 1].hasText = true }
                if !stack[stack.count - 1].skipped { text += t }
            case UInt8(ascii: "E"):
                guard let open = stack.popLast() else { continue }
                names.removeLast()
                let own = open.text.trimmingCharacters(in: .whitespacesAndNewlines)
                format.read(XMLElementInfo(name: open.name, parents: names, attributes: open.attributes,
                                           text: own.split(whereSeparator: \.isWhitespace).joined(separator: " ")))
                if !open.skipped && !open.inline { newline() }
            default:
                i = b.count
            }
        }
        return Result(text: text, metadata: format.metadata, notice: nil)
    }
}
