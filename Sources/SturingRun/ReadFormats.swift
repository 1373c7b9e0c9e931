/// The formats sturing reads, named once for the help texts.
public enum ReadFormats {
    /// Every format read, as the help texts name them.
    public static let list = "PDF (scans by OCR), text, Markdown, web page (HTML), Word .docx, OpenDocument .odt, "
        + "XML of CVDR, BWB, officielebekendmakingen or rechtspraak, Open Raadsinformatie or Notubiz JSON"
}
