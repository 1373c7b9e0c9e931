import SturingCore

/// Rechtspraak (uitspraken.rechtspraak.nl, open data): `<open-rechtspraak><rdf:RDF>…</rdf:RDF>
/// <inhoudsindicatie>…</inhoudsindicatie><uitspraak>…`. The text is the summary and the ruling
/// (or conclusion); the RDF block gives the ECLI, the title and the date of the decision.
struct RechtspraakFormat: XMLFormat {
    let source = "rechtspraak"
    let inline: Set<String> = ["emphasis", "superscript", "subscript"]
    private var found = DocumentMetadata(source: "rechtspraak")
    private var issued: String?

    func skips(_ name: String, parents: [String]) -> Bool { name == "RDF" && parents.count == 1 }

    mutating func read(_ e: XMLElementInfo) {
        guard e.isIn("RDF"), !e.text.isEmpty else { return }
        switch e.name {
        case "identifier" where e.text.hasPrefix("ECLI:"): found.identifier = found.identifier ?? e.text
        case "title": found.title = found.title ?? e.text
        case "date": found.date = found.date ?? e.text
        case "issued": issued = issued ?? e.text
        default: break
        }
    }

    var metadata: DocumentMetadata? {
        var m = found
        m.date = m.date ?? issued
        return m
    }
}
