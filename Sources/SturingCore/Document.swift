/// A policy plan after ingestion and cleaning: its text per page and what was done to it.
public struct Document: Sendable, Codable, Equatable {
    /// What kind of file the text came from.
    public enum Kind: String, Sendable, Codable {
        /// A PDF read through poppler.
        case pdf
        /// A plain-text file.
        case text
    }

    /// The path as given by the user.
    public var file: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// PDF or text.
    public var kind: Kind
    /// The detected text encoding (text files) or "pdf".
    public var encoding: String
    /// Cleaned text of each page; a text file without form feeds is one page.
    public var pages: [String]
    /// True when the file has real pages (a PDF, or text with form feeds between pages).
    public var hasPages: Bool
    /// Non-fatal problems found while reading (e.g. pages without text), in English.
    public var warnings: [String]
    /// The warnings that have values a report can word again in its own language (`Notice`);
    /// each notice's message is also in `warnings`.
    public var notices: [Notice] = []
    /// What cleaning changed, so a count can be explained.
    public var cleaning: CleaningReport
    /// The pages read by OCR (nil: none).
    public var ocr: OCRRecord?
    /// What the document says about itself (title, municipality, date, identifier), when its
    /// format has such fields (government XML, council-data JSON).
    public var metadata: DocumentMetadata?

    /// Creates a document.
    public init(file: String, sha256: String, kind: Kind, encoding: String, pages: [String], hasPages: Bool,
                warnings: [String] = [], cleaning: CleaningReport = CleaningReport(), ocr: OCRRecord? = nil,
                metadata: DocumentMetadata? = nil, notices: [Notice] = []) {
        self.notices = notices
        self.ocr = ocr
        self.metadata = metadata
        self.file = file
        self.sha256 = sha256
        self.kind = kind
        self.encoding = encoding
        self.pages = pages
        self.hasPages = hasPages
        self.warnings = warnings
        self.cleaning = cleaning
    }
}

/// Counts of what the cleaning step changed in a document.
public struct CleaningReport: Sendable, Codable, Equatable {
    /// Words hyphenated at a line end that were joined ("beleids-\nplan" → "beleidsplan").
    public var hyphenationsJoined: Int
    /// Line-end hyphens that were kept ("WWB-\nbestand" → "WWB-bestand", "zorg-\nen").
    public var hyphensKept: Int
    /// Running header/footer/page-number lines removed.
    public var repeatedLinesRemoved: Int
    /// The distinct running lines that were removed (as they first appeared).
    public var repeatedLines: [String]
    /// Soft hyphens (U+00AD) removed.
    public var softHyphensRemoved: Int

    /// Creates an empty report.
    public init(hyphenationsJoined: Int = 0, hyphensKept: Int = 0, repeatedLinesRemoved: Int = 0,
                repeatedLines: [String] = [], softHyphensRemoved: Int = 0) {
        self.hyphenationsJoined = hyphenationsJoined
        self.hyphensKept = hyphensKept
        self.repeatedLinesRemoved = repeatedLinesRemoved
        self.repeatedLines = repeatedLines
        self.softHyphensRemoved = softHyphensRemoved
    }

    enum CodingKeys: String, CodingKey {
        case hyphenationsJoined = "hyphenations_joined"
        case hyphensKept = "hyphens_kept"
        case repeatedLinesRemoved = "repeated_lines_removed"
        case repeatedLines = "repeated_lines"
        case softHyphensRemoved = "soft_hyphens_removed"
    }
}
