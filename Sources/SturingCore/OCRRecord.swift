/// Which pages of a document were read by OCR, why, how sure the engine was, and with what
/// engine and language data: the provenance of every OCR'd word.
public struct OCRRecord: Sendable, Codable, Equatable {
    /// Why a page was read by OCR.
    public enum Reason: String, Sendable, Codable {
        /// The page had no text layer but an image (a scan).
        case noTextLayer = "no_text_layer"
        /// The page's text layer held no readable words (a broken font encoding).
        case unreadableTextLayer = "unreadable_text_layer"
        /// `--ocr always`.
        case always
    }

    /// One page read by OCR.
    public struct Page: Sendable, Codable, Equatable {
        /// The page number (1-based).
        public var page: Int
        /// Tesseract's mean word confidence (0...100).
        public var confidence: Int
        /// Why it was read by OCR.
        public var reason: Reason

        /// Creates a page record.
        public init(page: Int, confidence: Int, reason: Reason) {
            self.page = page
            self.confidence = confidence
            self.reason = reason
        }
    }

    /// The engine, its version, language data and resolution ("tesseract 5.3.0, nld, 300 dpi").
    public var engine: String
    /// The pages, in order.
    public var pages: [Page]

    /// Creates a record.
    public init(engine: String, pages: [Page]) {
        self.engine = engine
        self.pages = pages
    }

    /// The mean of the pages' confidences.
    public var meanConfidence: Int { pages.isEmpty ? 0 : pages.reduce(0) { $0 + $1.confidence } / pages.count }
}
