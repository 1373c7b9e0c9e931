/// A small seeded random generator (SplitMix64), so samples are the same on every run and machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The generator of stream `stream` of `seed` (a bootstrap replicate, a perspective): its start
    /// is the seed and the stream number mixed through the output function, so two streams never
    /// run along one sequence. (Starting stream r at `seed + r·γ`, where γ is the generator's own
    /// increment, makes stream r+1 the same numbers as stream r shifted by one draw: replicates
    /// drawn that way are nearly copies of each other, and their spread is far too small.)
    public init(seed: UInt64, stream: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's output function: a bijection of 64-bit values that spreads every input bit.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
