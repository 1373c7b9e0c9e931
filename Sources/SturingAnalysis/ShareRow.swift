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
