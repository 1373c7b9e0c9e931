import Foundation
import SturingCore

/// The key of a drawn coding sheet: for every row what was drawn (kind, perspective, term, file,
/// page, its position in the file) and what the tool found there. It is written into the run's
/// folder (`validation/key-…csv`), not beside the sheet, so a coder judges a sentence without
/// seeing what the tool found. `validate score` joins it back by id and refuses a sheet that
/// departs from it (a row moved to another perspective, an id added).
public struct SampleKey: Sendable {
    /// One drawn row.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var kind: CodingSheet.Kind
        public var perspective: Perspective?
        public var term: String
        public var file: String
        public var page: String
        /// The match's number among the counted matches of its file, or the sentence's number among its file's sentences (0-based).
        public var position: Int
        /// What the tool counted there.
        public var found: Set<Perspective>

        /// Creates an entry.
        public init(id: String, kind: CodingSheet.Kind, perspective: Perspective?, term: String, file: String, page: String,
                    position: Int, found: Set<Perspective>) {
            self.id = id; self.kind = kind; self.perspective = perspective; self.term = term; self.file = file; self.page = page
            self.position = position; self.found = found
        }
    }

    /// The key's columns.
    public static let columns = ["id", "kind", "perspective", "term", "file", "page", "position", "found", "run", "seed"]

    /// The run the sample was drawn from.
    public var run: String
    /// The seed it was drawn with.
    public var seed: UInt64
    /// The drawn rows, in sheet order.
    public var entries: [Entry]
    /// Where the key was read from ("" for one not read from a file).
    public var path: String = ""

    /// Creates a key.
    public init(run: String, seed: UInt64, entries: [Entry]) {
        self.run = run; self.seed = seed; self.entries = entries
    }

    /// The file name of the key of a sample drawn with `seed`, `matches` and `sentences`.
    public static func fileName(seed: UInt64, matches: Int, sentences: Int) -> String {
        "key-seed\(seed)-m\(matches)-s\(sentences).csv"
    }

    /// The rows of the key's CSV (header first).
    public var rows: [[String]] {
        [Self.columns] + entries.map {
            [$0.id, $0.kind.rawValue, $0.perspective?.code ?? "", $0.term, $0.file, $0.page, String($0.position),
             CodingSheet.format($0.found), run, String(seed)]
        }
    }

    /// Reads a key written by `validate sample`.
    public static func load(path: String) throws(SheetError) -> SampleKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheetError(file: path, line: 0, message: "cannot read the key (check the path)")
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let records = CSVScanner.records(text, delimiter: ",")
        guard let header = records.first, header == columns else {
            throw SheetError(file: path, line: 1, message: "not a key of `sturing validate sample` (its header is \(columns.joined(separator: ",")))")
        }
        var entries = [Entry](), run = "", seed: UInt64 = 0
        for (n, r) in records.enumerated().dropFirst() where r.count == columns.count {
            guard let kind = CodingSheet.Kind(rawValue: r[1]), let position = Int(r[6]), let s = UInt64(r[9]) else {
                throw SheetError(file: path, line: n + 1, message: "a damaged key row (draw the sample again)")
            }
            let found = Set(r[7].split(separator: "+").compactMap { Perspective(code: String($0)) })
            entries.append(Entry(id: r[0], kind: kind, perspective: Perspective(code: r[2]), term: r[3], file: r[4], page: r[5],
                                 position: position, found: found))
            run = r[8]; seed = s
        }
        var key = SampleKey(run: run, seed: seed, entries: entries)
        key.path = path
        return key
    }

    /// Checks that `sheet` is the sample this key describes (every row's id drawn, with the same
    /// kind, perspective, term and file), and fills in what the tool found. Rows the sheet lacks
    /// are not an error (they count as not coded).
    public func apply(to sheet: CodingSheet) throws(SheetError) -> CodingSheet {
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out = sheet
        for (i, row) in sheet.rows.enumerated() {
            func departs(_ what: String) -> SheetError {
                SheetError(file: sheet.path, line: row.line, message: "id \(row.id): \(what) (key \(path)); the sheet must keep the rows as they were drawn: draw a new sample instead of editing one")
            }
            guard let e = byID[row.id] else { throw departs("was not drawn in this sample") }
            if row.run != run { throw departs("comes from run '\(row.run)', the sample from '\(run)'") }
            if e.kind != row.kind { throw departs("kind \(row.kind.rawValue), but it was drawn as \(e.kind.rawValue)") }
            if e.perspective != row.perspective {
                throw departs("perspective \(row.perspective?.code ?? "none"), but it was drawn as \(e.perspective?.code ?? "none")")
            }
            if !row.term.isEmpty && e.term != row.term { throw departs("term '\(row.term)', but it was drawn as '\(e.term)'") }
            if !row.file.isEmpty && e.file != row.file { throw departs("file '\(row.file)', but it was drawn from '\(e.file)'") }
            out.rows[i].found = e.found
        }
        out.key = path
        return out
    }

    /// The key of `sheet`: `explicit` when given; otherwise a key with the sheet's run id in the
    /// `validation` folder of `runFolder`, of the run folder that holds the sheet (the sheet's
    /// folder or one of the two above it, with a run.json of that run), or beside the sheet. When
    /// several keys of the run fit, the one that holds most of the sheet's ids.
    public static func find(for sheet: CodingSheet, explicit: String?, runFolder: String?) throws(SheetError) -> SampleKey? {
        if let explicit { return try load(path: explicit) }
        guard let run = sheet.rows.first?.run else { return nil }
        var folders = [URL]()
        if let runFolder { folders.append(URL(fileURLWithPath: runFolder).appendingPathComponent("validation")) }
        // Absolute URLs: Foundation's string path functions fail on "." and "/".
        let sheetFolder = URL(fileURLWithPath: sheet.path).standardizedFileURL.deletingLastPathComponent()
        var dir = sheetFolder
        for _ in 0..<3 {
            if runID(of: dir.path) == run { folders.append(dir.appendingPathComponent("validation")) }
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { break }
            dir = up
        }
        folders.append(sheetFolder)
        let ids = Set(sheet.rows.map(\.id))
        var best: (key: SampleKey, overlap: Int)?
        var seen = Set<String>()
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.hasPrefix("key-") && name.hasSuffix(".csv") {
                let path = folder.appendingPathComponent(name).standardizedFileURL.path
                guard seen.insert(path).inserted, let key = try? load(path: path), key.run == run else { continue }
                let overlap = key.entries.filter { ids.contains($0.id) }.count
                if overlap > (best?.overlap ?? 0) { best = (key, overlap) }
            }
        }
        return best?.key
    }

    /// The run id in `folder`'s run.json, if it holds one.
    static func runID(of folder: String) -> String? {
        guard let data = FileManager.default.contents(atPath: URL(fileURLWithPath: folder).appendingPathComponent("run.json").path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["run_id"] as? String
    }
}

extension CodingSheet {
    /// Reads a sheet and joins its key (`SampleKey.find`): the key's `found` fills the sheet, and a
    /// sheet that departs from its key is refused. A sheet without a key is accepted only when it
    /// has its own `found` column (a sheet drawn with `--show-found`, or by sturing 0.2).
    public static func loadChecked(path: String, key: String? = nil, runFolder: String? = nil) throws(SheetError) -> CodingSheet {
        let sheet = try load(path: path)
        if let k = try SampleKey.find(for: sheet, explicit: key, runFolder: runFolder) { return try k.apply(to: sheet) }
        guard sheet.hasFoundColumn else {
            throw SheetError(file: path, line: 1, message: "no 'found' column and no key of run '\(sheet.rows.first?.run ?? "?")' found (what the tool found is in the run folder's validation/key-….csv: pass --run RUN_FOLDER or --key FILE)")
        }
        return sheet
    }
}
