import SturingCore

/// A document's warnings in a report's language. A warning that has a notice (`Notice`) is
/// worded from its values; one without (from a run before notices, or not yet structured)
/// keeps its English sentence.
extension Labels {
    /// `texts` (warnings, or "file: warning" as a plan holds them) in this language, each worded
    /// from the notice among `notices` whose message it is (looked up by message, so a run with
    /// thousands of warnings is not searched once per warning).
    public func warnings(_ texts: [String], notices: [Notice]) -> [String] {
        guard nl, !notices.isEmpty else { return texts }
        let byMessage = Dictionary(notices.map { ($0.message, $0) }, uniquingKeysWith: { first, _ in first })
        return texts.map { text in
            if let n = byMessage[text] { return notice(n) }
            // "file: message": the longest tail after a ": " that is a notice's message.
            var rest = text[...]
            while let colon = rest.range(of: ": ") {
                if let n = byMessage[String(text[colon.upperBound...])] { return String(text[..<colon.upperBound]) + notice(n) }
                rest = text[colon.upperBound...]
            }
            return text
        }
    }

    /// The warnings of a score in this language.
    public func warnings(_ s: DocumentScore) -> [String] { warnings(s.warnings, notices: s.notices) }

    /// The notice in this language.
    public func notice(_ n: Notice) -> String {
        guard nl else { return n.message }
        let p = n.pages ?? []
        let one = p.count == 1
        /// "pagina 3" / "pagina's 1–4"
        let pages = (one ? "pagina " : "pagina's ") + PageList.format(p, dash: "–")
        func verb(_ singular: String, _ plural: String) -> String { one ? singular : plural }
        switch n.kind {
        case .damagedPages:
            return "\(pages) \(verb("kon", "konden")) niet worden gelezen (beschadigde pagina-objecten) en \(verb("telt", "tellen")) niet mee (herstel het bestand, bijvoorbeeld met `qpdf in.pdf uit.pdf`)"
        case .ocrPages:
            return "\(pages) \(verb("is", "zijn")) met OCR gelezen (\(n.engine ?? "OCR"); gemiddelde woordzekerheid \(n.confidence ?? 0)); controleer een steekproef van de tekst"
        case .garbledReadByOCR:
            return "\(pages) \(verb("had", "hadden")) een tekstlaag zonder leesbare woorden (een kapotte lettertypecodering?) en \(verb("is", "zijn")) daarom met OCR gelezen"
        case .ocrNoise:
            return "\(pages) \(verb("is", "zijn")) met OCR gelezen met een zekerheid onder \(n.confidence ?? 0): wat OCR daar vond is ruis en telt niet mee (een betere scan helpt)"
        case .lowOCRConfidence:
            return "\(pages) \(verb("is", "zijn")) met OCR gelezen met een zekerheid onder \(n.confidence ?? 0): de woorden kunnen fout zijn (een betere scan helpt)"
        case .unreadableTextLayer:
            return "\(pages) \(verb("heeft", "hebben")) een tekstlaag zonder leesbare woorden (een kapotte lettertypecodering?); de tellingen zijn niet betrouwbaar (lees \(verb("deze pagina", "deze pagina's")) met OCR: --ocr auto)"
        case .scannedPages:
            return "\(pages) \(verb("bevat", "bevatten")) een afbeelding maar geen tekst (gescand?) en \(verb("telt", "tellen")) niet mee (lees \(verb("haar", "ze")) met OCR om \(verb("haar", "ze")) mee te tellen)"
        case .blankPages:
            return "\(pages) \(verb("is", "zijn")) leeg"
        case .undecodableImages:
            let unread = n.count ?? 0, total = n.total ?? 0
            let of = total == 1 ? "de afbeelding" : "\(count(unread)) van de \(count(total)) afbeeldingen"
            return "\(of) in \(file(n.form)) \(unread == 1 ? "kon" : "konden") niet worden gedecodeerd voor OCR (een tekenformaat zoals EMF?) en \(unread == 1 ? "telt" : "tellen") niet mee"
        case .imagesReadByOCR:
            let c = n.count ?? 0
            return "\(c == 1 ? "de afbeelding" : "de \(count(c)) afbeeldingen") in \(file(n.form)) \(c == 1 ? "is" : "zijn") met OCR gelezen (\(n.engine ?? "OCR"); gemiddelde woordzekerheid \(n.confidence ?? 0)); controleer een steekproef van de tekst"
        case .noSignalWords:
            return "geen signaalwoorden gevonden: de aandelen zijn leeg, niet 0 (controleer of dit een plan in het sociaal domein is, en het lexicon en de matching)"
        case .fewSignalWords:
            let c = n.count ?? 0
            return "slechts \(counted(c, ("signaalwoord", "signaalwoorden"), ("signal word", "signal words"))): de aandelen zijn instabiel (één woord verschuift een aandeel met \(number(c > 0 ? 100.0 / Double(c) : 0)) procentpunt)"
        case .notInManifest:
            return "\(n.form ?? "") staat niet in \(n.manifest ?? "het manifest"): gescoord als een eigen plan '\(n.name ?? "")' zonder categorie, regio of provincie (voeg een rij toe aan het manifest)"
        case .noFileScored:
            return "\(n.form ?? ""): geen enkel bestand kon worden gescoord, dus het plan ontbreekt in de tabellen (zie de fouten)"
        case .someFilesFailed:
            return "\(count(n.count ?? 0)) van de \(counted(n.total ?? 0, ("bestand", "bestanden"), ("file", "files"))) \(n.count == 1 ? "kon" : "konden") niet worden gescoord; de scores gaan alleen over de andere"
        case .charsetIsUTF8:
            return "de pagina noemt als tekenset \(n.form ?? ""), maar haar bytes zijn UTF-8; ze is als UTF-8 gelezen"
        case .charsetMismatch:
            return "de pagina noemt als tekenset \(n.form ?? ""), maar haar bytes passen daar niet bij; ze is gelezen als \(n.name ?? "")"
        case .unknownXML:
            return "een XML-bestand van een soort die sturing niet kent (hoofdelement <\(n.form ?? "?")>): alleen de tekst is gelezen, zonder tagnamen of metadata (controleer of het een plan is)"
        case .titlesOnly:
            let c = n.count ?? 0
            return "de Notubiz-export bevat alleen de titels en beschrijvingen van \(c == 1 ? "het document" : "de \(count(c)) documenten"), niet de tekst: alleen die tellen mee (download de documenten zelf om hun tekst te scoren)"
        case .invalidUTF8:
            return "bytes die geen geldige UTF-8 zijn, zijn vervangen door U+FFFD (controleer de codering van het bestand)"
        case .caseMismatch:
            return "\(n.manifest ?? "manifest") regel \(n.lines?.first ?? 0): '\(n.form ?? "")' kwam overeen met \(n.name ?? "") als hoofdletters niet tellen (verbeter de naam in het manifest)"
        case .sameFileTwice:
            return "\(n.manifest ?? "manifest") regel \(n.lines?.first ?? 0): \(n.form ?? "") is hetzelfde bestand als \(n.name ?? "") op regel \(n.lines?.last ?? 0); het wordt één keer gescoord, voor de eerste rij"
        case .conflictingRow:
            return "\(n.manifest ?? "manifest") regel \(n.lines?.first ?? 0): \(n.name ?? "") heeft een andere categorie, regio of provincie dan op een eerdere rij; de eerste rij geldt"
        case .linkNotFollowed:
            return "\(n.form ?? "") is een symbolische koppeling en wordt niet gevolgd (gebruik --follow-links om te lezen waar koppelingen naar wijzen)"
        case .notReadAsPlans:
            let shown = n.files ?? [], all = n.count ?? shown.count
            return "niet als plannen gelezen: \(shown.joined(separator: ", "))\(all > shown.count ? " en nog \(count(all - shown.count))" : "") (tabellen en instellingen: .csv, .tsv, .xlsx, .xls, .ods, .yaml; geef een manifest met --manifest, of exporteer een plan als PDF of tekst)"
        case .identicalFiles:
            return "identieke bestanden: \((n.files ?? []).joined(separator: ", ")) hebben dezelfde inhoud (sha256); elk wordt gescoord (een plan dat meerdere gemeenten delen?)"
        case .namedByMetadata:
            return "\(n.form ?? "") heeft geen rij in het manifest: het is het plan '\(n.name ?? "")', de gemeente die de metadata (\(n.manifest ?? "")) noemen (voeg een rij toe om het anders te noemen)"
        case .sameName:
            let renamed = (n.names ?? []).map { "'\($0)'" }.joined(separator: ", ")
            return "\((n.files ?? []).joined(separator: ", ")) zouden allemaal het plan '\(n.name ?? "")' zijn: \(renamed) \((n.names ?? []).count == 1 ? "wordt" : "worden") als eigen plan gescoord (hetzelfde plan in twee formaten? houd één bestand, of geef elk een rij in het manifest)"
        case .overlap:
            return "'\(n.form ?? "")' telt voor meer dan één perspectief (\((n.perspectives ?? []).joined(separator: ", "))): \(count(n.count ?? 0))×"
        }
    }

    /// "het Word-document" / "het OpenDocument-bestand", from the notice's English kind of file.
    private func file(_ english: String?) -> String {
        switch english {
        case "Word document": "het Word-document"
        case "OpenDocument file": "het OpenDocument-bestand"
        default: "het bestand"
        }
    }
}
