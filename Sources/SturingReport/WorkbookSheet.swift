/// One sheet of a workbook: its name, columns and rows, the rows made one at a time as the
/// writer asks for them (the terms sheet of a large run has a row per plan and term).
public struct WorkbookSheet {
    /// The sheet's name (at most 31 characters, as Excel allows).
    public var name: String
    /// The columns (header, width, kind of value).
    public var columns: [TableColumn]
    /// How many rows follow the header.
    public var count: Int
    /// The rows, in order; each has one cell per column.
    public var rows: () -> AnyIterator<[TableCell]>

    /// A sheet whose rows `rows` makes on demand.
    public init(name: String, columns: [TableColumn], count: Int, rows: @escaping () -> AnyIterator<[TableCell]>) {
        self.name = name
        self.columns = columns
        self.count = count
        self.rows = rows
    }

    /// A sheet of rows held in memory.
    public init(name: String, columns: [TableColumn], rows: [[TableCell]]) {
        self.init(name: name, columns: columns, count: rows.count) { AnyIterator(rows.makeIterator()) }
    }
}
