import SturingCore

/// One municipality's plan as the analysis sees it: its name, groups and share profile.
public struct ShareRow: Sendable, Equatable {
    /// Municipality name.
    public var municipality: String
    /// Size class (G4, 100.000+, 100.000-), when known.
    public var category: String?
    /// Region (noord, oost, zuid, west), when known.
    public var region: String?
    /// Province, when known.
    public var province: String?
    /// The four shares.
    public var profile: ShareProfile
    /// How many signal words the shares rest on (nil when the table does not say, as in appendix G).
    public var signalWords: Int?

    /// Creates a row.
    public init(municipality: String, category: String? = nil, region: String? = nil, province: String? = nil,
                profile: ShareProfile, signalWords: Int? = nil) {
        self.signalWords = signalWords
        self.municipality = municipality
        self.category = category
        self.region = region
        self.province = province
        self.profile = profile
    }
}

extension ShareRow {
    /// The row of a scored plan: its manifest fields, shares and signal words; nil when it has no
    /// signal word (no shares).
    public static func of(_ plan: Plan, _ score: DocumentScore) -> ShareRow? {
        let shares = Perspective.allCases.compactMap { score.perspectives[$0]?.share }
        guard shares.count == 4 else { return nil }
        return ShareRow(municipality: plan.municipality, category: plan.category, region: plan.region, province: plan.province,
                        profile: ShareProfile(shares), signalWords: score.totalSignalWords)
    }
}
