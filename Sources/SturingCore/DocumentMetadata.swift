/// What a structured document says about itself (government XML, council-data JSON): the fields
/// a manifest row has, never counted as text. The corpus uses them where the manifest leaves a
/// field empty (the manifest always wins), and documents.jsonl records them as provenance.
public struct DocumentMetadata: Sendable, Codable, Equatable {
    /// The format the fields were read from ("CVDR", "BWB", "officiële bekendmakingen",
    /// "rechtspraak", "Open Raadsinformatie", "Notubiz").
    public var source: String
    /// The document's title.
    public var title: String?
    /// The municipality that issued it.
    public var municipality: String?
    /// Its date as the source gives it (ISO 8601: "2015-03-12").
    public var date: String?
    /// Its identifier in the source ("CVDR112779_1", "BWBR0045754", "gmb-2024-216934", an ECLI).
    public var identifier: String?
    /// For an export that holds several documents: each one's title, date and identifier.
    public var parts: [Part]?

    /// One document of an export.
    public struct Part: Sendable, Codable, Equatable {
        /// Its title.
        public var title: String?
        /// Its date.
        public var date: String?
        /// Its identifier.
        public var identifier: String?

        /// Creates a part.
        public init(title: String? = nil, date: String? = nil, identifier: String? = nil) {
            self.title = title
            self.date = date
            self.identifier = identifier
        }
    }

    /// Creates metadata read from `source`.
    public init(source: String, title: String? = nil, municipality: String? = nil, date: String? = nil,
                identifier: String? = nil, parts: [Part]? = nil) {
        self.source = source
        self.title = title
        self.municipality = municipality
        self.date = date
        self.identifier = identifier
        self.parts = parts
    }

    /// The year of `date` (its first four digits), for the manifest's year field.
    public var year: String? {
        guard let date, date.count >= 4 else { return nil }
        let y = date.prefix(4)
        return y.allSatisfy(\.isNumber) ? String(y) : nil
    }
}
