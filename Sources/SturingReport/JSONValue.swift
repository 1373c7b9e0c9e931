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
    private static func handOn(_ out: inout String, _ emit: ((String) -> Void)?) {
        guard let emit, out.utf8.count >= pieceBytes else { return }
        emit(out)
        out.removeAll(keepingCapacity: true)
    }

    /// A double or null.
    public static func number(_ d: Double?) -> JSONValue { d.map { .double($0) } ?? .null }

    /// Compact JSON text (one line).
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON text.
    public func pretty() -> String {
        var out = ""
        write(into: &out, indent: "  ", level: 0)
        return out + "\n"
    }

    /// Indented JSON text (as `pretty`), handed to `emit` in pieces of about a megabyte, so a
    /// long table is never held as one string.
    public func writePretty(_ emit: (String) -> Void) {
        var out = ""
        out.reserveCapacity(Self.pieceBytes + 4096)
        withoutActuallyEscaping(emit) { emit in write(into: &out, indent: "  ", level: 0, emit: emit) }
        emit(out + "\n")
    }

    /// The size at which `writePretty` hands a piece on.
    static let pieceBytes = 1 << 20

    private func write(into out: inout String, indent: String?, level: Int, emit: ((String) -> Void)? = nil) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? Self.format(d) : "null"
        case .string(let s): Self.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                item.write(into: &out, indent: indent, level: level + 1, emit: emit)
                Self.handOn(&out, emit)
            }
            newline(&out, indent, level)
            out += "]"
        case .generated(let count, let element):
            if count == 0 { out += "[]"; return }
            out += "["
            for i in 0..<count {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                element(i).write(into: &out, indent: indent, level: level + 1, emit: emit)
                Self.handOn(&out, emit)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                Self.escape(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(into: &out, indent: indent, level: level + 1, emit: emit)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        if indent == "  " && level < Self.indented.count { out += Self.indented[level]; return }
        out += "\n" + String(repeating: indent, count: level)
    }

    /// A line end and the indentation of each level (made once, not once per line).
    private static let indented: [String] = (0..<24).map { "\n" + String(repeating: "  ", count: $0) }

    /// Shortest round-trip decimal form, with up to 4 decimals for readability of shares.
    static func format(_ d: Double) -> String {
        let rounded = (d * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) + ".0" }
        return "\(rounded)"
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
