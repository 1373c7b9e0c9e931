/// One municipality's policy plan: its metadata from the manifest and the files it consists of.
public struct Plan: Sendable, Equatable, Codable {
    /// Municipality name (the unit of comparison).
    public var municipality: String
    /// Size class: G4, 100.000+ or 100.000-.
    public var category: String?
    /// Region: noord, oost, zuid or west.
    public var region: String?
    /// Province.
    public var province: String?
    /// Title of the plan.
    public var title: String?
    /// Year of the plan.
    public var year: String?
    /// Kind of plan (wmo, jeugd, sociaal domein, ...).
    public var planType: String?
    /// The files (paths) that make up the plan; their counts add up.
    public var files: [String]
    /// True when no manifest row names the plan: its name comes from its file (or from the
    /// metadata the file carries), and may be made distinct from another plan's.
    public var unlisted: Bool?

    /// Creates a plan.
    public init(municipality: String, category: String? = nil, region: String? = nil, province: String? = nil,
                title: String? = nil, year: String? = nil, planType: String? = nil, files: [String]) {
        self.municipality = municipality
        self.category = category
        self.region = region
        self.province = province
        self.title = title
        self.year = year
        self.planType = planType
        self.files = files
    }
}
