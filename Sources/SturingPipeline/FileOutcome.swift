import SturingCore

/// What became of one input file: a score or a failure.
public enum FileOutcome: Sendable {
    /// The file was read and scored.
    case scored(DocumentScore)
    /// The file could not be read; the message says what to do.
    case failed(FileFailure)

    /// The file path.
    public var file: String {
        switch self {
        case .scored(let s): s.file
        case .failed(let f): f.file
        }
    }
}
