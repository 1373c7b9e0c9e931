import SturingCore

/// Means and ranked lists over a table of share rows, as in Nijdam (2019), chapter 6.
public struct Ranking: Sendable {
    /// A mean profile over `n` rows.
    public struct GroupMean: Sendable, Equatable {
        /// Number of rows in the group.
        public var n: Int
        /// The mean shares.
        public var profile: ShareProfile
    }

    /// One place in a ranked list.
    public struct Place: Sendable, Equatable {
        /// Competition rank: 1 + the number of rows strictly better (ties share a rank).
        public var rank: Int
        /// Municipality name.
        public var municipality: String
        /// Its share of the perspective.
        public var share: Double
    }

    /// The rows, in input order.
    public let rows: [ShareRow]

    /// Creates a ranking over `rows`.
    public init(rows: [ShareRow]) { self.rows = rows }

    /// The mean of all rows; nil for an empty table.
    public var overall: GroupMean? {
        ShareProfile.mean(rows.map(\.profile)).map { GroupMean(n: rows.count, profile: $0) }
    }

    /// Means per value of a grouping field (rows without a value are left out), keys sorted.
    public func means(by key: (ShareRow) -> String?) -> [(group: String, mean: GroupMean)] {
        var groups = [String: [ShareProfile]]()
        for row in rows { if let k = key(row), !k.isEmpty { groups[k, default: []].append(row.profile) } }
        return groups.keys.sorted().map { k in (k, GroupMean(n: groups[k]!.count, profile: ShareProfile.mean(groups[k]!)!)) }
    }

    /// The highest `k` places for `perspective`; the list runs past `k` when ranks tie at the cut.
    public func top(_ perspective: Perspective, k: Int) -> [Place] { ranked(perspective, k: k, descending: true) }

    /// The lowest `k` places for `perspective` (rank 1 = lowest share); ties run past `k` as in `top`.
    public func bottom(_ perspective: Perspective, k: Int) -> [Place] { ranked(perspective, k: k, descending: false) }

    /// Every row's rank for `perspective` (highest share = 1), in input order.
    public func ranks(_ perspective: Perspective) -> [Int] {
        rows.map { row in 1 + rows.filter { $0.profile[perspective] > row.profile[perspective] }.count }
    }

    private func ranked(_ p: Perspective, k: Int, descending: Bool) -> [Place] {
        let better: (Double, Double) -> Bool = descending ? { $0 > $1 } : { $0 < $1 }
        let sorted = rows.enumerated().sorted { a, b in
            let x = a.element.profile[p], y = b.element.profile[p]
            return x != y ? better(x, y) : a.offset < b.offset
        }.map(\.element)
        var places = [Place]()
        for (i, row) in sorted.enumerated() {
            let share = row.profile[p]
            let rank = (i > 0 && sorted[i - 1].profile[p] == share) ? places[i - 1].rank : i + 1
            if rank > k { break }
            places.append(Place(rank: rank, municipality: row.municipality, share: share))
        }
        return places
    }
}
