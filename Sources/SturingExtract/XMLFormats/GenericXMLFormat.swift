import SturingCore

/// Any other XML: its text nodes only (no tag names, no attribute values), no metadata.
struct GenericXMLFormat: XMLFormat {
    let source = "XML"
    let inline: Set<String> = []
    func skips(_ name: String, parents: [String]) -> Bool { false }
    mutating func read(_ element: XMLElementInfo) {}
    var metadata: DocumentMetadata? { nil }
}
