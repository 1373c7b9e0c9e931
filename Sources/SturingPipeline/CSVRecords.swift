import CSV
import SturingIngest

/// Reads CSV files as Excel writes them: UTF-8 with or without BOM (or Windows-1252), comma or
/// semicolon separated (whichever the header line uses more), fields trimmed.
enum CSVRecords {
    /// The text of the file at `path`, with its encoding detected.
    static func text(path: String) throws(ManifestError) -> String {
        let bytes: [UInt8]
        do { bytes = try DocumentReader.readBytes(path: path) } catch {
            throw ManifestError(file: path, message: error.description)
        }
        do { return try TextDecoder.decode(bytes).text } catch {
            throw ManifestError(file: path, message: "not readable as text: \(error.description)")
        }
    }

    /// The records of CSV text (the header is the first record).
    static func parse(_ raw: String, path: String) throws(ManifestError) -> [[String]] {
        let text = raw.hasPrefix("\u{FEFF}") ? String(raw.dropFirst()) : raw
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: UnicodeScalar = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var records = [[String]]()
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: true, delimiter: delimiter)
            while let row = reader.next() { records.append(row) }
        } catch {
            throw ManifestError(file: path, message: "not a readable CSV file: \(error) (save it as CSV, comma or semicolon separated)")
        }
        return records
    }
}
