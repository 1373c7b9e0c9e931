import SturingCore

/// The case-study selection of Nijdam (2019): per perspective the highest-ranked municipality that
/// is not excluded and does not share a province (or region) with a case already chosen, then one
/// "fairly average" municipality: in no top-k or bottom-k list, no clash, nearest to the mean profile.
public struct CaseSelection: Sendable, Equatable {
    /// Which grouping two cases may not share.
    public enum Distinct: String, Sendable, CaseIterable {
        /// No two cases from the same province (the study's rule).
        case province
        /// No two cases from the same region.
        case region
        /// No rule.
        case none
    }

    /// A municipality passed over, and why.
    public struct Skip: Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// Why it was not chosen.
        public var reason: String
    }

    /// One chosen case.
    public struct Case: Sendable, Equatable {
        /// "PA", "NPM", "NPG", "SR" or "average".
        public var role: String
        /// The chosen municipality; nil when no candidate was left.
        public var municipality: String?
        /// Its rank on the role's perspective (nil for the average case).
        public var rank: Int?
        /// Its share on the role's perspective (nil for the average case).
        public var share: Double?
        /// Higher-ranked municipalities that were passed over.
        public var skipped: [Skip]
        /// A remark (forced average, no candidate).
        public var note: String?
    }

    /// A municipality that qualifies as the average case.
    public struct Candidate: Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// Euclidean distance of its profile to the mean profile, in percentage points.
        public var distance: Double
    }

    /// The cases in the order PA, NPM, NPG, SR, average.
    public var cases: [Case]
    /// All qualifying average candidates, nearest first.
    public var averageCandidates: [Candidate]

    /// Selects cases from `ranking`.
    public static func select(_ ranking: Ranking, exclude: [String] = [], distinct: Distinct = .province,
                              top k: Int = 5, average forced: String? = nil) -> CaseSelection {
        let rows = ranking.rows
        let excluded = Set(exclude.map { $0.lowercased() })
        var chosen = [(row: ShareRow, role: String)]()
        var cases = [Case]()

        func group(_ row: ShareRow) -> String? {
            switch distinct {
            case .province: row.province
            case .region: row.region
            case .none: nil
            }
        }
        func clash(_ row: ShareRow) -> String? {
            guard let g = group(row), !g.isEmpty,
                  let other = chosen.first(where: { group($0.row)?.lowercased() == g.lowercased() }) else { return nil }
            return "same \(distinct.rawValue) (\(g)) as \(other.row.municipality), chosen for \(other.role)"
        }

        for p in Perspective.allCases {
            let ranks = ranking.ranks(p)
            let order = rows.indices.sorted { a, b in
                rows[a].profile[p] != rows[b].profile[p] ? rows[a].profile[p] > rows[b].profile[p] : a < b
            }
            var skipped = [Skip]()
            var picked: Case?
            for i in order {
                let row = rows[i]
                if excluded.contains(row.municipality.lowercased()) {
                    skipped.append(Skip(municipality: row.municipality, reason: "excluded (--exclude)"))
                } else if let earlier = chosen.first(where: { $0.row.municipality == row.municipality }) {
                    skipped.append(Skip(municipality: row.municipality, reason: "already chosen for \(earlier.role)"))
                } else if let why = clash(row) {
                    skipped.append(Skip(municipality: row.municipality, reason: why))
                } else {
                    picked = Case(role: p.code, municipality: row.municipality, rank: ranks[i], share: row.profile[p], skipped: skipped)
                    chosen.append((row, p.code))
                    break
                }
            }
            cases.append(picked ?? Case(role: p.code, municipality: nil, rank: nil, share: nil, skipped: skipped,
                                        note: "no municipality left after exclusions and the \(distinct.rawValue) rule"))
        }

        // The average case.
        let mean = ShareProfile.mean(rows.map(\.profile))
        var listed = [String: [String]]()
        for p in Perspective.allCases {
            for place in ranking.top(p, k: k) { listed[place.municipality, default: []].append("top \(k) \(p.code)") }
            for place in ranking.bottom(p, k: k) { listed[place.municipality, default: []].append("bottom \(k) \(p.code)") }
        }
        func disqualifications(_ row: ShareRow) -> [String] {
            var reasons = [String]()
            if excluded.contains(row.municipality.lowercased()) { reasons.append("excluded (--exclude)") }
            if let earlier = chosen.first(where: { $0.row.municipality == row.municipality }) { reasons.append("already chosen for \(earlier.role)") }
            if let lists = listed[row.municipality] { reasons.append("in \(lists.joined(separator: ", "))") }
            if let why = clash(row) { reasons.append(why) }
            return reasons
        }
        var candidates = [Candidate]()
        var averageSkips = [Skip]()
        if let mean {
            let byDistance = rows.map { ($0, $0.profile.distance(to: mean)) }.sorted { $0.1 < $1.1 }
            for (row, d) in byDistance {
                let reasons = disqualifications(row)
                if reasons.isEmpty {
                    candidates.append(Candidate(municipality: row.municipality, distance: d))
                } else if candidates.isEmpty {
                    averageSkips.append(Skip(municipality: row.municipality, reason: reasons.joined(separator: "; ")))
                }
            }
        }
        if let forced {
            if let row = rows.first(where: { $0.municipality.lowercased() == forced.lowercased() }) {
                let reasons = disqualifications(row)
                cases.append(Case(role: "average", municipality: row.municipality, rank: nil, share: nil, skipped: [],
                                  note: reasons.isEmpty ? "chosen with --average; it qualifies" : "chosen with --average; it does not qualify: \(reasons.joined(separator: "; "))"))
            } else {
                cases.append(Case(role: "average", municipality: nil, rank: nil, share: nil, skipped: [],
                                  note: "--average \(forced): no such municipality in the table"))
            }
        } else if let first = candidates.first {
            cases.append(Case(role: "average", municipality: first.municipality, rank: nil, share: nil, skipped: averageSkips,
                              note: "nearest to the mean profile (distance \(String(format: "%.1f", first.distance)) points) among municipalities in no top-\(k) or bottom-\(k) list"))
        } else {
            cases.append(Case(role: "average", municipality: nil, rank: nil, share: nil, skipped: averageSkips,
                              note: "no municipality qualifies as average"))
        }
        return CaseSelection(cases: cases, averageCandidates: candidates)
    }
}

import Foundation
