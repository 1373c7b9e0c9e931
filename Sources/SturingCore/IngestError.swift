import Foundation

/// Why a file could not be read; each message says what the user can do about it.
public enum IngestError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The path does not exist.
    case missing
    /// The path is a directory.
    case directory
    /// The path is a symbolic link that points (indirectly) to itself.
    case symlinkLoop
    /// The path is a FIFO, socket or device.
    case notRegularFile
    /// The file could not be opened or read.
    case unreadable(String)
    /// The file has zero bytes.
    case empty
    /// The file is larger than the tool reads.
    case tooLarge(Int)
    /// The bytes are no text and no PDF; `kind` names what they look like, when known.
    case binary(kind: String?)
    /// The text decodes to mostly control or replacement characters.
    case undecodable(encoding: String)
    /// The PDF needs a password.
    case encryptedPDF
    /// poppler could not parse the PDF.
    case damagedPDF(String)
    /// The PDF has pages but no text layer on any of them; none of them holds an image either.
    case blankPDF(pages: Int)
    /// The PDF has pages but no text layer on any of them.
    case noTextLayer(pages: Int)
    /// Reading the file took longer than its time limit, or made no progress for that long; the
    /// reader was stopped. `format` names what the file is ("PDF", "Word file"), for the advice.
    case timedOut(seconds: Int, format: String)
    /// The reader process stopped on this file by itself (a crash).
    case readerStopped(signal: Int32, memoryLimitMB: Int)
    /// The reader needed more resident memory than the limit and was stopped.
    case outOfMemory(limitMB: Int)
    /// Every page read by OCR came out below the confidence floor: noise, not text.
    case ocrUnreadable(pages: Int, confidence: Int)
    /// The document has no letter words at all after cleaning.
    case noWords
    /// Every page of the PDF was read by OCR and none held a word.
    case ocrFoundNothing(pages: Int)
    /// A format to convert first (legacy .doc, .rtf); the text says how.
    case needsConversion(String)
    /// A password-protected Word or OpenDocument file.
    case encryptedOffice
    /// A Word or OpenDocument file that cannot be read.
    case damagedOffice(String)
    /// The `sturing-extract` helper that reads PDFs, web pages and Word files cannot run; the
    /// text says why and what to do.
    case helperUnavailable(String)

    /// Seconds the time limit grows for each page that is read by OCR.
    public static let secondsPerOCRPage = 30
    /// Seconds the time limit grows for each page of a file (a long PDF takes its time).
    public static let secondsPerPage = 1

    /// Pages read by OCR with a mean word confidence below this are not counted (their text is
    /// noise: a blank, speckled or photographed page).
    public static let ocrConfidenceFloor = 30

    /// What to do with a file the reader could not finish, by what it is.
    static func repairAdvice(_ format: String) -> String {
        switch format {
        case "PDF": "a damaged or hostile PDF can keep the reader busy; repair it, e.g. `qpdf in.pdf out.pdf`"
        case "Word file", "OpenDocument file": "open and save it again in Word or LibreOffice, or export it as PDF"
        case "web page": "save the page again from the browser, or print it to PDF"
        default: "check the file, or convert it to PDF or plain text"
        }
    }

    public var description: String {
        switch self {
        case .missing:
            "file not found (check the path, or the manifest's file column)"
        case .directory:
            "is a directory (give files, or use `sturing analyze DIR` for a folder)"
        case .symlinkLoop:
            "symbolic link loop (the link points back to itself; replace it with the real file)"
        case .notRegularFile:
            "not a regular file (a pipe, socket or device; copy the content to a file first)"
        case .unreadable(let why):
            "cannot be read: \(why) (check the file's permissions)"
        case .empty:
            "empty file, 0 bytes (the download or export did not complete; fetch the plan again)"
        case .tooLarge(let bytes):
            "file is \(bytes / 1_048_576) MB, more than the 1024 MB this tool reads (split it, or convert it to text first)"
        case .binary(let kind):
            if let kind {
                "binary file that looks like \(kind), not PDF or text (export it as PDF or plain text)"
            } else {
                "binary file, not PDF or text (export the plan as PDF or plain text)"
            }
        case .undecodable(let encoding):
            "text could not be decoded (read as \(encoding), most characters are control or invalid characters; save it as UTF-8 text)"
        case .encryptedPDF:
            "PDF is encrypted with a password (ask the municipality for an open copy, or decrypt it, e.g. `qpdf --decrypt --password=... in.pdf out.pdf`)"
        case .damagedPDF(let detail):
            "PDF is damaged or truncated: \(detail) (download the plan again, or repair it, e.g. `qpdf in.pdf out.pdf`)"
        case .blankPDF(let pages):
            "PDF has \(pages) page(s), all blank: no text and no images (check that the file is the plan)"
        case .timedOut(let seconds, let format):
            "gestopt na \(seconds) s: reading the \(format) made no progress for \(seconds) s, or took longer than its time limit (--file-timeout, plus \(Self.secondsPerPage) s a page and \(Self.secondsPerOCRPage) s for each page read by OCR) (\(Self.repairAdvice(format)), or raise --file-timeout)"
        case .readerStopped(let signal, _):
            "the reader crashed on this file (signal \(signal)) (\(Self.repairAdvice("file")); if it happens again, report the file)"
        case .outOfMemory(let limit):
            "the reader needed more than the memory limit of \(limit) MB (resident memory) and was stopped (raise --file-memory, e.g. --file-memory \(max(1024, limit * 2)); 0 sets no limit)"
        case .ocrUnreadable(let pages, let confidence):
            "the \(pages) page(s) read by OCR came out with a mean word confidence of \(confidence), below the floor of \(Self.ocrConfidenceFloor): what OCR found is noise, not text, and is not counted (scan the plan again at 300 dpi, or ask for a digital copy)"
        case .noTextLayer(let pages):
            "PDF has \(pages) page(s) but no text layer: a scan (read it by OCR with --ocr auto, the default, or --ocr always)"
        case .ocrFoundNothing(let pages):
            "PDF has \(pages) scanned page(s) and OCR found no words on them (an empty or very poor scan; scan it again at 300 dpi)"
        case .needsConversion(let what):
            "\(what)"
        case .encryptedOffice:
            "the Word or OpenDocument file is protected with a password (ask for an open copy, or save it without a password)"
        case .damagedOffice(let detail):
            "\(detail) (open and save it again in Word or LibreOffice, or export it as PDF)"
        case .helperUnavailable(let why):
            "\(why)"
        case .noWords:
            "no words found in the text (the file holds no Dutch text; check that it is the plan)"
        }
    }
}
