import CFixedDecimal

/// Numbers with a fixed number of decimals, as printf's "%.Nf" writes them (correctly rounded,
/// '.' as the decimal point: sturing never sets a C locale), by the C library directly through a
/// small C function: the reports write thousands of them, and both Foundation's
/// `String(format:)` and Swift's `withVaList` cost a dynamic cast or more per number.
public enum FixedDecimal {
    /// `d` with `decimals` decimals ("%.*f").
    public static func string(_ d: Double, decimals: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> String in
            let n = sturing_fixed_decimal(buffer.baseAddress, buffer.count, Int32(decimals), d)
            if n >= 0 && Int(n) < buffer.count {
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(n)), as: UTF8.self)
            }
            // A very large value: as many digits as it takes.
            var long = [CChar](repeating: 0, count: Int(max(n, 0)) + 1)
            _ = sturing_fixed_decimal(&long, long.count, Int32(decimals), d)
            return String(decoding: long.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
