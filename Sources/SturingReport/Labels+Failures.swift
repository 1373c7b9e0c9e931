import SturingCore

/// Why a file could not be scored, in a report's language. A failure with a reason
/// (`IngestError`) is worded from it; others (a manifest row, a folder, a scoring error, or a
/// failure read from a run before reasons were kept) keep their English sentence.
extension Labels {
    /// The failure's message in this language.
    public func failure(_ f: FileFailure) -> String {
        guard nl, let reason = f.reason else { return f.error }
        return readError(reason)
    }

    /// What to do with a file the reader could not finish, by what it is (`IngestError.repairAdvice`).
    private func repairAdvice(_ format: String) -> String {
        switch format {
        case "PDF": "een beschadigde of vijandige PDF kan de lezer bezighouden; herstel haar, bijvoorbeeld met `qpdf in.pdf uit.pdf`"
        case "Word file", "OpenDocument file": "open en bewaar het opnieuw in Word of LibreOffice, of exporteer het als PDF"
        case "web page": "bewaar de pagina opnieuw vanuit de browser, of druk haar af als PDF"
        default: "controleer het bestand, of zet het om naar PDF of platte tekst"
        }
    }

    /// "de PDF", "het Word-bestand", … (with its article) from the reader's English name of a format.
    private func format(_ english: String) -> String {
        switch english {
        case "PDF": "de PDF"
        case "Word file": "het Word-bestand"
        case "OpenDocument file": "het OpenDocument-bestand"
        case "web page": "de webpagina"
        default: "het bestand"
        }
    }

    /// What the file sniffer (SturingIngest's `FileSniffer`) says a file is, in Dutch; a
    /// description it does not give here stays as it is.
    func sniffed(_ english: String) -> String {
        switch english {
        case "a Word document (.docx)": "een Word-document (.docx)"
        case "an OpenDocument file (.odt)": "een OpenDocument-bestand (.odt)"
        case "a ZIP archive (.zip, .docx, .xlsx)": "een ZIP-archief (.zip, .docx, .xlsx)"
        case "an old Office document (.doc)": "een oud Office-document (.doc)"
        case "a PNG image": "een PNG-afbeelding"
        case "a JPEG image": "een JPEG-afbeelding"
        case "a GIF image": "een GIF-afbeelding"
        case "a TIFF image (a scan: run OCR)": "een TIFF-afbeelding (een scan: gebruik OCR)"
        case "a gzip archive": "een gzip-archief"
        case "a program (ELF)": "een programma (ELF)"
        case "an RTF document": "een RTF-document"
        case "an OpenDocument file that is not a text document (spreadsheet or presentation)":
            "een OpenDocument-bestand dat geen tekstdocument is (een rekenblad of presentatie)"
        case "a ZIP archive (unpack it; .docx and .odt plans are read directly)":
            "een ZIP-archief (pak het uit; plannen als .docx en .odt worden direct gelezen)"
        case "a password-protected Office document (ask for an open copy, or save it without a password)":
            "een Office-document met een wachtwoord (vraag om een open exemplaar, of bewaar het zonder wachtwoord)"
        case "an old Word document (.doc); convert it to .docx or PDF first, e.g. `libreoffice --headless --convert-to docx plan.doc`":
            "een oud Word-document (.doc); zet het eerst om naar .docx of PDF, bijvoorbeeld met `libreoffice --headless --convert-to docx plan.doc`"
        case "an RTF document; convert it to .docx or PDF first, e.g. `libreoffice --headless --convert-to docx plan.rtf`":
            "een RTF-document; zet het eerst om naar .docx of PDF, bijvoorbeeld met `libreoffice --headless --convert-to docx plan.rtf`"
        default: english
        }
    }

    /// `IngestError`'s message in Dutch; the parts that come from another program (poppler's
    /// detail, the helper's reason) stay as that program gave them.
    private func readError(_ e: IngestError) -> String {
        switch e {
        case .missing:
            return "bestand niet gevonden (controleer het pad, of de kolom file van het manifest)"
        case .directory:
            return "is een map (geef bestanden, of gebruik `sturing analyze MAP` voor een map)"
        case .symlinkLoop:
            return "lus van symbolische koppelingen (de koppeling wijst naar zichzelf terug; vervang haar door het echte bestand)"
        case .notRegularFile:
            return "geen gewoon bestand (een pipe, socket of apparaat; kopieer de inhoud eerst naar een bestand)"
        case .unreadable(let why):
            return "kan niet worden gelezen: \(why) (controleer de rechten van het bestand)"
        case .empty:
            return "leeg bestand, 0 bytes (het downloaden of exporteren is niet afgemaakt; haal het plan opnieuw op)"
        case .tooLarge(let bytes):
            return "het bestand is \(count(bytes / 1_048_576)) MB, meer dan de 1.024 MB die sturing leest (splits het, of zet het eerst om naar tekst)"
        case .binary(let kind):
            return kind.map { "binair bestand dat lijkt op \(sniffed($0)), geen PDF of tekst (exporteer het als PDF of platte tekst)" }
                ?? "binair bestand, geen PDF of tekst (exporteer het plan als PDF of platte tekst)"
        case .undecodable(let encoding):
            return "de tekst kon niet worden gedecodeerd (gelezen als \(encoding) zijn de meeste tekens stuurtekens of ongeldig; bewaar het als UTF-8-tekst)"
        case .encryptedPDF:
            return "de PDF is met een wachtwoord versleuteld (vraag de gemeente om een open exemplaar, of ontsleutel haar, bijvoorbeeld met `qpdf --decrypt --password=... in.pdf uit.pdf`)"
        case .damagedPDF(let detail):
            return "de PDF is beschadigd of onvolledig: \(detail) (download het plan opnieuw, of herstel het, bijvoorbeeld met `qpdf in.pdf uit.pdf`)"
        case .blankPDF(let pages):
            return "de PDF heeft \(counted(pages, ("pagina", "pagina's"), ("page", "pages"))), \(pages == 1 ? "leeg" : "allemaal leeg"): geen tekst en geen afbeeldingen (controleer of het bestand het plan is)"
        case .timedOut(let seconds, let what):
            return "gestopt na \(seconds) s: het lezen van \(format(what)) kwam \(seconds) s niet verder, of duurde langer dan de tijdslimiet (--file-timeout, plus \(IngestError.secondsPerPage) s per pagina en \(IngestError.secondsPerOCRPage) s per pagina die met OCR wordt gelezen) (\(repairAdvice(what)), of verhoog --file-timeout)"
        case .readerStopped(let signal, _):
            return "de lezer is op dit bestand onverwacht gestopt (signaal \(signal)) (\(repairAdvice("file")); meld het bestand als het opnieuw gebeurt)"
        case .outOfMemory(let limit):
            return "de lezer had meer nodig dan de geheugenlimiet van \(count(limit)) MB (resident geheugen) en werd gestopt (verhoog --file-memory, bijvoorbeeld --file-memory \(max(1024, limit * 2)); 0 betekent geen limiet)"
        case .ocrUnreadable(let pages, let confidence):
            return "\(pages == 1 ? "de pagina die" : "de \(count(pages)) pagina's die") met OCR \(pages == 1 ? "is" : "zijn") gelezen, \(pages == 1 ? "heeft" : "hebben") een gemiddelde woordzekerheid van \(confidence), onder de grens van \(IngestError.ocrConfidenceFloor): wat OCR vond is ruis, geen tekst, en telt niet mee (scan het plan opnieuw op 300 dpi, of vraag om een digitaal exemplaar)"
        case .noTextLayer(let pages):
            return "de PDF heeft \(counted(pages, ("pagina", "pagina's"), ("page", "pages"))) maar geen tekstlaag: een scan (lees haar met OCR: --ocr auto, de standaard, of --ocr always)"
        case .ocrFoundNothing(let pages):
            return "de PDF heeft \(counted(pages, ("gescande pagina", "gescande pagina's"), ("scanned page", "scanned pages"))) en OCR vond er geen woorden op (een lege of zeer slechte scan; scan haar opnieuw op 300 dpi)"
        case .needsConversion(let what):
            return sniffed(what)
        case .encryptedOffice:
            return "het Word- of OpenDocument-bestand is met een wachtwoord beveiligd (vraag om een open exemplaar, of bewaar het zonder wachtwoord)"
        case .damagedOffice(let detail):
            return "\(detail) (open en bewaar het opnieuw in Word of LibreOffice, of exporteer het als PDF)"
        case .helperUnavailable(let why):
            return why
        case .noWords:
            return "geen woorden gevonden in de tekst (het bestand bevat geen Nederlandse tekst; controleer of het het plan is)"
        }
    }
}
