/// Per-form facts a scorer needs once per token: the form's count in the current document, how
/// it counts (not at all, directly, or only in context) and the entries it counts for.
///
/// Held in one manually grown buffer: the scorer reads it for every token, and a local copy of
/// `base` avoids the retain/release and exclusivity checks of an array property.
final class FormTable {
    /// How a form counts.
    enum Kind: Int8 {
        /// Not computed yet.
        case unknown = -1
        /// Matches no entry and takes part in no phrase.
        case none = 0
        /// Counts for its claims wherever it stands.
        case direct = 1
        /// Needs the surrounding tokens (phrases, excluded contexts).
        case context = 2
    }

    /// One form's row.
    struct Row {
        /// Tokens of the form in the current document.
        var count: Int32 = 0
        /// How the form counts.
        var kind: Kind = .unknown
        /// True when some entry would count the form but excludes it.
        var excluded = false
        /// Number of claims (entries, one per perspective) in `claims` from `claimStart`.
        var claimCount: Int32 = 0
        /// First claim in `claims`.
        var claimStart: Int32 = 0
    }

    /// The rows, indexed by form id; valid up to `capacity`.
    private(set) var base: UnsafeMutablePointer<Row>
    /// Rows allocated.
    private(set) var capacity: Int
    /// Entry indices of all claims, grouped per form.
    private(set) var claims: [Int32] = []

    init(capacity: Int = 1 << 14) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
        base.initialize(repeating: Row(), count: capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for form ids below `count`.
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        var newCapacity = capacity
        while newCapacity < count { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<Row>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: capacity)
        (grown + capacity).initialize(repeating: Row(), count: newCapacity - capacity)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Records the kind, claims and exclusions of form `id`.
    func set(_ id: Int, kind: Kind, claims entries: [Int], excluded: Bool) {
        base[id].kind = kind
        base[id].excluded = excluded
        base[id].claimStart = Int32(claims.count)
        base[id].claimCount = Int32(entries.count)
        claims.append(contentsOf: entries.map(Int32.init))
    }
}
