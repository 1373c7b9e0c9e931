import SturingCore

/// BWB (wetten.overheid.nl): `<toestand bwb-id="BWBR…" inwerkingtreding="…"><wetgeving>…`. The
/// text is the law's; the meta-data blocks inside its articles, the editorial corrections and
/// change lists are left out. The identifier and date are the root's attributes, the title the
/// citeertitel (else the intitule).
struct BWBFormat: XMLFormat {
    let source = "BWB"
    let inline = koopInline
    private var found = DocumentMetadata(source: "BWB")
    private var intitule: String?

    private static let skipped: Set<String> = ["meta-data", "redactionele-correcties", "bwb-inputbestand", "bwb-wijzigingen", "jcis"]

    func skips(_ name: String, parents: [String]) -> Bool { Self.skipped.contains(name) }

    mutating func read(_ e: XMLElementInfo) {
        if e.parents.isEmpty {
            found.identifier = e.attributes["bwb-id"]
            found.date = e.attributes["inwerkingtreding"]
        } else if e.name == "citeertitel", !e.text.isEmpty {
            found.title = found.title ?? e.text
        } else if e.name == "intitule", !e.text.isEmpty {
            intitule = intitule ?? e.text
        }
    }

    var metadata: DocumentMetadata? {
        var m = found
        m.title = m.title ?? intitule
        return m
    }
}
