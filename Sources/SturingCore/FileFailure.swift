/// A file that could not be scored, with a message that says what to do.
public struct FileFailure: Error, Sendable, Equatable, Codable {
    /// The path as given by the user.
    public var file: String
    /// What went wrong and what to do about it, in English.
    public var error: String
    /// Why the file could not be read, when reading it failed (a report words it again in its
    /// own language; nil for other failures, and for those of runs before 0.3.1).
    public var reason: IngestError?

    /// Creates a failure record.
    public init(file: String, error: String, reason: IngestError? = nil) {
        self.file = file
        self.error = error
        self.reason = reason
    }

    /// The failure to read `file`, with `reason`'s English message.
    public init(file: String, reason: IngestError) {
        self.init(file: file, error: reason.description, reason: reason)
    }
}
