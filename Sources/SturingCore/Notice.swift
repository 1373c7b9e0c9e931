/// A warning about one document with the values it is made of, so that a report can say it again
/// in its own language: its kind, its English sentence (what `warnings` holds and what English
/// outputs print) and, depending on the kind, the pages, counts, OCR engine and confidence, or
/// the word form it is about. Stored beside the warnings in the text cache, documents.jsonl and
/// scores.json; a warning without a notice (an older run's, or one not yet structured) keeps
/// its English sentence.
public struct Notice: Codable, Sendable, Equatable {
    /// What the notice is about (see the constructors).
    public enum Kind: String, Codable, Sendable {
        case damagedPages = "damaged-pages", ocrPages = "ocr-pages", garbledReadByOCR = "garbled-read-by-ocr"
        case ocrNoise = "ocr-noise", lowOCRConfidence = "low-ocr-confidence", unreadableTextLayer = "unreadable-text-layer"
        case scannedPages = "scanned-pages", blankPages = "blank-pages"
        case undecodableImages = "undecodable-images", imagesReadByOCR = "images-read-by-ocr"
        case noSignalWords = "no-signal-words", fewSignalWords = "few-signal-words", overlap
        case notInManifest = "not-in-manifest", noFileScored = "no-file-scored", someFilesFailed = "some-files-failed"
        case charsetIsUTF8 = "charset-is-utf8", charsetMismatch = "charset-mismatch", unknownXML = "unknown-xml"
        case titlesOnly = "titles-only", invalidUTF8 = "invalid-utf8"
        case caseMismatch = "case-mismatch", sameFileTwice = "same-file-twice", conflictingRow = "conflicting-row"
        case linkNotFollowed = "link-not-followed", notReadAsPlans = "not-read-as-plans", identicalFiles = "identical-files"
        case namedByMetadata = "named-by-metadata", sameName = "same-name"
    }

    /// The kind.
    public var kind: Kind
    /// The notice in English.
    public var message: String
    /// The pages it is about (1-based).
    public var pages: [Int]?
    /// A count: images, signal words or matches.
    public var count: Int?
    /// What `count` is out of (images in the file).
    public var total: Int?
    /// The OCR engine.
    public var engine: String?
    /// A confidence: the mean word confidence of OCR, or the threshold a page fell below.
    public var confidence: Int?
    /// The word form (overlap), the kind of file ("Word document", "OpenDocument file"), or the
    /// file or plan a run's notice is about.
    public var form: String?
    /// The plan a file became (not-in-manifest).
    public var name: String?
    /// The manifest (not-in-manifest and the manifest's own notices).
    public var manifest: String?
    /// Files it is about (identical files, files not read as plans, plans of one name).
    public var files: [String]?
    /// Manifest lines it is about: the row, and the earlier row it repeats.
    public var lines: [Int]?
    /// The names plans were given (plans of one name).
    public var names: [String]?
    /// The perspectives that claim the form (overlap).
    public var perspectives: [String]?

    /// A notice as stored (readers of scores.json); to make one, use the constructors below, which word it.
    public init(_ kind: Kind, _ message: String, pages: [Int]? = nil, count: Int? = nil, total: Int? = nil, engine: String? = nil,
         confidence: Int? = nil, form: String? = nil, name: String? = nil, manifest: String? = nil, perspectives: [String]? = nil,
                files: [String]? = nil, lines: [Int]? = nil, names: [String]? = nil) {
        self.kind = kind; self.message = message; self.pages = pages; self.count = count; self.total = total
        self.engine = engine; self.confidence = confidence; self.form = form; self.name = name; self.manifest = manifest
        self.perspectives = perspectives; self.files = files; self.lines = lines; self.names = names
    }

    /// "pages 1-4 were" / "page 3 was": the pages and the verb that agrees with them.
    private static func pages(_ pages: [Int], _ plural: String, _ singular: String) -> String {
        pages.count == 1 ? "page \(PageList.format(pages)) \(singular)" : "pages \(PageList.format(pages)) \(plural)"
    }

    /// "they are" / "it is", "their" / "its": the pronoun for `pages`.
    private static func they(_ pages: [Int], _ plural: String, _ singular: String) -> String { pages.count == 1 ? singular : plural }

    /// PDF pages whose page objects are damaged.
    public static func damagedPages(_ p: [Int]) -> Notice {
        Notice(.damagedPages, pages(p, "could not be read", "could not be read") + " (damaged page objects); \(they(p, "they are", "it is")) not counted (repair the file, e.g. `qpdf in.pdf out.pdf`)",
               pages: p)
    }

    /// Pages read by OCR, with the engine and the mean word confidence.
    public static func ocrPages(_ p: [Int], engine: String, confidence: Int) -> Notice {
        Notice(.ocrPages, pages(p, "were", "was") + " read by OCR (\(engine); mean word confidence \(confidence)); check a sample of \(they(p, "their", "its")) text",
               pages: p, engine: engine, confidence: confidence)
    }

    /// Pages whose text layer held no readable words, read by OCR instead.
    public static func garbledReadByOCR(_ p: [Int]) -> Notice {
        Notice(.garbledReadByOCR, pages(p, "had", "had") + " a text layer without readable words (a broken font encoding?); \(they(p, "they were", "it was")) read by OCR instead",
               pages: p)
    }

    /// Pages whose OCR confidence is below the floor under which OCR output is noise.
    public static func ocrNoise(_ p: [Int], floor: Int) -> Notice {
        Notice(.ocrNoise, pages(p, "were", "was") + " read by OCR with a confidence below \(floor): what OCR found there is noise, and it is not counted (a better scan helps)",
               pages: p, confidence: floor)
    }

    /// Pages whose OCR confidence is low.
    public static func lowOCRConfidence(_ p: [Int], below threshold: Int) -> Notice {
        Notice(.lowOCRConfidence, pages(p, "were", "was") + " read by OCR with a confidence below \(threshold): \(they(p, "their", "its")) words may be wrong (a better scan helps)",
               pages: p, confidence: threshold)
    }

    /// Pages whose text layer holds no readable words, counted as they are.
    public static func unreadableTextLayer(_ p: [Int]) -> Notice {
        Notice(.unreadableTextLayer, pages(p, "have", "has") + " a text layer without readable words (a broken font encoding?); \(they(p, "their", "its")) counts are not reliable (use --ocr auto to read \(they(p, "them", "it")) by OCR)",
               pages: p)
    }

    /// Pages that hold an image and no text.
    public static func scannedPages(_ p: [Int]) -> Notice {
        Notice(.scannedPages, pages(p, "hold", "holds") + " an image but no text (scanned?); \(they(p, "they are", "it is")) not counted (run OCR to include \(they(p, "them", "it")))",
               pages: p)
    }

    /// Blank pages.
    public static func blankPages(_ p: [Int]) -> Notice {
        Notice(.blankPages, pages(p, "are blank", "is blank"), pages: p)
    }

    /// Images of a Word or OpenDocument file that could not be decoded for OCR.
    public static func undecodableImages(_ unread: Int, of total: Int, in file: String) -> Notice {
        Notice(.undecodableImages, "\(unread) of the \(file)'s \(total) image\(total == 1 ? "" : "s") could not be decoded for OCR (a drawing format such as EMF?); \(unread == 1 ? "it is" : "they are") not counted",
               count: unread, total: total, form: file)
    }

    /// Images of a Word or OpenDocument file read by OCR.
    public static func imagesReadByOCR(_ count: Int, in file: String, engine: String, confidence: Int) -> Notice {
        Notice(.imagesReadByOCR, "the \(file)'s \(count) image\(count == 1 ? " was" : "s were") read by OCR (\(engine); mean word confidence \(confidence)); check a sample of \(count == 1 ? "its" : "their") text",
               count: count, engine: engine, confidence: confidence, form: file)
    }

    /// A document without signal words.
    public static var noSignalWords: Notice {
        Notice(.noSignalWords, "no signal words found: shares are null, not 0 (check that this is a social-domain plan, and the lexicon and match mode)")
    }

    /// A document with few signal words.
    public static func fewSignalWords(_ total: Int) -> Notice {
        Notice(.fewSignalWords, "only \(total) signal word\(total == 1 ? "" : "s"): shares are unstable (one word moves a share by \(String(format: "%.1f", 100.0 / Double(total))) points)",
               count: total)
    }

    /// A file of the corpus without a manifest row, scored as its own plan `plan`.
    public static func notInManifest(_ path: String, manifest: String, plan: String) -> Notice {
        Notice(.notInManifest, "\(path) is not in \(manifest): scored as its own plan '\(plan)' without category, region or province (add a row to the manifest)",
               form: path, name: plan, manifest: manifest)
    }

    /// A plan none of whose files could be scored.
    public static func noFileScored(_ plan: String) -> Notice {
        Notice(.noFileScored, "\(plan): no file could be scored, so it is left out of the tables (see errors)", form: plan)
    }

    /// A plan some of whose files could not be scored (a run's list says it after the plan's name).
    public static func someFilesFailed(_ failed: Int, of total: Int) -> Notice {
        Notice(.someFilesFailed, "\(failed) of \(total) files failed; the scores cover the other files only", count: failed, total: total)
    }

    /// A web page that declares a charset (`form`) while its bytes are UTF-8.
    public static func charsetIsUTF8(declared: String) -> Notice {
        Notice(.charsetIsUTF8, "the page declares the charset \(declared), but its bytes are UTF-8; it was read as UTF-8", form: declared)
    }

    /// A web page whose bytes are not in the charset it declares (`form`), read as `used` (`name`);
    /// `valid` words the case where they are not even valid in it.
    public static func charsetMismatch(declared: String, used: String, valid: Bool = false) -> Notice {
        Notice(.charsetMismatch, "the page declares the charset \(declared), but its bytes are not \(valid ? "valid " : "")\(declared); it was read as \(used)",
               form: declared, name: used)
    }

    /// An XML file of an unknown kind (its root element in `form`), read as text only.
    public static func unknownXML(root: String) -> Notice {
        Notice(.unknownXML, "an XML file of a kind sturing does not know (root element <\(root)>): only its text is read, without tag names or metadata (check that it is a plan)",
               form: root)
    }

    /// A council-data export that holds only the titles and descriptions of its `count` documents.
    public static func titlesOnly(_ count: Int) -> Notice {
        Notice(.titlesOnly, "the Notubiz export holds only the titles and descriptions of its \(count) document\(count == 1 ? "" : "s"), not their text: only those are counted (download the documents themselves to score their text)",
               count: count)
    }

    /// A text whose invalid UTF-8 bytes were replaced.
    public static var invalidUTF8: Notice {
        Notice(.invalidUTF8, "bytes that are not valid UTF-8 were replaced by U+FFFD (check the file's encoding)")
    }

    /// A manifest row whose file name matched a file only when case is ignored.
    public static func caseMismatch(manifest: String, line: Int, file: String, matched: String) -> Notice {
        Notice(.caseMismatch, "\(manifest) line \(line): '\(file)' matched \(matched) when case is ignored (correct the name in the manifest)",
               form: file, name: matched, manifest: manifest, lines: [line])
    }

    /// A manifest row that names the same file as an earlier row.
    public static func sameFileTwice(manifest: String, line: Int, file: String, first: String, firstLine: Int) -> Notice {
        Notice(.sameFileTwice, "\(manifest) line \(line): \(file) is the same file as \(first) on line \(firstLine); it is scored once, for the first row",
               form: file, name: first, manifest: manifest, lines: [line, firstLine])
    }

    /// A manifest row that gives a plan other fields than an earlier row.
    public static func conflictingRow(manifest: String, line: Int, plan: String) -> Notice {
        Notice(.conflictingRow, "\(manifest) line \(line): \(plan) has other category/region/province than on an earlier row; the first row is used",
               name: plan, manifest: manifest, lines: [line])
    }

    /// A symbolic link in the corpus folder, not followed.
    public static func linkNotFollowed(_ path: String) -> Notice {
        Notice(.linkNotFollowed, "\(path) is a symbolic link and is not followed (use --follow-links to read what links point to)", form: path)
    }

    /// Tables and settings files in the corpus folder, not read as plans (`shown` named, `count` in all).
    public static func notReadAsPlans(_ shown: [String], of count: Int) -> Notice {
        Notice(.notReadAsPlans, "not read as plans: \(shown.joined(separator: ", "))\(count > shown.count ? " and \(count - shown.count) more" : "") (tables and settings files: .csv, .tsv, .xlsx, .xls, .ods, .yaml; give a manifest with --manifest, export a plan as PDF or text)",
               count: count, files: shown)
    }

    /// Files with the same content.
    public static func identicalFiles(_ files: [String]) -> Notice {
        Notice(.identicalFiles, "identical files: \(files.joined(separator: ", ")) have the same content (sha256); each is scored (a plan shared by several municipalities?)",
               files: files)
    }

    /// A file without a manifest row that its metadata (`source`) names as municipality `plan`.
    public static func namedByMetadata(_ file: String, plan: String, source: String) -> Notice {
        Notice(.namedByMetadata, "\(file) has no manifest row: it is the plan '\(plan)', the municipality its \(source) metadata names (add a manifest row to name it otherwise)",
               form: file, name: plan, manifest: source)
    }

    /// Files that would all be the plan `plan`; `renamed` are scored as plans of their own.
    public static func sameName(_ files: [String], plan: String, renamed: [String]) -> Notice {
        Notice(.sameName, "\(files.joined(separator: ", ")) would all be the plan '\(plan)': \(renamed.map { "'\($0)'" }.joined(separator: ", ")) are scored as plans of their own (the same plan in two formats? keep one file, or give each a manifest row)",
               name: plan, files: files, names: renamed)
    }

    /// A form that counts for more than one perspective.
    public static func overlap(_ form: String, claimedBy: [String], count: Int) -> Notice {
        Notice(.overlap, "'\(form)' counts for more than one perspective (\(claimedBy.joined(separator: ", "))): \(count)x",
               count: count, form: form, perspectives: claimedBy)
    }
}
