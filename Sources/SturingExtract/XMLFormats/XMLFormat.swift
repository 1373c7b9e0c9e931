import SturingCore

/// One XML format that governments publish (CVDR, BWB, officiële bekendmakingen, rechtspraak):
/// which parts are metadata (never counted), which elements run inside a line, and how its
/// metadata maps to the manifest's fields. `XMLDocumentReader` walks the document for it.
protocol XMLFormat {
    /// The format's name in outputs ("CVDR").
    var source: String { get }
    /// True when the element `name` (below `parents`, outermost first) and its content are left
    /// out of the text.
    func skips(_ name: String, parents: [String]) -> Bool
    /// Elements that run inside a line (bold, references): no line break around them.
    var inline: Set<String> { get }
    /// Notes what an element that just ended says about the document.
    mutating func read(_ element: XMLElementInfo)
    /// The metadata found.
    var metadata: DocumentMetadata? { get }
}

/// An element as it ends: its local name, its open ancestors' names (outermost first), its
/// attributes and its own text (character data directly inside it, trimmed).
struct XMLElementInfo {
    /// Local name ("title" for dcterms:title).
    var name: String
    /// The names of the elements it is in, outermost first.
    var parents: [String]
    /// Attributes by local name.
    var attributes: [String: String]
    /// Its own text, white space collapsed at the ends.
    var text: String

    /// True when `name` is among the ancestors.
    func isIn(_ name: String) -> Bool { parents.contains(name) }
}

/// Inline elements shared by the KOOP formats (CVDR, BWB, officiële bekendmakingen).
let koopInline: Set<String> = ["vet", "cur", "onderstreept", "sup", "inf", "extref", "intref", "nadruk", "sub", "unl", "ovl", "noot-ref"]
