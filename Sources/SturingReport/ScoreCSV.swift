import CSV
import Foundation
import SturingAnalysis
import SturingCore

/// CSV output of `sturing score`: one row per file (failed files have an error and empty numbers).
public enum ScoreCSV {
    /// The header row (the default dialect's).
    public static var header: [String] { header(.english) }

    /// The header row in `language` (Dutch with `--csv-dialect excel-nl`, as scores.csv of analyze).
    public static func header(_ language: Language) -> [String] {
        let nl = language == .dutch
        func each(_ en: String, _ dutch: String) -> [String] { Perspective.allCases.map { "\($0.code)_\(nl ? dutch : en)" } }
        return (nl ? ["bestand", "tokens", "paginas", "signaalwoorden"] : ["file", "tokens", "pages", "signal_words"])
            + each("count", "aantal") + each("share", "aandeel") + each("per_10k", "per_10k") + each("log_ratio", "logratio")
            + Perspective.allCases.flatMap { nl ? ["\($0.code)_aandeel_laag", "\($0.code)_aandeel_hoog"] : ["\($0.code)_share_low", "\($0.code)_share_high"] }
            + (nl ? ["sha256", "waarschuwingen", "fout"] : ["sha256", "warnings", "error"])
    }

    /// Renders scores then failures as CSV text; `intervals` (from `score --bootstrap`) fill the
    /// share interval columns, in the order of `scores`.
    public static func render(scores: [DocumentScore], failures: [FileFailure], dialect: CSVDialect = .standard,
                              intervals: [Bootstrap.PlanIntervals]? = nil) -> String {
        let header = Self.header(dialect.headerLanguage)
        var rows = [header]
        for (index, s) in scores.enumerated() {
            var row = [s.file, "\(s.tokens)", s.pages.map(String.init) ?? "", "\(s.totalSignalWords)"]
            row += Perspective.allCases.map { "\(s.perspectives[$0]?.count ?? 0)" }
            row += Perspective.allCases.map { s.perspectives[$0]?.share.map { dialect.number($0) } ?? "" }
            row += Perspective.allCases.map { dialect.number(s.perspectives[$0]?.per10kTokens ?? 0) }
            row += Perspective.allCases.map { dialect.number(CorpusReport.logRatio(s, $0)) }
            let b = intervals?[index]
            row += Perspective.allCases.flatMap { p in [b.map { dialect.number($0.shareLow[p.index]) } ?? "", b.map { dialect.number($0.shareHigh[p.index]) } ?? ""] }
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
