import Foundation
import SturingCore

/// What cleaning did to one page (for `sturing text --report`).
public struct PageCleaning: Sendable, Equatable, Codable {
    /// The running lines removed from the page (headers, footers, page numbers), as written.
    public var removedLines: [String] = []
    /// Words hyphenated at a line end that were joined.
    public var hyphenationsJoined = 0
    /// Line-end hyphens that were kept.
    public var hyphensKept = 0
    /// Soft hyphens removed.
    public var softHyphensRemoved = 0
}
