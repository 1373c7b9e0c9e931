import Foundation
import SturingCore

/// A coding sheet: matches and sentences drawn from a run, coded by a person. Read from CSV as a
/// spreadsheet saves it (comma or semicolon, with or without BOM, CRLF or LF, columns in any order).
/// The sheet is blind: what the tool found in a sentence is kept in the sample's key
/// (`SampleKey`), not in the sheet, unless it was drawn with `--show-found` (then it is the last
/// column).
public struct CodingSheet: Sendable {
    /// What a row is.
    public enum Kind: String, Sendable {
        /// A counted occurrence: does it signal its perspective?
        case match
        /// A random sentence: which perspectives does it express?
        case sentence
    }

    /// One row.
    public struct Row: Sendable, Equatable {
        public var id: String
        public var kind: Kind
        public var perspective: Perspective?
        public var term: String
        public var form: String
        public var municipality: String
        public var file: String
        public var page: String
        public var left: String
        public var match: String
        public var right: String
        /// The perspectives the tool counted in the match or sentence (from the key, or a `found` column).
        public var found: Set<Perspective>
        /// The code as written (empty when not coded yet).
        public var code: String
        public var coder: String
        public var note: String
        /// The run the row was drawn from.
        public var run: String
        /// The line in the sheet (1-based).
        public var line: Int

        /// Creates a row.
        public init(id: String, kind: Kind, perspective: Perspective?, term: String = "", form: String = "", municipality: String = "",
                    file: String = "", page: String = "", left: String = "", match: String = "", right: String = "",
                    found: Set<Perspective> = [], code: String = "", coder: String = "", note: String = "", run: String = "", line: Int = 0) {
            self.id = id; self.kind = kind; self.perspective = perspective; self.term = term; self.form = form
            self.municipality = municipality; self.file = file; self.page = page; self.left = left; self.match = match
            self.right = right; self.found = found; self.code = code; self.coder = coder; self.note = note; self.run = run; self.line = line
        }
    }

    /// The columns of a blind sheet, in the order `sturing validate sample` writes them; with
    /// `--show-found`, `found` follows them.
    public static let columns = ["id", "kind", "perspective", "term", "form", "municipality", "file", "page",
                                 "left", "match", "right", "code", "coder", "note", "run"]

    /// The columns scoring cannot do without (`found` may come from the key instead).
    public static let required = ["id", "kind", "perspective", "code", "run"]

    /// The codes for "unclear" (the context does not decide the sense).
    public static let unclearCodes: Set<String> = ["?", "onduidelijk", "unclear", "twijfel"]

    /// The sheet's path.
    public var path: String
    /// Its rows in file order.
    public var rows: [Row]
    /// True when the sheet has a `found` column (drawn with `--show-found`, or by sturing 0.2).
    public var hasFoundColumn: Bool = false
    /// The key the sheet was checked against and its `found` taken from (nil: none was found).
    public var key: String?

    /// The header of a sheet, blind or with `found` last.
    public static func header(showFound: Bool) -> [String] { showFound ? columns + ["found"] : columns }

    /// The cells of one row, in `header(showFound:)` order.
    public static func cells(_ r: Row, showFound: Bool = false) -> [String] {
        let cells = [r.id, r.kind.rawValue, r.perspective?.code ?? "", r.term, r.form, r.municipality, r.file, r.page,
                     r.left, r.match, r.right, r.code, r.coder, r.note, r.run]
        return showFound ? cells + [format(r.found)] : cells
    }

    /// Perspectives `+`-joined in the fixed order ("PA+SR"), or "" for none.
    public static func format(_ set: Set<Perspective>) -> String {
        Perspective.allCases.filter(set.contains).map(\.code).joined(separator: "+")
    }

    /// Reads a sheet; every problem names the row.
    public static func load(path: String) throws(SheetError) -> CodingSheet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheetError(file: path, line: 0, message: "cannot read the sheet (check the path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        return try parse(text, path: path)
    }

    /// Parses sheet text.
    public static func parse(_ raw: String, path: String) throws(SheetError) -> CodingSheet {
        let (records, index) = try CSVScanner.table(raw, path: path)
        for required in Self.required where index[required] == nil {
            throw SheetError(file: path, line: 1, message: "no '\(required)' column (a sheet needs the columns id, kind, perspective, code and run as `sturing validate sample` wrote them; draw the sheet again or restore the column)")
        }
        var rows = [Row](), seen = [String: Int]()
        for (n, record) in records.enumerated().dropFirst() {
            let line = n + 1
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func field(_ name: String) -> String {
                guard let i = index[name], i < record.count else { return "" }
                return FormulaGuard.unguarded(record[i].trimmingCharacters(in: .whitespaces))
            }
            let id = field("id")
            guard !id.isEmpty else { throw SheetError(file: path, line: line, message: "a row without an id (do not add rows; keep the ids as written)") }
            if let first = seen[id] { throw SheetError(file: path, line: line, message: "id \(id) appears twice (first on line \(first)); keep one row per id") }
            seen[id] = line
            guard let kind = Kind(rawValue: field("kind").lowercased()) else {
                throw SheetError(file: path, line: line, message: "id \(id): kind '\(field("kind"))' is not 'match' or 'sentence'")
            }
            let perspective = Perspective(code: field("perspective"))
            if kind == .match && perspective == nil {
                throw SheetError(file: path, line: line, message: "id \(id): a match row needs its perspective (PA, NPM, NPG or SR)")
            }
            if field("run").isEmpty {
                throw SheetError(file: path, line: line, message: "id \(id): no run id (keep the 'run' column as it was written: it ties the sheet to its run)")
            }
            var found = Set<Perspective>()
            for part in field("found").split(whereSeparator: { $0 == "+" || $0 == "," || $0 == " " }) {
                guard let p = Perspective(code: String(part)) else {
                    throw SheetError(file: path, line: line, message: "id \(id): found '\(field("found"))' holds '\(part)', not a perspective")
                }
                found.insert(p)
            }
            rows.append(Row(id: id, kind: kind, perspective: perspective, term: field("term"), form: field("form"),
                            municipality: field("municipality"), file: field("file"), page: field("page"), left: field("left"),
                            match: field("match"), right: field("right"), found: found, code: field("code"),
                            coder: field("coder"), note: field("note"), run: field("run"), line: line))
        }
        var sheet = CodingSheet(path: path, rows: rows)
        sheet.hasFoundColumn = index["found"] != nil
        return sheet
    }
}

/// A coding sheet that cannot be used: the file, the row and what to fix.
public struct SheetError: UserError, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// A small RFC 4180 reader on Unicode scalars: quoted fields, doubled quotes, separators and line
/// breaks (LF, CRLF, CR) inside quotes.
enum CSVScanner {
    /// A sheet's records as a spreadsheet saved them (BOM dropped; `;` or `,`, whichever the
    /// header holds more of) and its header's columns by lower-case name (the first of a repeated
    /// name). Throws for an empty sheet.
    static func table(_ raw: String, path: String) throws(SheetError) -> (records: [[String]], index: [String: Int]) {
        var text = raw
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: Unicode.Scalar = firstLine.unicodeScalars.filter { $0 == ";" }.count > firstLine.unicodeScalars.filter { $0 == "," }.count ? ";" : ","
        let records = records(text, delimiter: delimiter)
        guard let header = records.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw SheetError(file: path, line: 1, message: "the sheet is empty")
        }
        var index = [String: Int]()
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        return (records, index)
    }

    static func records(_ text: String, delimiter: Unicode.Scalar) -> [[String]] {
        var records = [[String]](), record = [String](), field = String.UnicodeScalarView()
        var quoted = false, atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                quoted = true; atFieldStart = false
            case delimiter:
                record.append(String(field)); field = .init(); atFieldStart = true
            case "\r", "\n":
                if c == "\r", let n = next(), n != "\n" { pending = n }
                record.append(String(field)); records.append(record); record = []; field = .init(); atFieldStart = true
            default:
                field.append(c); atFieldStart = false
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(String(field)); records.append(record) }
        return records
    }
}
