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

    /// The ranked rows, in input order: those with at least `minSignalWords` signal words, or with
    /// no count known. Means, ranks, top/bottom lists and the case selection use these only.
    public let rows: [ShareRow]
    /// Rows whose shares rest on fewer than `minSignalWords` signal words: listed, never ranked.
    public let unranked: [ShareRow]
    /// The threshold (0: every row is ranked).
    public let minSignalWords: Int

    /// Creates a ranking over `rows`; rows with fewer than `minSignalWords` signal words are set apart.
    public init(rows: [ShareRow], minSignalWords: Int = 0) {
        self.minSignalWords = minSignalWords
        var ranked = [ShareRow](), unranked = [ShareRow]()
        for row in rows {
            if let n = row.signalWords, n < minSignalWords { unranked.append(row) } else { ranked.append(row) }
        }
        self.rows = ranked
        self.unranked = unranked
    }

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

    /// Every row's rank for `perspective` (highest share = 1, ties share the best rank), in input
    /// order. One sort: O(n log n) in the number of rows.
    public func ranks(_ perspective: Perspective) -> [Int] {
        Self.competitionRanks(rows.map { $0.profile[perspective] })
    }

    /// Competition ranks of `values` (highest = 1, ties share the best rank), in input order.
    public static func competitionRanks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] > values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        for (i, index) in order.enumerated() {
            let tied = i > 0 && values[order[i - 1]] == values[index]
            ranks[index] = tied ? ranks[order[i - 1]] : i + 1
        }
        return ranks
    }

    private func ranked(_ p: Perspective, k: Int, descending: Bool) -> [Place] {
        // Sort indices, not rows: this runs for every bootstrap replicate.
        let values = rows.map { $0.profile[p] }
        let order = values.indices.sorted { a, b in
            values[a] != values[b] ? (descending ? values[a] > values[b] : values[a] < values[b]) : a < b
        }
        var places = [Place]()
        for (i, index) in order.enumerated() {
            let share = values[index]
            let rank = (i > 0 && values[order[i - 1]] == share) ? places[i - 1].rank : i + 1
            if rank > k { break }
            places.append(Place(rank: rank, municipality: rows[index].municipality, share: share))
        }
        return places
    }
}
