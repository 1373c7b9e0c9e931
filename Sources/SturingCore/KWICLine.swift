/// One occurrence of a signal word in its context (keyword in context), so a reader can check
/// that the word means what the lexicon says.
public struct KWICLine: Sendable, Equatable, Codable {
    /// The document.
    public var file: String
    /// 1-based page, nil for text without pages.
    public var page: Int?
    /// The perspective the match counted for.
    public var perspective: Perspective
    /// The lexicon term.
    public var term: String
    /// The words before the match.
    public var left: String
    /// The matched text as it stands in the document.
    public var match: String
    /// The words after the match.
    public var right: String
    /// With a context model: the probability that the match signals its perspective.
    public var p: Double?

    /// Creates a line.
    public init(file: String, page: Int?, perspective: Perspective, term: String, left: String, match: String, right: String) {
        self.file = file
        self.page = page
        self.perspective = perspective
        self.term = term
        self.left = left
        self.match = match
        self.right = right
    }
}
