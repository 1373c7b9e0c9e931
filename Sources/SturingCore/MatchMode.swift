/// How a lexicon entry's term is compared with the word forms of a text.
public enum MatchMode: String, Codable, Sendable, CaseIterable {
    /// The lowercased word form must equal the term.
    case exact
    /// The Snowball Dutch stem of the word form must equal the stem of the term.
    case stem
    /// The term holds `*` at its start and/or end (`zelfredza*`, `*markt`).
    case glob
}

/// The matching mode of a whole run: each entry's own setting, or one pure mode for every entry.
public enum MatchSetting: String, Codable, Sendable, CaseIterable {
    /// Every entry is matched as an exact form; include/exclude lists are ignored.
    case exact
    /// Every entry is matched by stem; include/exclude lists are ignored.
    case stem
    /// Each entry uses its own mode and its include/exclude/exclude_phrases lists.
    case lexicon
}
