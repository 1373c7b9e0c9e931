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
    private var table: UnsafeMutablePointer<Int32>
    private var mask: Int

    /// Creates an empty interner.
    public init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        table = .allocate(capacity: size)
        table.initialize(repeating: -1, count: size)
        mask = size - 1
        arenaCapacity = capacity * 8
        arena = .allocate(capacity: arenaCapacity)
        slotCapacity = capacity
        slots = .allocate(capacity: slotCapacity)
    }

    deinit {
        arena.deallocate()
        slots.deallocate()
        table.deallocate()
    }

    /// Number of distinct forms.
    public var count: Int { slotCount }

    /// The id of the form in `bytes[0..<length]`, adding it when new.
    @inline(__always)
    public func intern(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        var h: UInt32 = 2_166_136_261
        for i in 0..<length { h = (h ^ UInt32(bytes[i])) &* 16_777_619 }
        var slot = Int(h) & mask
        while true {
            let id = table[slot]
            if id < 0 { break }
            let s = slots[Int(id)]
            if s.hash == h && Int(s.length) == length && equal(arena + Int(s.start), bytes, length) { return id }
            slot = (slot + 1) & mask
        }
        return insert(bytes, length, hash: h, slot: slot)
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
        table[slot] = id
        if slotCount * 2 > mask + 1 { growTable() }
        return id
    }

    /// The form with id `id` as a String.
    public func form(_ id: Int32) -> String {
        let s = slots[Int(id)]
        return String(decoding: UnsafeBufferPointer(start: arena + Int(s.start), count: Int(s.length)), as: UTF8.self)
    }

    private func growTable() {
        let size = (mask + 1) * 2
        table.deallocate()
        table = .allocate(capacity: size)
        table.initialize(repeating: -1, count: size)
        mask = size - 1
        for i in 0..<slotCount {
            var slot = Int(slots[i].hash) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(i)
        }
    }
}

@inline(__always)
private func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
