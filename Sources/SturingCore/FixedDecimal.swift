import Glibc

/// Numbers with a fixed number of decimals, as printf's "%.Nf" writes them (correctly rounded,
/// '.' as the decimal point: sturing never sets a C locale), by the C library directly: the
/// reports write thousands of them, and Foundation's `String(format:)` costs a microsecond or
/// more each.
public enum FixedDecimal {
    /// `d` with `decimals` decimals ("%.*f").
    public static func string(_ d: Double, decimals: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> String in
            let n = withVaList([Int32(decimals), d]) { vsnprintf(buffer.baseAddress, buffer.count, "%.*f", $0) }
            if n >= 0 && Int(n) < buffer.count {
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(n)), as: UTF8.self)
            }
            // A very large value: as many digits as it takes.
            var long = [CChar](repeating: 0, count: Int(max(n, 0)) + 1)
            _ = withVaList([Int32(decimals), d]) { vsnprintf(&long, long.count, "%.*f", $0) }
            return String(cString: long)
        }
    }
}
