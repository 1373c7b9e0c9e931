import CXLSXWriter
import Foundation
import SturingAnalysis
import SturingCore

/// Writes scores.xlsx through libxlsxwriter: one sheet per table (`ScoreWorkbookSheets`), a bold
/// and frozen header row, column widths, numbers as number cells with a display format, and text
/// always as string cells.
///
/// The formula guard of the workbook: a string cell is never a formula, whatever it starts with
/// (= + - @), so a municipality named `=HYPERLINK("x")` is shown exactly as written and labels
/// such as "100.000-" are never read as numbers or dates. The CSVs need `FormulaGuard`'s leading
/// `'` for this; the workbook writes no formula cells at all, so it adds nothing to the text.
public enum ScoreWorkbook {
    /// The rows a sheet holds in Excel, the header included; a longer table goes on in "NAME 2", ...
    public static let maxRows = 1_048_576
    /// The characters a cell holds in Excel; longer text is cut with "…".
    public static let maxCellCharacters = 32_767

    /// Writes the workbook of `input` (the report's `selection`, headers in `language`) to `path`,
    /// atomically.
    public static func write(_ input: CorpusReportInput, language: Language, to path: String) throws(AtomicFileError) {
        try write(ScoreWorkbookSheets.sheets(input, language: language), language: language, to: path)
    }

    /// Writes `sheets` to `path`, atomically: libxlsxwriter writes a temporary file beside it,
    /// which is renamed over `path` when the workbook is complete.
    public static func write(_ sheets: [WorkbookSheet], language: Language, to path: String) throws(AtomicFileError) {
        try AtomicFile.write(to: path) { (temp) throws(AtomicFileError) in
            if let problem = writeWorkbook(sheets, language: language, to: temp) {
                throw AtomicFileError(path: path, reason: problem, advice: "free disk space or choose another path")
            }
        }
    }

    /// Writes the workbook at `path`; what went wrong, or nil.
    static func writeWorkbook(_ sheets: [WorkbookSheet], language: Language, to path: String) -> String? {
        // Constant memory: each row goes to a temporary file as it is written (a terms sheet can
        // have a million rows); strings are then stored in the cells themselves.
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let workbook = path.withCString({ workbook_new_opt($0, &options) }) else { return "the workbook cannot be created" }
        let header = workbook_add_format(workbook)
        format_set_bold(header)
        var decimalFormats = [Int: UnsafeMutablePointer<lxw_format>]()
        func numberFormat(_ kind: TableColumn.Kind) -> UnsafeMutablePointer<lxw_format>? {
            guard case .decimal(let places) = kind else { return nil }
            if let f = decimalFormats[places] { return f }
            let f = workbook_add_format(workbook)
            format_set_num_format(f, places == 0 ? "0" : "0." + String(repeating: "0", count: places))
            decimalFormats[places] = f
            return f
        }
        var failure: String?
        func check(_ error: lxw_error) {
            if error != LXW_NO_ERROR, failure == nil { failure = String(cString: lxw_strerror(error)) }
        }
        for sheet in sheets {
            let iterator = sheet.rows()
            let perSheet = maxRows - 1
            let parts = max(1, (sheet.count + perSheet - 1) / perSheet)
            for part in 1...parts {
                let name = part == 1 ? sheet.name : "\(sheet.name) \(part)"
                guard let worksheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
                    failure = failure ?? "the sheet \(name) cannot be added"
                    break
                }
                worksheet_freeze_panes(worksheet, 1, 0)
                let formats = sheet.columns.map { numberFormat($0.kind) }
                for (c, column) in sheet.columns.enumerated() {
                    check(worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), column.width, nil))
                    check(cellText(column.name(language)).withCString { worksheet_write_string(worksheet, 0, lxw_col_t(c), $0, header) })
                }
                var row: lxw_row_t = 1
                while Int(row) <= perSheet, let cells = iterator.next() {
                    for (c, cell) in cells.enumerated() {
                        let col = lxw_col_t(c)
                        switch cell {
                        case .empty: break
                        case .text(let s) where s.isEmpty: break
                        case .text(let s): check(cellText(s).withCString { worksheet_write_string(worksheet, row, col, $0, nil) })
                        case .integer(let n): check(worksheet_write_number(worksheet, row, col, Double(n), nil))
                        case .number(let d) where d.isFinite: check(worksheet_write_number(worksheet, row, col, d, c < formats.count ? formats[c] : nil))
                        case .number: break
                        }
                    }
                    row += 1
                }
            }
        }
        let closed = workbook_close(workbook)
        if failure == nil, closed != LXW_NO_ERROR { failure = String(cString: lxw_strerror(closed)) }
        return failure
    }

    /// Text as a cell holds it: control characters other than tab and line feed (which XML cannot
    /// carry) become U+FFFD, and text past Excel's 32,767 characters is cut with "…".
    public static func cellText(_ s: String) -> String {
        // Excel counts UTF-16 units; a cut text keeps room for its "…".
        let limit = s.utf16.count > maxCellCharacters ? maxCellCharacters - 1 : Int.max
        var scalars = String.UnicodeScalarView()
        var count = 0
        for scalar in s.unicodeScalars {
            count += scalar.value > 0xFFFF ? 2 : 1
            if count > limit {
                scalars.append("…")
                break
            }
            let control = scalar.value < 0x20 && scalar != "\t" && scalar != "\n"
            scalars.append(control ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }
}
