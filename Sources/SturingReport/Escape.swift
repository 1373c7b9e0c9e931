import SturingCore

/// The one escaping function per output format. Every string a user controls (file names,
/// manifest fields, lexicon terms, text snippets) passes through one of these on its way out.
/// They work on Unicode scalars, never on `Character`s: a quote followed by a combining mark
/// (`"` U+0301) is one `Character` that is not `"`, but it is still the scalar `"`.
public enum Escape {
    /// HTML text and attribute values (double- or single-quoted): `& < > " '` become entities;
    /// C0/C1 control characters other than tab and line feed become U+FFFD.
    public static func html(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if let entity = entity(scalar, quotes: true) {
                out.append(contentsOf: entity.unicodeScalars)
            } else if scalar == "\t" || scalar == "\n" {
                out.append(scalar)
            } else {
                out.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    /// A CSV field: a cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
    /// `@`, tab or CR, and not a plain number) gets a leading `'` (OWASP, CSV injection); a field
    /// with the delimiter, a quote, CR or LF is quoted, with quotes doubled.
    public static func csvField(_ s: String, delimiter: Unicode.Scalar = ",") -> String {
        var field = s
        if let first = s.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(s) {
            field = "'" + s
        }
        let needsQuotes = field.unicodeScalars.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in field.unicodeScalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }

    /// Markdown text, in a table cell, a list item or a heading: HTML-significant characters become
    /// entities (no raw `<` ever), Markdown punctuation is backslash-escaped (so a `|` cannot split
    /// a cell and a backtick cannot open a code span), and line breaks and control characters are
    /// shown as `\u{…}` so a row never splits.
    public static func markdown(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if let entity = entity(scalar, quotes: false) {
                out.append(contentsOf: entity.unicodeScalars)
            } else if markdownPunctuation.contains(scalar) {
                out.append("\\")
                out.append(scalar)
            } else {
                appendVisible(scalar, to: &out)
            }
        }
        return String(out)
    }

    /// Text for the terminal: control characters (ESC, BEL, CR, LF, tab, C1), line and paragraph
    /// separators and bidirectional overrides are shown as `\u{…}`, so a name cannot move the
    /// cursor, ring the bell, recolour the screen or split a line.
    public static func terminal(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) || isLineBreakOrBidi($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { appendVisible(scalar, to: &out) }
        return String(out)
    }

    /// A multi-line text for the terminal (`sturing text`, CSV printed to a terminal): like
    /// `terminal`, but line feeds, form feeds, carriage returns before a line feed and tabs stay as
    /// they are, so the text keeps its lines while no escape sequence reaches the terminal.
    public static func terminalText(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (isControl($0) && !layout.contains($0)) || isLineBreakOrBidi($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if layout.contains(scalar) { out.append(scalar) } else { appendVisible(scalar, to: &out) }
        }
        return String(out)
    }

    /// The control characters that lay out a multi-line text.
    static let layout: Set<Unicode.Scalar> = ["\n", "\t", "\u{0C}", "\r"]

    /// The HTML entity of `&`, `<`, `>` (and with `quotes` of `"` and `'`), or nil.
    static func entity(_ s: Unicode.Scalar, quotes: Bool) -> String? {
        switch s {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"" where quotes: "&quot;"
        case "'" where quotes: "&#39;"
        default: nil
        }
    }

    /// Markdown's punctuation, escaped with a backslash.
    static let markdownPunctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "(", ")", "{", "}"]

    /// Appends `s`, or `\u{…}` for a control character (tab included), a line separator or a
    /// bidirectional control: what no line of a table or a terminal may hold raw.
    static func appendVisible(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if isControl(s) || isLineBreakOrBidi(s) { out.append(contentsOf: visible(s).unicodeScalars) } else { out.append(s) }
    }

    /// The first scalars that make a spreadsheet treat a cell as a formula.
    static var formulaStarts: Set<Unicode.Scalar> { FormulaGuard.starts }

    /// C0 controls (tab and line feed included), DEL and C1 controls.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0)
    }

    /// Line/paragraph separators and bidirectional embedding, override and isolate controls.
    static func isLineBreakOrBidi(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// `\u{1B}` for a scalar.
    static func visible(_ s: Unicode.Scalar) -> String {
        "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
    }

    /// True for a plain decimal number ("-0.5", "12,3"): such a cell is data, not a formula.
    static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0, separators = 0
        for (i, b) in s.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "-") where i == 0: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","): separators += 1
            default: return false
            }
        }
        return digits > 0 && separators <= 1
    }
}
