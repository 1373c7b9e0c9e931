import Foundation
import SturingCore

/// `TextCleaner` for a text read a group of pages at a time (`TextGroups`): a first pass
/// surveys every page (running-line census, hyphenated compounds), a second cleans each group
/// with what the whole document showed, so the result equals cleaning all pages at once.
/// Pieces of a page that was cut between groups get no running-line check.
public struct StreamingCleaner {
    private var census = RunningLines.Census()
    private var compounds = Set<String>()
    private var running: Set<UInt64>?
    /// True when the document has page breaks (running lines are only looked for then).
    public let paged: Bool
    /// Threads that work on a group's pages.
    public let threads: Int

    /// A cleaner for a document with (`paged`) or without page breaks.
    public init(paged: Bool, threads: Int = 1) {
        self.paged = paged
        self.threads = threads
    }

    /// Pass 1: notes the running-line keys and hyphenated compounds of some pages; `whole`
    /// says which are whole pages (not pieces of a cut page).
    public mutating func survey(_ pages: [String], whole: [Bool]) {
        var normalized = pages
        _ = TextCleaner.normalize(&normalized, threads: threads)
        if paged {
            let zones = RunningLines.zones(of: normalized, threads: threads)
            census.add(zip(zones, whole).map { $1 ? $0 : [] })
        }
        for page in normalized where LineEndHyphens.hasLineEndHyphen(page) {
            compounds.formUnion(LineEndHyphens.inlineCompounds([page]))
        }
    }

    /// Pass 2: the cleaned pages of a group, with the cleaning counted in `report`.
    public mutating func clean(_ pages: [String], whole: [Bool], report: inout CleaningReport) -> [String] {
        if running == nil { running = census.running() }
        var texts = pages
        let part = TextCleaner.apply(&texts, threads: threads, whole: whole, running: paged ? .known(running ?? []) : .none,
                                     compounds: compounds).report
        report.softHyphensRemoved += part.softHyphensRemoved
        report.hyphenationsJoined += part.hyphenationsJoined
        report.hyphensKept += part.hyphensKept
        report.repeatedLinesRemoved += part.repeatedLinesRemoved
        // A running line is named once, as it first appeared ("Pagina 1 van 40", not every page's number).
        var named = Set(report.repeatedLines.map(RunningLines.keyHashOfShown))
        for line in part.repeatedLines where named.insert(RunningLines.keyHashOfShown(line)).inserted { report.repeatedLines.append(line) }
        return texts
    }
}
