import Glibc

/// Interns lowercased word forms (UTF-8 bytes) into dense integer ids without a `String` per token.
///
/// Open addressing over a byte arena; ids are stable for the interner's lifetime, so per-form
/// work (stemming, lexicon matching) is done once per form, not once per token. Storage is held in
/// manually grown buffers rather than arrays: this runs once per token, and array properties of a
/// class pay a dynamic exclusivity check on every access.
public final class FormInterner {
    private struct Slot {
        var start: Int32
        var length: Int32
        var hash: UInt32
    }

    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity: Int
    private var slots: UnsafeMutablePointer<Slot>
    private var slotCount = 0
    private var slotCapacity: Int
    /// Open-addressing table: each entry is a form's hash (high 32 bits) and id (low 32 bits), so
    /// a probe compares hashes without touching the slots; `empty` marks a free entry.
    private var table: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private static let empty = UInt64.max
    /// A small direct-mapped cache of short forms (up to 16 bytes, nearly all tokens of Dutch
    /// prose) in front of the table: one load from a 48 KB array instead of three dependent
    /// ones from the table, the slots and the arena.
    private struct Hot {
        var low: UInt64
        var high: UInt64
        var id: Int32
        var length: Int32
    }
    private let hot: UnsafeMutablePointer<Hot>
    private static let hotBits = 11

    /// Creates an empty interner.
    public init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        table = .allocate(capacity: size)
        table.initialize(repeating: Self.empty, count: size)
        mask = size - 1
        arenaCapacity = capacity * 8
        arena = .allocate(capacity: arenaCapacity)
        slotCapacity = capacity
        slots = .allocate(capacity: slotCapacity)
        hot = .allocate(capacity: 1 << Self.hotBits)
        hot.initialize(repeating: Hot(low: 0, high: 0, id: -1, length: -1), count: 1 << Self.hotBits)
    }

    deinit {
        arena.deallocate()
        slots.deallocate()
        table.deallocate()
        hot.deallocate()
    }

    /// Number of distinct forms.
    public var count: Int { slotCount }

    /// The id of the form in `bytes[0..<length]`, adding it when new.
    @inline(__always)
    public func intern(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        let h = Self.hash(bytes, length)
        var slot = Int(h) & mask
        while true {
            let entry = table[slot]
            if entry == Self.empty { break }
            if UInt32(truncatingIfNeeded: entry >> 32) == h {
                let id = Int32(truncatingIfNeeded: entry)
                let s = slots[Int(id)]
                if Int(s.length) == length && memcmp(arena + Int(s.start), bytes, length) == 0 { return id }
            }
            slot = (slot + 1) & mask
        }
        return insert(bytes, length, hash: h, slot: slot)
    }

    /// The id of the form in `bytes[0..<length]`, like `intern`, for a buffer with at least 16
    /// readable bytes (a form of up to 16 bytes is read as two words).
    @inline(__always)
    public func intern(readable16 bytes: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        guard length <= 16 && length > 0 else { return intern(bytes, length) }
        let raw = UnsafeRawPointer(bytes)
        let first = raw.loadUnaligned(as: UInt64.self), second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let low = length >= 8 ? first : first & ((1 &<< UInt64(8 * length)) &- 1)
        let high = length <= 8 ? 0 : length == 16 ? second : second & ((1 &<< UInt64(8 * (length - 8))) &- 1)
        let mixed = (low ^ (high &* 0xC4CE_B9FE_1A85_EC53) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        let i = Int(truncatingIfNeeded: mixed >> UInt64(64 - Self.hotBits))
        let e = hot[i]
        if e.low == low && e.high == high && Int(e.length) == length { return e.id }
        let id = intern(bytes, length)
        hot[i] = Hot(low: low, high: high, id: id, length: Int32(length))
        return id
    }

    /// A 32-bit hash of a form, eight bytes at a time (a word is a few multiplications).
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        var i = 0
        let raw = UnsafeRawPointer(bytes)
        while i + 8 <= length {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        if i < length {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < length { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 32
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return UInt32(truncatingIfNeeded: h >> 32)
    }

    private func insert(_ bytes: UnsafePointer<UInt8>, _ length: Int, hash: UInt32, slot: Int) -> Int32 {
        if arenaCount + length > arenaCapacity {
            let newCapacity = max(arenaCapacity * 2, arenaCount + length)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = newCapacity
        }
        if slotCount == slotCapacity {
            let grown = UnsafeMutablePointer<Slot>.allocate(capacity: slotCapacity * 2)
            grown.initialize(from: slots, count: slotCount)
            slots.deallocate()
            slots = grown
            slotCapacity *= 2
        }
        let id = Int32(slotCount)
        (arena + arenaCount).update(from: bytes, count: length)
        slots[slotCount] = Slot(start: Int32(arenaCount), length: Int32(length), hash: hash)
        arenaCount += length
        slotCount += 1
        table[slot] = UInt64(hash) << 32 | UInt64(UInt32(bitPattern: id))
        if slotCount * 2 > mask + 1 { growTable() }
        return id
    }

    /// The 32-bit hash of form `id`'s bytes (the same on every run and machine).
    @inline(__always)
    public func hash(_ id: Int32) -> UInt32 { slots[Int(id)].hash }

    /// The length in UTF-8 bytes of form `id`.
    @inline(__always)
    public func byteCount(_ id: Int32) -> Int { Int(slots[Int(id)].length) }

    /// The form with id `id` as a String.
    public func form(_ id: Int32) -> String {
        let s = slots[Int(id)]
        return String(decoding: UnsafeBufferPointer(start: arena + Int(s.start), count: Int(s.length)), as: UTF8.self)
    }

    private func growTable() {
        let size = (mask + 1) * 2
        table.deallocate()
        table = .allocate(capacity: size)
        table.initialize(repeating: Self.empty, count: size)
        mask = size - 1
        for i in 0..<slotCount {
            var slot = Int(slots[i].hash) & mask
            while table[slot] != Self.empty { slot = (slot + 1) & mask }
            table[slot] = UInt64(slots[i].hash) << 32 | UInt64(UInt32(i))
        }
    }
}
