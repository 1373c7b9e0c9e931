import SturingCore

/// A run that cannot start or finish as asked: the description names the folder, file or option,
/// what is wrong and what to do. `sturing` prints it and exits with 2; the workspace shows it.
public struct RunError: UserError, Sendable {
    /// What is wrong and what to do.
    public let description: String

    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
