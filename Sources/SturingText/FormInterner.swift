/// Interns lowercased word forms (UTF-8 bytes) into dense integer ids without a `String` per token.
///
/// Open addressing over a byte arena; ids are stable for the interner's lifetime, so per-form
/// work (stemming, lexicon matching) is done once per form, not once per token.
public final class FormInterner {
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    private var table: [Int32]
    private var mask: Int

    /// Creates an empty interner.
    public init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        table = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    /// Number of distinct forms.
    public var count: Int { starts.count }

    /// The id of the form in `bytes[0..<length]`, adding it when new.
    @inline(__always)
    public func intern(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        var h: UInt32 = 2_166_136_261
        for i in 0..<length { h = (h ^ UInt32(bytes[i])) &* 16_777_619 }
        var slot = Int(h) & mask
        while true {
            let id = table[slot]
            if id < 0 { break }
            let i = Int(id)
            if hashes[i] == h && Int(lengths[i]) == length {
                let start = Int(starts[i])
                let same = arena.withUnsafeBufferPointer { a in
                    memcmpEqual(a.baseAddress! + start, bytes, length)
                }
                if same { return id }
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(starts.count)
        starts.append(Int32(arena.count))
        lengths.append(Int32(length))
        hashes.append(h)
        arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        table[slot] = id
        if starts.count * 2 > table.count { grow() }
        return id
    }

    /// The form with id `id` as a String.
    public func form(_ id: Int32) -> String {
        let i = Int(id)
        let s = Int(starts[i]), n = Int(lengths[i])
        return String(decoding: arena[s..<(s + n)], as: UTF8.self)
    }

    private func grow() {
        let size = table.count * 2
        table = [Int32](repeating: -1, count: size)
        mask = size - 1
        for i in 0..<hashes.count {
            var slot = Int(hashes[i]) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(i)
        }
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
