/// The guard every CSV sturing writes puts before a cell that a spreadsheet would run as a
/// formula: a leading `'` (OWASP's advice for CSV injection). Reading a CSV back removes it again,
/// so a name such as `=HYPERLINK(…)` round-trips as it was written.
public enum FormulaGuard {
    /// The first scalars that make a spreadsheet treat a cell as a formula.
    public static let starts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `cell` without the guard that `Escape.csvField` added (a `'` before a formula start).
    public static func unguarded(_ cell: String) -> String {
        var scalars = cell.unicodeScalars.makeIterator()
        guard scalars.next() == "'", let second = scalars.next(), starts.contains(second) else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }
}
