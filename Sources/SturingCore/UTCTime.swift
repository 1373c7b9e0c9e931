import Glibc

/// Times in UTC as outputs write them, by the C library's `strftime` (Foundation's date
/// formatters load ICU's calendar and time-zone data: a millisecond or more at every start).
public enum UTCTime {
    /// ISO 8601 with seconds, "2026-11-26T21:12:34Z" (as `ISO8601DateFormatter` writes it).
    public static func iso8601(_ seconds: Int = Int(time(nil))) -> String { format(seconds, "%Y-%m-%dT%H:%M:%SZ") }

    /// Compact, for run identifiers and folder names: "20261126T211234".
    public static func compact(_ seconds: Int = Int(time(nil))) -> String { format(seconds, "%Y%m%dT%H%M%S") }

    private static func format(_ seconds: Int, _ pattern: String) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let n = strftime(buffer.baseAddress, buffer.count, pattern, &parts)
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: n), as: UTF8.self)
        }
    }
}
