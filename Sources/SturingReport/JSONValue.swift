import Foundation

/// A JSON value with ordered object keys, so outputs are deterministic and diffable.
public indirect enum JSONValue: Equatable, Sendable {
    /// null
    case null
    /// true/false
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number (non-finite values are written as null).
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object with keys in the given order.
    case object([(String, JSONValue)])
    /// An array whose elements are made one at a time while it is written (a long table is
    /// never held as a tree whole); reads like `.array`.
    case generated(count: Int, element: @Sendable (Int) -> JSONValue)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Hands the text so far on when it has reached a piece's size.
    private static func handOn(_ out: inout [UInt8], _ emit: ((UnsafeRawBufferPointer) -> Void)?) {
        guard let emit, out.count >= pieceBytes else { return }
        out.withUnsafeBytes(emit)
        out.removeAll(keepingCapacity: true)
    }

    /// A double or null.
    public static func number(_ d: Double?) -> JSONValue { d.map { .double($0) } ?? .null }

    /// Compact JSON text (one line).
    public func serialized() -> String {
        var out = [UInt8]()
        write(into: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented JSON text.
    public func pretty() -> String {
        var out = [UInt8]()
        write(into: &out, indent: "  ", level: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented JSON text (as `pretty`) as UTF-8 bytes, handed to `emit` in pieces of about a
    /// megabyte, so a long table is never held whole.
    public func writePretty(_ emit: (UnsafeRawBufferPointer) -> Void) {
        var out = [UInt8]()
        out.reserveCapacity(Self.pieceBytes + 4096)
        withoutActuallyEscaping(emit) { emit in write(into: &out, indent: "  ", level: 0, emit: emit) }
        out.append(0x0A)
        out.withUnsafeBytes(emit)
    }

    /// The size at which `writePretty` hands a piece on.
    static let pieceBytes = 1 << 20

    /// Writes the JSON text as UTF-8 bytes (appending to an array of bytes is cheaper than to a
    /// String: documents.jsonl and scores.json are written a line or a megabyte at a time).
    private func write(into out: inout [UInt8], indent: String?, level: Int, emit: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .double(let d): out += (d.isFinite ? Self.format(d) : "null").utf8
        case .string(let s): Self.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(&out, indent, level + 1)
                item.write(into: &out, indent: indent, level: level + 1, emit: emit)
                Self.handOn(&out, emit)
            }
            newline(&out, indent, level)
            out.append(0x5D)
        case .generated(let count, let element):
            if count == 0 { out += "[]".utf8; return }
            out.append(0x5B)
            for i in 0..<count {
                if i > 0 { out.append(0x2C) }
                newline(&out, indent, level + 1)
                element(i).write(into: &out, indent: indent, level: level + 1, emit: emit)
                Self.handOn(&out, emit)
            }
            newline(&out, indent, level)
            out.append(0x5D)
        case .object(let pairs):
            if pairs.isEmpty { out += "{}".utf8; return }
            out.append(0x7B)
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(&out, indent, level + 1)
                Self.escape(key, into: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                value.write(into: &out, indent: indent, level: level + 1, emit: emit)
            }
            newline(&out, indent, level)
            out.append(0x7D)
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: String?, _ level: Int) {
        guard let indent else { return }
        if indent == "  " && level < Self.indented.count { out += Self.indented[level]; return }
        out.append(0x0A)
        for _ in 0..<level { out += indent.utf8 }
    }

    /// A line end and the indentation of each level (made once, not once per line).
    private static let indented: [[UInt8]] = (0..<24).map { [0x0A] + [UInt8](repeating: 0x20, count: 2 * $0) }

    /// Shortest round-trip decimal form, with up to 4 decimals for readability of shares.
    static func format(_ d: Double) -> String {
        let rounded = (d * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) + ".0" }
        return "\(rounded)"
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends the JSON string literal of `s` (quotes, backslashes and control characters
    /// escaped, everything else as it is): the one escaping function for JSON output.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            // Runs that need no escape are copied whole; a control character (< 0x20 is one
            // byte in UTF-8), a quote or a backslash is escaped.
            var start = 0
            for i in 0..<b.count {
                let c = b[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                switch c {
                case 0x22: out += #"\""#.utf8
                case 0x5C: out += #"\\"#.utf8
                case 0x0A: out += #"\n"#.utf8
                case 0x0D: out += #"\r"#.utf8
                case 0x09: out += #"\t"#.utf8
                default:
                    out += #"\u00"#.utf8
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 0x0F)])
                }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<b.count]))
        }
        out.append(0x22)
    }
}
