/// One column of a table sturing writes as CSV and in scores.xlsx: its name in both languages,
/// what it holds (for the workbook's "Toelichting" sheet) and how its values are written.
public struct TableColumn: Sendable, Equatable {
    /// How the column's values are written in the workbook.
    public enum Kind: Sendable, Equatable {
        /// Text, always a string cell (names, labels such as "100.000-", years).
        case text
        /// Whole numbers (counts, ranks).
        case integer
        /// Decimal numbers, shown with this many decimals (the stored value is not rounded).
        case decimal(Int)
    }

    /// The English name (scores.csv's default header).
    public var english: String
    /// The Dutch name (headers with `--csv-dialect excel-nl` and the Dutch workbook).
    public var dutch: String
    /// What the column holds, in Dutch.
    public var explanationNL: String
    /// What the column holds, in English.
    public var explanationEN: String
    /// How its values are written.
    public var kind: Kind
    /// The column width in the workbook (in characters).
    public var width: Double

    /// Creates a column.
    public init(_ english: String, _ dutch: String, _ kind: Kind = .text, width: Double = 12, nl: String, en: String) {
        self.english = english
        self.dutch = dutch
        self.kind = kind
        self.width = width
        explanationNL = nl
        explanationEN = en
    }

    /// The name in `language`.
    public func name(_ language: Language) -> String { language == .dutch ? dutch : english }

    /// The explanation in `language`.
    public func explanation(_ language: Language) -> String { language == .dutch ? explanationNL : explanationEN }
}

/// One value in a table: written as text in a CSV (in the dialect's notation) and as a typed
/// cell in the workbook.
public enum TableCell: Sendable, Equatable {
    /// No value.
    case empty
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A decimal number.
    case number(Double)

    /// The cell as CSV text in `dialect` (numbers with up to 4 decimals, as elsewhere).
    public func csv(_ dialect: CSVDialect) -> String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .integer(let n): "\(n)"
        case .number(let d): dialect.number(d)
        }
    }
}
