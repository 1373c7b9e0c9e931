import SturingCore

/// Officiële bekendmakingen (Staatsblad, Staatscourant, Gemeenteblad, ...):
/// `<officiele-publicatie><metadata><meta name=… content=…/>…</metadata><kop>…</kop><gemeenteblad>…`.
/// The text is the publication's; the metadata and the masthead ("STAATSCOURANT, Officiële uitgave
/// van ...") are left out. `meta` elements give the identifier (or the address of the external
/// metadata record, "…/gmb-2024-216934/metadata.xml"), title, authority and date; without them the
/// title is the publication's first heading and the date its first dated element.
struct OfficialPublicationFormat: XMLFormat {
    let source = "officiële bekendmakingen"
    let inline = koopInline
    private var found = DocumentMetadata(source: "officiële bekendmakingen")
    private var authority: String?, gemeente: String?, heading: String?, firstDate: String?

    func skips(_ name: String, parents: [String]) -> Bool {
        (name == "metadata" || name == "kop") && parents.count == 1
    }

    mutating func read(_ e: XMLElementInfo) {
        if e.name == "meta", e.isIn("metadata"), let name = e.attributes["name"]?.lowercased(), let content = e.attributes["content"], !content.isEmpty {
            let scheme = (e.attributes["scheme"] ?? "").lowercased()
            if name.hasSuffix(".identifier") { found.identifier = found.identifier ?? content }
            if name.hasSuffix("externmetadatarecord"), found.identifier == nil {
                let parts = content.split(separator: "/")
                if parts.count >= 2, parts.last == "metadata.xml" { found.identifier = String(parts[parts.count - 2]) }
            }
            if name.hasSuffix(".title") { found.title = found.title ?? content }
            if name.hasSuffix(".authority") || name.hasSuffix(".creator") {
                authority = authority ?? content
                if scheme.contains("gemeente") { gemeente = gemeente ?? content }
            }
            if name.hasSuffix(".issued") || name.hasSuffix(".available") || name.hasSuffix(".date") { found.date = found.date ?? content }
            return
        }
        guard !e.isIn("metadata") else { return }
        if heading == nil, e.name == "titel" || e.name == "intitule", !e.text.isEmpty, !(e.parents.count == 2 && e.parents.last == "kop") {
            heading = e.text
        }
        if firstDate == nil, let iso = e.attributes["isodatum"] { firstDate = iso }
    }

    var metadata: DocumentMetadata? {
        var m = found
        m.title = m.title ?? heading
        m.date = m.date ?? firstDate
        m.municipality = gemeente ?? ((m.identifier ?? "").hasPrefix("gmb-") ? authority : nil)
        return m
    }
}
