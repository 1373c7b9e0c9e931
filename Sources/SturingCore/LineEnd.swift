/// Where a line ends, on UTF-8 bytes: the rule that large texts are cut by (`TextChunks`,
/// `TextGroups`). A line that ends with `.`, `!` or `?` ends a sentence for the scorer too, so
/// no multi-word term can span a cut there.
public enum LineEnd {
    /// The last byte before the newline at `newline` that is not a space, tab or CR (nil: none).
    @inline(__always)
    public static func lastByte(_ b: UnsafeBufferPointer<UInt8>, beforeNewlineAt newline: Int) -> UInt8? {
        var j = newline - 1
        while j >= 0 && (b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D) { j -= 1 }
        return j >= 0 ? b[j] : nil
    }

    /// True for `.`, `!` and `?`.
    @inline(__always)
    public static func endsSentence(_ byte: UInt8?) -> Bool { byte == 0x2E || byte == 0x21 || byte == 0x3F }
}
