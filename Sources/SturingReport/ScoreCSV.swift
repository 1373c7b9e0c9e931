import CSV
import Foundation
import SturingCore

/// CSV output of `sturing score`: one row per file (failed files have an error and empty numbers).
public enum ScoreCSV {
    /// The header row.
    public static var header: [String] {
        ["file", "tokens", "pages", "signal_words"]
            + Perspective.allCases.map { "\($0.code)_count" }
            + Perspective.allCases.map { "\($0.code)_share" }
            + Perspective.allCases.map { "\($0.code)_per_10k" }
            + ["sha256", "warnings", "error"]
    }

    /// Renders scores then failures as CSV text.
    public static func render(scores: [DocumentScore], failures: [FileFailure], dialect: CSVDialect = .standard) -> String {
        var rows = [header]
        for s in scores {
            var row = [s.file, "\(s.tokens)", s.pages.map(String.init) ?? "", "\(s.totalSignalWords)"]
            row += Perspective.allCases.map { "\(s.perspectives[$0]?.count ?? 0)" }
            row += Perspective.allCases.map { s.perspectives[$0]?.share.map { dialect.number($0) } ?? "" }
            row += Perspective.allCases.map { dialect.number(s.perspectives[$0]?.per10kTokens ?? 0) }
            row += [s.sha256, s.warnings.joined(separator: " | "), ""]
            rows.append(row)
        }
        for f in failures {
            rows.append([f.file] + Array(repeating: "", count: header.count - 3) + ["", f.error])
        }
        return dialect.write(rows)
    }
}

/// Writes CSV text. Fields go through `Escape.csvField` (scalar-based quoting and formula
/// neutralising); the CSV library's writer is not used because it decides quoting per
/// `Character`, which a combining mark after a quote or delimiter defeats.
public enum CSVText {
    /// The CSV text of `rows` ("\n" line ends, ending with one).
    public static func write(_ rows: [[String]], delimiter: UnicodeScalar = ",") -> String {
        var out = ""
        let separator = String(delimiter)
        for row in rows {
            out += row.map { Escape.csvField($0, delimiter: delimiter) }.joined(separator: separator)
            out += "\n"
        }
        return out
    }
}
