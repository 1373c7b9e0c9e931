import Foundation

/// How CSV files are written: the default (comma, decimal point, no BOM, English headers) or
/// Dutch Excel (semicolon, decimal comma, UTF-8 with BOM, so a double click opens it correctly,
/// and Dutch headers in scores.csv and errors.csv).
public enum CSVDialect: String, Sendable, CaseIterable {
    /// Comma-separated, decimal point.
    case standard
    /// Semicolon-separated, decimal comma, UTF-8 BOM.
    case excelNL = "excel-nl"

    /// The language of scores.csv's and errors.csv's headers and of their "yes"/"no" values.
    public var headerLanguage: Language { self == .excelNL ? .dutch : .english }

    /// A number with up to 4 decimals in this dialect's notation.
    public func number(_ d: Double) -> String {
        let s = JSONValue.format(d)
        return self == .excelNL ? Labels.decimalComma(s) : s
    }

    /// The CSV text of `rows`.
    public func write(_ rows: [[String]]) -> String {
        switch self {
        case .standard: CSVText.write(rows)
        case .excelNL: "\u{FEFF}" + CSVText.write(rows, delimiter: ";")
        }
    }
}
