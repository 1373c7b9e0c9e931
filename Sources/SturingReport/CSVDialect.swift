import Foundation

/// How CSV files are written: the default (comma, decimal point, no BOM) or Dutch Excel
/// (semicolon, decimal comma, UTF-8 with BOM, so a double click opens it correctly).
public enum CSVDialect: String, Sendable, CaseIterable {
    /// Comma-separated, decimal point.
    case standard
    /// Semicolon-separated, decimal comma, UTF-8 BOM.
    case excelNL = "excel-nl"

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
