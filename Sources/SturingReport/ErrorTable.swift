/// The table of files that could not be read or scored: errors.csv and the workbook's "Fouten" sheet.
public enum ErrorTable {
    /// The columns, in order.
    public static let columns = [
        TableColumn("file", "bestand", width: 50, nl: "Het bestand (of de regel van manifest.csv) dat niet gelezen of gescoord kon worden.",
                    en: "The file (or manifest.csv line) that could not be read or scored."),
        TableColumn("error", "fout", width: 80, nl: "Wat er misging, en wat eraan te doen is.", en: "What went wrong, and what to do about it."),
    ]

    /// The header in `language`.
    public static func header(_ language: Language) -> [String] { columns.map { $0.name(language) } }
}
