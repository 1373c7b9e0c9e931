import SturingCore

/// CVDR (decentrale regelgeving, lokaleregelgeving.overheid.nl): `<cvdr><meta>…</meta><body>…`.
/// The text is the body; owmskern gives the identifier, title and the issuing municipality
/// (dcterms:creator with scheme overheid:Gemeente), owmsmantel the date it was issued.
struct CVDRFormat: XMLFormat {
    let source = "CVDR"
    let inline = koopInline
    private var found = DocumentMetadata(source: "CVDR")
    private var issued: String?, inForce: String?, modified: String?

    func skips(_ name: String, parents: [String]) -> Bool { name == "meta" && parents.count == 1 }

    mutating func read(_ e: XMLElementInfo) {
        guard e.isIn("meta"), !e.text.isEmpty else { return }
        switch e.name {
        case "identifier" where e.isIn("owmskern"): found.identifier = found.identifier ?? e.text
        case "title" where e.isIn("owmskern"): found.title = found.title ?? e.text
        case "creator" where e.isIn("owmskern"):
            if (e.attributes["scheme"] ?? "").lowercased().contains("gemeente") { found.municipality = e.text }
        case "issued": issued = issued ?? e.text
        case "inwerkingtredingDatum": inForce = inForce ?? e.text
        case "modified": modified = modified ?? e.text
        default: break
        }
    }

    var metadata: DocumentMetadata? {
        var m = found
        m.date = issued ?? inForce ?? modified
        return m
    }
}
