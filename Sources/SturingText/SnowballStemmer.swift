import CStemmer

/// The Snowball Dutch stemmer from libstemmer (one instance per thread; not thread-safe).
public final class SnowballStemmer {
    private let stemmer: OpaquePointer

    /// Name recorded in outputs.
    public static let algorithm = "snowball-dutch"

    /// Opens the Dutch stemmer; nil when libstemmer has no Dutch algorithm.
    public init?() {
        guard let s = sb_stemmer_new("dutch", "UTF_8") else { return nil }
        stemmer = s
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a lowercased word.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { stem(bytes: $0) }
    }

    /// The stem of a lowercased UTF-8 word.
    public func stem(bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, bytes.count > 0,
              let out = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return "" }
        let n = Int(sb_stemmer_length(stemmer))
        return String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self)
    }

    /// Which Dutch algorithm libstemmer has: the classic one (meten → met) or a newer one.
    /// Recorded in outputs, since the two give different stems for about half of all words.
    public static let identification: String = {
        guard let s = SnowballStemmer() else { return "unavailable" }
        let classic = s.stem("meten") == "met" && s.stem("zelfredzaamheid") == "zelfredzam"
            && s.stem("samenwerking") == "samenwerk"
        return classic ? "snowball-dutch (classic, libstemmer 2.x)" : "snowball-dutch (not the classic algorithm: stems differ from libstemmer 2.x)"
    }()
}
