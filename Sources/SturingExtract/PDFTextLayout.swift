import CPoppler
import Foundation

/// Separates text runs that poppler writes together although it places them apart: two words of
/// one line (table cells side by side, runs at another height or in another font) with no space
/// between them in `poppler_page_get_text` ("regelingDe"). Within one of poppler's words the
/// character boxes touch exactly (each box ends where the next begins, at the same height), so
/// two characters whose boxes do not are in different words, and a space goes between them.
/// Glued runs without a case change ("zorgde") are not looked for: finding them would need the
/// layout of every page (it doubled the time of text extraction).
public enum PDFTextLayout {
    /// The page's text with a space between glued words; the text itself when the layout does
    /// not match it character for character. The layout is asked for only on pages where a
    /// lowercase letter runs straight into a capital ("regelingDe"), the mark of glued runs, so
    /// other pages cost nothing more.
    static func separated(_ text: String, page: OpaquePointer) -> String {
        guard hasCaseJoin(text) else { return text }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &count) != 0, let rects else { return text }
        defer { g_free(rects) }
        return separated(text, boxes: UnsafeBufferPointer(start: rects, count: Int(count)).map { ($0.x1, $0.y1, $0.x2, $0.y2) })
    }

    /// True when a lowercase letter is followed directly by an uppercase one somewhere in `text`.
    public static func hasCaseJoin(_ text: String) -> Bool {
        var previousLower = false
        for s in text.unicodeScalars {
            if s.value < 0x80 {
                let upper = s.value >= 0x41 && s.value <= 0x5A
                if upper && previousLower { return true }
                previousLower = s.value >= 0x61 && s.value <= 0x7A
            } else {
                let p = s.properties
                if p.isUppercase && previousLower { return true }
                previousLower = p.isLowercase
            }
        }
        return false
    }

    /// `separated` with the character boxes given (x1, y1, x2, y2; one per Unicode scalar).
    public static func separated(_ text: String, boxes: [(Double, Double, Double, Double)]) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count == boxes.count else { return text }
        var out = String.UnicodeScalarView()
        var previous: (Double, Double, Double, Double)?
        for (scalar, box) in zip(scalars, boxes) {
            if scalar.properties.isWhitespace {
                previous = nil
            } else {
                if let p = previous, !touches(p, box) { out.append(" ") }
                previous = box
            }
            out.append(scalar)
        }
        return String(out)
    }
    /// True when box `b` continues box `a` within one word: they share an edge along the line's
    /// direction (either way: rotated text runs right to left or vertically) and span the same
    /// height (or width), or they are the same box (a ligature or combining mark).
    static func touches(_ a: (Double, Double, Double, Double), _ b: (Double, Double, Double, Double)) -> Bool {
        func eq(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 0.01 }
        let sameRows = eq(a.1, b.1) && eq(a.3, b.3), sameColumns = eq(a.0, b.0) && eq(a.2, b.2)
        if sameRows && (eq(a.2, b.0) || eq(a.0, b.2) || sameColumns) { return true }
        return sameColumns && (eq(a.3, b.1) || eq(a.1, b.3))
    }
}
