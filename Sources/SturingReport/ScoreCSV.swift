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

/// Writes rows as RFC 4180 CSV through CSV.swift.
public enum CSVText {
    /// The CSV text of `rows` (comma-separated, quoted where needed, "\n" line ends).
    public static func write(_ rows: [[String]], delimiter: UnicodeScalar = ",") -> String {
        let stream = OutputStream(toMemory: ())
        guard let writer = try? CSVWriter(stream: stream, delimiter: String(delimiter), newline: .lf) else { return "" }
        for row in rows { try? writer.write(row: row) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
