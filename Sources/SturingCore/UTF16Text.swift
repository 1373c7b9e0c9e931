/// Strings from UTF-16 code units without the standard library's scalar-by-scalar path for
/// UTF-16 (`String(decoding:as: UTF16.self)`), which is many times slower than decoding UTF-8.
public enum UTF16Text {
    /// The string of `units`; unpaired surrogates become U+FFFD.
    public static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        var ascii = true
        for u in units where u >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: units.count) { out in
                for (i, u) in units.enumerated() { out[i] = UInt8(truncatingIfNeeded: u) }
                return units.count
            }
        }
        return String(unsafeUninitializedCapacity: units.count * 3) { out in
            var n = 0
            var i = 0
            while i < units.count {
                var scalar = UInt32(units[i])
                i += 1
                if scalar >= 0xD800 && scalar < 0xE000 {
                    if scalar < 0xDC00, i < units.count, units[i] >= 0xDC00, units[i] < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                        i += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                n += put(scalar, out.baseAddress! + n)
            }
            return n
        }
    }

    /// Writes the UTF-8 bytes of `scalar` at `out` (room for 4); returns how many.
    @inline(__always)
    public static func put(_ scalar: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        if scalar < 0x80 {
            out[0] = UInt8(scalar); return 1
        } else if scalar < 0x800 {
            out[0] = UInt8(0xC0 | (scalar >> 6)); out[1] = UInt8(0x80 | (scalar & 0x3F)); return 2
        } else if scalar < 0x10000 {
            out[0] = UInt8(0xE0 | (scalar >> 12)); out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (scalar & 0x3F)); return 3
        }
        out[0] = UInt8(0xF0 | (scalar >> 18)); out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
        out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F)); out[3] = UInt8(0x80 | (scalar & 0x3F)); return 4
    }

    /// The string of an array of code units.
    public static func string(_ units: [UInt16]) -> String {
        units.withUnsafeBufferPointer { string($0) }
    }
}
