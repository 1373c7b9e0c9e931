/// The letter-word tokens of one text: form ids and UTF-16 offsets, in text order.
public struct TokenStream {
    /// The interned form id of each token.
    public var forms: [Int32] = []
    /// Start offset of each token in the UTF-16 text.
    public var starts: [Int32] = []
    /// End offset (exclusive) of each token in the UTF-16 text.
    public var ends: [Int32] = []

    /// An empty stream.
    public init() {}

    /// Number of tokens.
    public var count: Int { forms.count }

    /// Makes room for `count` tokens in all (at least doubling, so repeated calls stay linear).
    public mutating func reserve(_ count: Int) {
        guard count > forms.capacity else { return }
        let n = max(count, forms.capacity * 2)
        forms.reserveCapacity(n)
        starts.reserveCapacity(n)
        ends.reserveCapacity(n)
    }

    /// Empties the stream, keeping its storage for the next document.
    public mutating func removeAll() {
        forms.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}
