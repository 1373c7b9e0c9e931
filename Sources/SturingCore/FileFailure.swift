/// A file that could not be scored, with a message that says what to do.
public struct FileFailure: Error, Sendable, Equatable, Codable {
    /// The path as given by the user.
    public var file: String
    /// What went wrong and what to do about it.
    public var error: String

    /// Creates a failure record.
    public init(file: String, error: String) {
        self.file = file
        self.error = error
    }
}

/// The version of the tool, recorded in every output.
public enum SturingVersion {
    /// Semantic version of sturing.
    public static let current = "0.3.0"
}
