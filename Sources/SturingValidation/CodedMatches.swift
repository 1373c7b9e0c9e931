import Foundation
import SturingCore

/// One coded match to learn from: where it stands, what it is, its context features and whether
/// it signals its perspective.
public struct CodedMatch: Sendable, Equatable {
    /// The document it comes from (folds are split by it).
    public var document: String
    /// The perspective it is counted for.
    public var perspective: Perspective
    /// The lexicon term.
    public var term: String
    /// The matched form.
    public var form: String
    /// Its context features (`ContextFeatures`).
    public var features: [String]
    /// Coded 1: it signals its perspective.
    public var signals: Bool
    /// Creates a coded match.
    public init(document: String, perspective: Perspective, term: String, form: String, features: [String], signals: Bool) {
        self.document = document; self.perspective = perspective; self.term = term; self.form = form
        self.features = features; self.signals = signals
    }
}

/// Reads coded matches from sheets of two shapes: a sheet `sturing validate sample` drew (match
/// rows with `left`, `match`, `right`, document `file`) and a sheet of features without text
/// (columns `left2 left1 right1 right2 bag_left bag_right`, document `source_url` or
/// `source_file`), as in `data/coded/`. Rows coded 1 or 0 are used; unclear and empty codes are
/// left out and counted.
public enum CodedMatches {
    /// What one sheet gave.
    public struct Loaded: Sendable {
        /// The usable rows.
        public var matches: [CodedMatch]
        /// Rows coded unclear or not coded, left out.
        public var skipped: Int
        /// The sheet's record for a model's provenance.
        public var source: ContextModel.Source
    }

    /// Reads one sheet; every problem names the file and line.
    public static func load(path: String) throws(SheetError) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheetError(file: path, line: 0, message: "cannot read the sheet (check the path)")
        }
        let (records, index) = try CSVScanner.table(String(decoding: data, as: UTF8.self), path: path)
        let featureSheet = index["bag_left"] != nil
        let needed = featureSheet ? ["perspective", "term", "form", "left1", "right1", "bag_left", "bag_right", "code"]
                                  : ["kind", "perspective", "term", "form", "left", "right", "file", "code"]
        for column in needed where index[column] == nil {
            throw SheetError(file: path, line: 1, message: "no '\(column)' column: a sheet to learn from is one `sturing validate sample` drew (coded), or a sheet of features as in data/coded/ (see its README)")
        }
        let documentColumn = featureSheet ? (["source_file", "source_url", "file", "municipality"].first { index[$0] != nil }) : "file"
        guard let documentColumn else {
            throw SheetError(file: path, line: 1, message: "no column that names the document (source_file, source_url, file or municipality): folds are split by document")
        }
        var matches = [CodedMatch](), skipped = 0
        for (n, record) in records.enumerated().dropFirst() {
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func field(_ name: String) -> String {
                guard let i = index[name], i < record.count else { return "" }
                return FormulaGuard.unguarded(record[i].trimmingCharacters(in: .whitespaces))
            }
            if !featureSheet && field("kind").lowercased() != "match" { continue }
            let code = field("code").lowercased()
            guard code == "1" || code == "0" else {
                if code.isEmpty || CodingSheet.unclearCodes.contains(code) { skipped += 1; continue }
                throw SheetError(file: path, line: n + 1, message: "code '\(field("code"))' is not 1, 0 or unclear (?)")
            }
            guard let perspective = Perspective(code: field("perspective")) else {
                throw SheetError(file: path, line: n + 1, message: "perspective '\(field("perspective"))' is not PA, NPM, NPG or SR")
            }
            let form = field("form").isEmpty ? field("match") : field("form")
            let features: [String]
            if featureSheet {
                let bag = (field("bag_left") + " " + field("bag_right")).split(separator: " ").map(String.init)
                features = ContextFeatures.of(form: form, left1: field("left1"), left2: field("left2"), right1: field("right1"),
                                              right2: field("right2"), bag: bag)
            } else {
                features = ContextFeatures.of(form: form, left: ContextFeatures.words(field("left")), right: ContextFeatures.words(field("right")))
            }
            matches.append(CodedMatch(document: field(documentColumn), perspective: perspective, term: field("term").lowercased(),
                                      form: form.lowercased(), features: features, signals: code == "1"))
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return Loaded(matches: matches, skipped: skipped, source: .init(file: name, sha256: SHA256Hex.digest(data), rows: matches.count))
    }
}
