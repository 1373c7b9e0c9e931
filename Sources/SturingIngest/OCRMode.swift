/// When the pages of a PDF are read by OCR (Tesseract, in the `sturing-extract` helper).
public enum OCRMode: String, Sendable, CaseIterable {
    /// Pages with no text layer that hold an image (a scan), and pages whose text layer has no readable words.
    case auto
    /// Every page.
    case always
    /// No page: a scan is an error that says to run OCR.
    case never
}
