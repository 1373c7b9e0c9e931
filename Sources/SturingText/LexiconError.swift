import SturingCore

/// A problem in a lexicon file: where it is and what is wrong. Nothing is scored with a broken lexicon.
public struct LexiconError: UserError, Sendable, Equatable {
    /// The lexicon file.
    public var file: String
    /// 1-based line, 0 when the problem is the whole file.
    public var line: Int
    /// What is wrong and what to do.
    public var message: String

    /// Creates a lexicon error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
