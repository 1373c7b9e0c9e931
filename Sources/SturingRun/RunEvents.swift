import SturingCore
import SturingIngest
import SturingPipeline

/// What a run reports while it works, for a terminal (`sturing analyze`) or a browser (the
/// workspace). Every closure may be called from any thread; the defaults ignore the event.
public struct RunEvents: Sendable {
    /// A remark on the run's course ("shard 2/3: 40 of 120 files", "manifest PATH", "wrote PATH").
    public var note: @Sendable (String) -> Void = { _ in }
    /// A problem the run works around (a cache that cannot be written, a focus plan without a page).
    public var warning: @Sendable (String) -> Void = { _ in }
    /// The number of files the run will score (the corpus, or its shard), before the first is read.
    public var planned: @Sendable (Int) -> Void = { _ in }
    /// How far the file being read is (page, pages, pages read by OCR).
    public var reading: @Sendable (String, WorkerProtocol.Progress) -> Void = { _, _ in }
    /// A file has been read for this many seconds without finishing.
    public var slowFile: @Sendable (String, Double) -> Void = { _, _ in }
    /// A file was scored or failed.
    public var finished: @Sendable (FileOutcome) -> Void = { _ in }

    /// Events that go nowhere.
    public init() {}
}
