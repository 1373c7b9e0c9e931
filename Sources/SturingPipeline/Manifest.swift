import Foundation
import SturingCore

/// The manifest of a corpus: which file belongs to which municipality, with its groups.
///
/// CSV with a header, comma or semicolon separated, UTF-8 with or without BOM (Windows-1252 is
/// read too, as older Excel versions write it). Columns: `file`, `municipality` (required) and
/// `category`, `region`, `province`, `title`, `year`, `plan_type` (Dutch names such as `bestand`,
/// `gemeente`, `categorie`, `regio`, `provincie` are accepted). Rows with the same municipality are
/// one plan.
public struct Manifest: Sendable {
    /// One usable row.
    public struct Row: Sendable, Equatable {
        /// 1-based line of the row in the file.
        public var line: Int
        /// The file as written in the manifest.
        public var file: String
        /// The plan metadata of this row (files holds just this row's file).
        public var plan: Plan
    }

    /// A problem with one row (the row is skipped) or with the whole manifest.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// 1-based line, 0 for the whole file.
        public var line: Int
        /// What is wrong and what to do.
        public var message: String
        public var description: String { line > 0 ? "line \(line): \(message)" : message }
    }

    /// The manifest path.
    public var path: String
    /// Usable rows in file order.
    public var rows: [Row]
    /// Rows that were skipped, with the reason.
    public var problems: [Problem]
    /// Non-fatal remarks (ignored columns, conflicting metadata).
    public var warnings: [String]

    /// Allowed size classes.
    public static let categories = ["G4", "100.000+", "100.000-"]
    /// Allowed regions.
    public static let regions = ["noord", "oost", "zuid", "west"]

    static let aliases: [String: String] = [
        "file": "file", "bestand": "file", "path": "file", "pad": "file",
        "municipality": "municipality", "gemeente": "municipality",
        "category": "category", "categorie": "category", "size": "category", "grootte": "category",
        "region": "region", "regio": "region", "landsdeel": "region",
        "province": "province", "provincie": "province",
        "title": "title", "titel": "title",
        "year": "year", "jaar": "year",
        "plan_type": "plan_type", "plantype": "plan_type", "type": "plan_type", "soort": "plan_type",
    ]

    /// The field a column name stands for, in any of its spellings ("Gemeente" → "municipality",
    /// "plan type" → "plan_type"); nil for a name that is none. Used by the manifest, share tables
    /// and `keyness --target FIELD=VALUE` alike.
    public static func field(_ name: String) -> String? {
        aliases[name.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")]
    }

    /// `plan`'s value of `field` (a name `field(_:)` returns), nil when it has none.
    public static func value(_ field: String, of plan: Plan) -> String? {
        switch field {
        case "municipality": plan.municipality
        case "category": plan.category
        case "region": plan.region
        case "province": plan.province
        case "title": plan.title
        case "year": plan.year
        case "plan_type": plan.planType
        default: nil
        }
    }

    /// Reads a manifest; throws a `ManifestError` when the file as a whole is unusable.
    public static func load(path: String) throws(ManifestError) -> Manifest {
        try parse(try CSVRecords.text(path: path), path: path)
    }

    /// Parses manifest text.
    public static func parse(_ raw: String, path: String) throws(ManifestError) -> Manifest {
        let records = try CSVRecords.parse(raw, path: path)
        guard let header = records.first else {
            throw ManifestError(file: path, message: "the manifest is empty (add a header line: file,municipality,category,region,province)")
        }
        var columns = [String: Int]()
        var warnings = [String]()
        for (i, name) in header.enumerated() {
            if let canonical = field(name) {
                if columns[canonical] == nil { columns[canonical] = i }
            } else if !name.trimmingCharacters(in: .whitespaces).isEmpty {
                warnings.append("column '\(name)' is not used (known columns: file, municipality, category, region, province, title, year, plan_type)")
            }
        }
        guard let fileColumn = columns["file"], let nameColumn = columns["municipality"] else {
            throw ManifestError(file: path, message: "the header needs the columns 'file' and 'municipality' (found: \(header.joined(separator: ", ")))")
        }
        var rows = [Row](), problems = [Problem]()
        var seenFiles = [String: Int]()
        for (index, record) in records.enumerated().dropFirst() {
            let line = index + 1
            if record.allSatisfy({ $0.isEmpty }) { continue }
            func field(_ key: String) -> String? {
                guard let c = columns[key], c < record.count else { return nil }
                let v = record[c].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            if record.count < header.count && record.count <= max(fileColumn, nameColumn) {
                problems.append(Problem(line: line, message: "\(record.count) field(s), the header has \(header.count) (check the separator and quotes)"))
                continue
            }
            guard let file = field("file") else {
                problems.append(Problem(line: line, message: "no file name (fill in the file column or delete the row)"))
                continue
            }
            guard let municipality = field("municipality") else {
                problems.append(Problem(line: line, message: "no municipality for \(file) (fill in the municipality column)"))
                continue
            }
            var category = field("category")
            if let c = category {
                guard let known = categories.first(where: { $0.caseInsensitiveCompare(c.replacingOccurrences(of: " ", with: "")) == .orderedSame }) else {
                    problems.append(Problem(line: line, message: "unknown category '\(c)' (use \(categories.joined(separator: ", ")) or leave it empty)"))
                    continue
                }
                category = known
            }
            var region = field("region")
            if let r = region {
                guard regions.contains(r.lowercased()) else {
                    problems.append(Problem(line: line, message: "unknown region '\(r)' (use \(regions.joined(separator: ", ")) or leave it empty)"))
                    continue
                }
                region = r.lowercased()
            }
            if let first = seenFiles[file] {
                problems.append(Problem(line: line, message: "\(file) is listed twice (first on line \(first)); delete one row"))
                continue
            }
            seenFiles[file] = line
            let plan = Plan(municipality: municipality, category: category, region: region, province: field("province"),
                            title: field("title"), year: field("year"), planType: field("plan_type"), files: [file])
            rows.append(Row(line: line, file: file, plan: plan))
        }
        return Manifest(path: path, rows: rows, problems: problems, warnings: warnings)
    }
}

/// A manifest that cannot be used at all (exit code 2).
public struct ManifestError: UserError, Sendable, Equatable {
    /// The manifest path.
    public var file: String
    /// What is wrong and what to do.
    public var message: String
    public var description: String { "\(file): \(message)" }
}
