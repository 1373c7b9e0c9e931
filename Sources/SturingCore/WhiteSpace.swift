/// White space as sturing reads it, in one place: what separates the words of a multi-word term,
/// what a context line collapses to one space, what a text-layer check splits words at. It is
/// Unicode's White_Space property: tab, line feed, vertical tab, form feed, carriage return,
/// space, next line (U+0085), no-break space, ogham space, the spaces U+2000–U+200A, line and
/// paragraph separator, narrow no-break space, medium mathematical space and ideographic space.
public enum WhiteSpace {
    /// True when the UTF-16 code unit `u` is white space.
    @inline(__always)
    public static func contains(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// True when the scalar `s` is white space (the same set as for code units).
    @inline(__always)
    public static func contains(_ s: Unicode.Scalar) -> Bool { s.value <= 0xFFFF && contains(UInt16(s.value)) }

    /// True when the UTF-8 byte `b` is ASCII white space: tab, line feed, vertical tab, form feed,
    /// carriage return or space (a rule on bytes sees only these; the others are multi-byte).
    @inline(__always)
    public static func containsASCII(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}
