import SturingCore
import SturingReport

/// What a finished run (or merge) did, for the closing lines and the exit code.
public struct RunSummary: Sendable {
    /// The output folder.
    public var folder: String
    /// Plans scored.
    public var plans: Int
    /// Files and manifest rows that could not be scored (also in errors.csv).
    public var failures: [FileFailure]
    /// Remarks from planning and combining (also in the report).
    public var warnings: [String]
    /// The warnings the closing lines word in the run's language (see `Notice`).
    public var notices: [Notice] = []
    /// A lexicon whose language does not fit the documents' (nil: it fits).
    public var lexiconLanguage: String?
    /// The text cache's hits and misses (nil: no cache, or a merge).
    public var cache: (hits: Int, misses: Int)?
    /// Documents kept from the interrupted run this one resumed.
    public var resumed: Int
    /// For a merge: the number of shards.
    public var shards: Int?
    /// The language of the run's report and messages.
    public var language: Language
}
