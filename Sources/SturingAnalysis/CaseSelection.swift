import Foundation
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

    /// Why a municipality was passed over (rendered per language by the report writers).
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// Named with --exclude.
        case excluded
        /// Already a case for another role.
        case alreadyChosen(role: String)
        /// Shares a province or region with a case already chosen.
        case clash(rule: Distinct, group: String, with: String, role: String)
        /// In top-k or bottom-k lists (for the average case), e.g. ["top 5 PA"].
        case listed([String])

        public var description: String {
            switch self {
            case .excluded: "excluded (--exclude)"
            case .alreadyChosen(let role): "already chosen for \(role)"
            case .clash(let rule, let group, let other, let role): "same \(rule.rawValue) (\(group)) as \(other), chosen for \(role)"
            case .listed(let lists): "in \(lists.joined(separator: ", "))"
            }
        }
    }

    /// A remark on a case.
    public enum Note: Sendable, Equatable, CustomStringConvertible {
        /// Every candidate was excluded or clashed.
        case noCandidate(rule: Distinct)
        /// The average case nearest to the mean profile.
        case nearest(distance: Double, k: Int)
        /// No municipality qualifies as average.
        case noAverage(plans: Int, k: Int)
        /// Forced with --average; empty reasons means it qualifies.
        case forced(reasons: [Reason])
        /// --average named a municipality that is not in the table.
        case unknown(String)
        /// --average named a municipality whose shares rest on too few signal words to be ranked.
        case notRanked(String, signalWords: Int, minimum: Int)

        public var description: String {
            switch self {
            case .noCandidate(let rule): "no municipality left after exclusions and the \(rule.rawValue) rule"
            case .nearest(let d, let k): "nearest to the mean profile (distance \(String(format: "%.1f", d)) points) among municipalities in no top-\(k) or bottom-\(k) list"
            case .noAverage(let n, let k): "no municipality qualifies as average: with \(n) plans the top-\(k) and bottom-\(k) lists cover them all (use a smaller --top, or --average NAME)"
            case .forced(let reasons): reasons.isEmpty ? "chosen with --average; it qualifies" : "chosen with --average; it does not qualify: \(reasons.map(\.description).joined(separator: "; "))"
            case .unknown(let name): "--average \(name): no such municipality in the table"
            case .notRanked(let name, let n, let min): "--average \(name): not ranked, its shares rest on \(n) signal words (fewer than \(min), --min-signal-words)"
            }
        }
    }

    /// A municipality passed over, and why.
    public struct Skip: Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// Why it was not chosen (one or more reasons).
        public var reasons: [Reason]
        /// The reasons as English text.
        public var reason: String { reasons.map(\.description).joined(separator: "; ") }

        /// Creates a skip.
        public init(municipality: String, reasons: [Reason]) {
            self.municipality = municipality
            self.reasons = reasons
        }
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
        /// A remark (forced average, no candidate, nearest distance).
        public var note: Note?
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
        func clash(_ row: ShareRow) -> Reason? {
            guard let g = group(row), !g.isEmpty,
                  let other = chosen.first(where: { group($0.row)?.lowercased() == g.lowercased() }) else { return nil }
            return .clash(rule: distinct, group: g, with: other.row.municipality, role: other.role)
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
                    skipped.append(Skip(municipality: row.municipality, reasons: [.excluded]))
                } else if let earlier = chosen.first(where: { $0.row.municipality == row.municipality }) {
                    skipped.append(Skip(municipality: row.municipality, reasons: [.alreadyChosen(role: earlier.role)]))
                } else if let why = clash(row) {
                    skipped.append(Skip(municipality: row.municipality, reasons: [why]))
                } else {
                    picked = Case(role: p.code, municipality: row.municipality, rank: ranks[i], share: row.profile[p], skipped: skipped)
                    chosen.append((row, p.code))
                    break
                }
            }
            cases.append(picked ?? Case(role: p.code, municipality: nil, rank: nil, share: nil, skipped: skipped,
                                        note: .noCandidate(rule: distinct)))
        }

        // The average case.
        let mean = ShareProfile.mean(rows.map(\.profile))
        var listed = [String: [String]]()
        for p in Perspective.allCases {
            for place in ranking.top(p, k: k) { listed[place.municipality, default: []].append("top \(k) \(p.code)") }
            for place in ranking.bottom(p, k: k) { listed[place.municipality, default: []].append("bottom \(k) \(p.code)") }
        }
        func disqualifications(_ row: ShareRow) -> [Reason] {
            var reasons = [Reason]()
            if excluded.contains(row.municipality.lowercased()) { reasons.append(.excluded) }
            if let earlier = chosen.first(where: { $0.row.municipality == row.municipality }) { reasons.append(.alreadyChosen(role: earlier.role)) }
            if let lists = listed[row.municipality] { reasons.append(.listed(lists)) }
            if let why = clash(row) { reasons.append(why) }
            return reasons
        }
        var candidates = [Candidate]()
        var averageSkips = [Skip]()
        if let mean {
            let distances = rows.map { $0.profile.distance(to: mean) }
            let byDistance = rows.indices.sorted { distances[$0] != distances[$1] ? distances[$0] < distances[$1] : $0 < $1 }
            for i in byDistance {
                let row = rows[i], d = distances[i]
                let reasons = disqualifications(row)
                if reasons.isEmpty {
                    candidates.append(Candidate(municipality: row.municipality, distance: d))
                } else if candidates.isEmpty && !chosen.contains(where: { $0.row.municipality == row.municipality }) {
                    averageSkips.append(Skip(municipality: row.municipality, reasons: reasons))
                }
            }
        }
        if let forced {
            if let row = rows.first(where: { $0.municipality.lowercased() == forced.lowercased() }) {
                let reasons = disqualifications(row)
                cases.append(Case(role: "average", municipality: row.municipality, rank: nil, share: nil, skipped: [],
                                  note: .forced(reasons: reasons)))
            } else if let row = ranking.unranked.first(where: { $0.municipality.lowercased() == forced.lowercased() }) {
                cases.append(Case(role: "average", municipality: nil, rank: nil, share: nil, skipped: [],
                                  note: .notRanked(row.municipality, signalWords: row.signalWords ?? 0, minimum: ranking.minSignalWords)))
            } else {
                cases.append(Case(role: "average", municipality: nil, rank: nil, share: nil, skipped: [],
                                  note: .unknown(forced)))
            }
        } else if let first = candidates.first {
            cases.append(Case(role: "average", municipality: first.municipality, rank: nil, share: nil, skipped: averageSkips,
                              note: .nearest(distance: first.distance, k: k)))
        } else {
            cases.append(Case(role: "average", municipality: nil, rank: nil, share: nil, skipped: averageSkips,
                              note: .noAverage(plans: rows.count, k: k)))
        }
        return CaseSelection(cases: cases, averageCandidates: candidates)
    }
}
