import Foundation
import SturingAnalysis
import SturingCore

/// Reads a table of shares for `rank` and `select`: analyze's scores.csv, or any CSV with a
/// municipality column and share columns PA, NPM, NPG, SR (or PA_share, ...), plus optional
/// category, region and province (such as appendix G of Nijdam 2019), and `signal_words` (the
/// count the shares rest on, which decides whether a row is ranked). Checks the data.
public enum ShareTableReader {
    /// The rows and what the checks found.
    public struct Table: Sendable {
        /// Usable rows in file order.
        public var rows: [ShareRow]
        /// Data problems: rows not adding up to 100 ± 0.5, duplicates, missing values.
        public var warnings: [String]
    }

    /// How far a row's shares may be from 100 before it is flagged.
    public static let tolerance = 0.5

    /// Reads the table at `path`.
    public static func load(path: String) throws(ManifestError) -> Table {
        try parse(try CSVRecords.text(path: path), path: path)
    }

    /// Parses table text.
    public static func parse(_ raw: String, path: String) throws(ManifestError) -> Table {
        let records = try CSVRecords.parse(raw, path: path)
        guard let header = records.first?.map({ $0.lowercased() }) else { throw ManifestError(file: path, message: "the table is empty") }
        func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
        func column(field: String) -> Int? { header.firstIndex { Manifest.field($0) == field } }
        guard let nameColumn = column(field: "municipality") else {
            throw ManifestError(file: path, message: "no 'municipality' column (the table needs municipality and PA, NPM, NPG, SR share columns)")
        }
        var shareColumns = [Int]()
        for p in Perspective.allCases {
            let code = p.code.lowercased()
            guard let c = column([code, "\(code)_share", "\(code)_aandeel", "\(code)_percent"]) else {
                throw ManifestError(file: path, message: "no share column for \(p.code) (name it \(p.code) or \(p.code)_share)")
            }
            shareColumns.append(c)
        }
        let category = column(field: "category"), region = column(field: "region"), province = column(field: "province")
        let signalWords = column(["signal_words", "signaalwoorden"])
        var rows = [ShareRow](), warnings = [String]()
        var seen = [String: Int]()
        for (i, r) in records.enumerated().dropFirst() {
            let line = i + 1
            if r.allSatisfy(\.isEmpty) { continue }
            func field(_ c: Int?) -> String? { c.flatMap { $0 < r.count && !r[$0].isEmpty ? FormulaGuard.unguarded(r[$0]) : nil } }
            guard let name = field(nameColumn) else {
                warnings.append("line \(line): no municipality; row skipped")
                continue
            }
            let values = shareColumns.map { c in field(c).flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) } }
            let missing = zip(Perspective.allCases, values).filter { $0.1 == nil }.map(\.0.code)
            if !missing.isEmpty {
                warnings.append("line \(line): \(name) has no value for \(missing.joined(separator: ", ")); left out")
                continue
            }
            let profile = ShareProfile(values.map { $0! })
            if abs(profile.total - 100) > tolerance {
                warnings.append("line \(line): \(name)'s shares add up to \(String(format: "%.1f", profile.total)), not 100 (check the source)")
            }
            if let first = seen[name.lowercased()] {
                warnings.append("line \(line): \(name) appears twice (first on line \(first)); the rows are kept as two plans (give each its own name)")
            }
            seen[name.lowercased()] = line
            var count: Int?
            if let text = field(signalWords) {
                guard let n = Int(text), n >= 0 else {
                    warnings.append("line \(line): \(name)'s signal_words '\(text)' is not a count; left out")
                    continue
                }
                count = n
            }
            rows.append(ShareRow(municipality: name, category: field(category), region: field(region)?.lowercased(),
                                 province: field(province), profile: profile, signalWords: count))
        }
        return Table(rows: rows, warnings: warnings)
    }
}

