import Foundation

/// The key of a sentence: a 48-bit hash of its words (lowercased forms, in order), so the same
/// sentence gets the same key in every run of any tool version that keeps `version`. `compare`
/// pairs the sentences two runs share by it; a sentence's text itself is never stored.
public enum SentenceKey {
    /// Changes when the hash of a sentence changes (keys of other versions are not paired).
    public static let version = 1

    /// The running key after one more word, given the word's 32-bit form hash.
    @inline(__always)
    public static func add(_ key: UInt64, word hash: UInt32) -> UInt64 {
        (key ^ UInt64(hash)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
    }

    /// The final key of a running key (48 bits, well mixed).
    @inline(__always)
    public static func finish(_ key: UInt64) -> UInt64 { SplitMix64.mix(key) & 0xFFFF_FFFF_FFFF }

    /// Keys packed as 6 bytes each (big-endian), in base64: 8 characters a sentence.
    public static func encode(_ keys: [UInt64]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(keys.count * 6)
        for k in keys { for shift in stride(from: 40, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: k >> UInt64(shift))) } }
        return Data(bytes).base64EncodedString()
    }

    /// The keys of `encode`'s text, or nil when it is not such a text.
    public static func decode(_ text: String) -> [UInt64]? {
        guard let data = Data(base64Encoded: text), data.count % 6 == 0 else { return nil }
        var keys = [UInt64]()
        keys.reserveCapacity(data.count / 6)
        var k: UInt64 = 0
        for (i, b) in data.enumerated() {
            k = k << 8 | UInt64(b)
            if i % 6 == 5 { keys.append(k); k = 0 }
        }
        return keys
    }
}
