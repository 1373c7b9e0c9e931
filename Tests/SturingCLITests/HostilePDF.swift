import Foundation

/// Small hostile PDFs made in the test (no binaries in the repository).
enum HostilePDF {
    /// A PDF of a few KB whose page draws a form XObject that draws the next one `width` times,
    /// `levels` deep: width^levels draws, which keeps a text extractor busy for ever.
    static func fanOut(levels: Int = 10, width: Int = 16) -> Data {
        var objects = [Int: String]()
        objects[1] = "<< /Type /Catalog /Pages 2 0 R >>"
        objects[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
        objects[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X 6 0 R >> /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        func stream(_ dict: String, _ content: String) -> String {
            "<< \(dict) /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
        }
        objects[5] = stream("", "BT /F1 12 Tf 72 720 Td (Wij regelen de regels.) Tj ET q /X Do Q")
        for i in 0..<levels {
            let n = 6 + i
            if i < levels - 1 {
                objects[n] = stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X \(n + 1) 0 R >> >>",
                                    Array(repeating: "/X Do", count: width).joined(separator: " "))
            } else {
                objects[n] = stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>",
                                    "BT /F1 12 Tf 72 700 Td (regels) Tj ET")
            }
        }
        var out = "%PDF-1.4\n"
        var offsets = [Int: Int]()
        for k in objects.keys.sorted() {
            offsets[k] = out.utf8.count
            out += "\(k) 0 obj\n\(objects[k]!)\nendobj\n"
        }
        let xref = out.utf8.count, size = objects.count + 1
        out += "xref\n0 \(size)\n0000000000 65535 f \n"
        for k in 1..<size { out += String(format: "%010d 00000 n \n", offsets[k]!) }
        out += "trailer\n<< /Size \(size) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}
