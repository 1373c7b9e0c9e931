import SturingCore

/// Errors of the text stage that stop a run (not per-document problems).
public enum TextError: UserError, Sendable, Equatable {
    /// ICU could not be set up.
    case icu(String)
    /// libstemmer has no Dutch stemmer.
    case stemmerUnavailable

    public var description: String {
        switch self {
        case .icu(let m): "ICU: \(m) (reinstall libicu-dev: `make deps`)"
        case .stemmerUnavailable: "libstemmer has no Dutch stemmer (install libstemmer-dev: `make deps`)"
        }
    }
}

/// Why one document could not be scored after it was read.
public enum ScoringError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cleaned text has no letter words.
    case noWords

    public var description: String {
        switch self {
        case .noWords: "no words found in the text (the file holds no readable Dutch text; check that it is the plan)"
        }
    }
}
