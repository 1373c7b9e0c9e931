import Glibc

/// Finding one byte value in UTF-8 text with the C library's vectorised `memchr`: the cleaning
/// passes look for rare bytes (a hyphen, the first byte of a soft hyphen) in megabytes of text.
enum ByteSearch {
    /// The index of the first `byte` in `bytes` at or after `from`; nil when there is none.
    @inline(__always)
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress, let hit = memchr(base + from, Int32(byte), bytes.count - from) else {
            return nil
        }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The index of the first byte at or after `from` that is not ASCII (8 bytes at a time); `bytes.count` when there is none.
    @inline(__always)
    static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        let n = bytes.count
        guard let base = bytes.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n && bytes[i] < 0x80 { i += 1 }
        return i
    }
}
