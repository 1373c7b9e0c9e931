import SturingCore

/// The case selection's rules prepared once, to apply them again to each bootstrap replicate's
/// shares: which municipality each role (PA, NPM, NPG, SR, average) gets. It follows
/// `CaseSelection.select` step by step (the highest share not excluded, not chosen already and not
/// in a chosen case's province or region; then the plan nearest the mean profile that is in no
/// top-k or bottom-k list), on row numbers instead of names, and takes each perspective's order
/// from the caller, who sorts once for the ranks too. A test holds it equal to `select` on random
/// tables with ties, groups and exclusions.
public struct SelectionReplay: Sendable {
    /// The roles in order, as `CaseSelection` names them.
    public static let roles = Perspective.allCases.map(\.code) + ["average"]

    /// Rows (the ranked rows, in ranking order).
    let count: Int
    /// A number per distinct municipality name (rows of one name are one municipality).
    let name: [Int]
    /// A number per distinct group (province or region, lowercased); -1 for none.
    let group: [Int]
    /// Excluded rows.
    let excluded: [Bool]
    /// The top/bottom list length.
    let k: Int
    /// The rows' municipalities.
    let names: [String]

    /// The municipality of row `row`.
    public func municipality(_ row: Int) -> String { names[row] }

    /// Prepares the rules for `rows` (a ranking's rows) with these settings.
    public init(rows: [ShareRow], exclude: [String], distinct: CaseSelection.Distinct, top k: Int) {
        count = rows.count
        var ids = [String: Int](), groups = [String: Int]()
        name = rows.map { row in
            if let n = ids[row.municipality] { return n }
            ids[row.municipality] = ids.count
            return ids.count - 1
        }
        group = rows.map { row in
            let g: String?
            switch distinct {
            case .province: g = row.province
            case .region: g = row.region
            case .none: g = nil
            }
            guard let key = g?.lowercased(), !key.isEmpty else { return -1 }
            if let n = groups[key] { return n }
            groups[key] = groups.count
            return groups.count - 1
        }
        let out = Set(exclude.map { $0.lowercased() })
        excluded = rows.map { out.contains($0.municipality.lowercased()) }
        self.k = k
        names = rows.map(\.municipality)
    }

    /// The row chosen for each role (−1: none), given the replicate's shares (`shares[row * 4 + p]`)
    /// and each perspective's rows from the highest share down (ties by row number).
    public func choose(shares: UnsafeBufferPointer<Double>, orders: [[Int32]]) -> [Int] {
        // At most four of each: arrays are cheaper than sets here (this runs for every replicate).
        var chosenNames = [Int](), chosenGroups = [Int]()
        var picks = [Int]()
        picks.reserveCapacity(5)
        for p in 0..<4 {
            var pick = -1
            for r32 in orders[p] {
                let r = Int(r32)
                if excluded[r] || chosenNames.contains(name[r]) || (group[r] >= 0 && chosenGroups.contains(group[r])) { continue }
                pick = r
                break
            }
            picks.append(pick)
            if pick >= 0 {
                chosenNames.append(name[pick])
                if group[pick] >= 0 { chosenGroups.append(group[pick]) }
            }
        }
        guard count > 0 else { return picks + [-1] }
        // In a top-k or bottom-k list of some perspective: a share at least the k-th highest, or
        // at most the k-th lowest (ties run past k, as in `Ranking.top`).
        var listed = [Bool](repeating: false, count: count)  // by name number (there are at most `count`)
        for p in 0..<4 {
            let order = orders[p]
            let high = shares[Int(order[min(k, count) - 1]) * 4 + p], low = shares[Int(order[count - min(k, count)]) * 4 + p]
            for r in 0..<count where shares[r * 4 + p] >= high || shares[r * 4 + p] <= low { listed[name[r]] = true }
        }
        var sums = [0.0, 0.0, 0.0, 0.0]
        for r in 0..<count { for p in 0..<4 { sums[p] += shares[r * 4 + p] } }
        let mean = sums.map { $0 / Double(count) }
        var best = -1, bestDistance = Double.infinity
        for r in 0..<count {
            if excluded[r] || listed[name[r]] || chosenNames.contains(name[r]) || (group[r] >= 0 && chosenGroups.contains(group[r])) { continue }
            var squares = 0.0
            for p in 0..<4 { let d = shares[r * 4 + p] - mean[p]; squares += d * d }
            let distance = squares.squareRoot()
            if distance < bestDistance { best = r; bestDistance = distance }
        }
        return picks + [best]
    }
}
