import Crypto
import Foundation

/// SHA-256 helpers for provenance (file and lexicon hashes).
public enum SHA256Hex {
    /// The lowercase hex SHA-256 of `data`.
    public static func digest(_ data: some DataProtocol) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
