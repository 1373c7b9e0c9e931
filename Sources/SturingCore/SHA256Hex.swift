import Crypto
import Foundation

/// SHA-256 helpers for provenance (file and lexicon hashes).
public enum SHA256Hex {
    /// The lowercase hex SHA-256 of `data`.
    public static func digest(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Lowercase hex of some bytes.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A SHA-256 fed piece by piece (a journal's lines as they are written).
public struct SHA256Stream {
    private var hasher = SHA256()

    /// An empty stream.
    public init() {}

    /// Adds `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

    /// The lowercase hex digest of everything added so far (the stream can go on).
    public var hex: String { SHA256Hex.hex(hasher.finalize()) }
}
