import Foundation
import SturingCore

/// Cleans extracted page texts before tokenizing: soft hyphens, NFKC, running headers/footers and
/// page numbers, and words hyphenated across a line end.
public enum TextCleaner {
    /// Cleans `pages`. Running lines are removed only when `removeRunningLines` and there are
    /// at least three pages with text. The pages are worked on by `threads` threads (the result
    /// does not depend on it).
    public static func clean(pages: consuming [String], removeRunningLines: Bool, threads: Int = 1) -> (pages: [String], report: CleaningReport) {
        var texts = consume pages
        var report = apply(&texts, threads: threads, running: removeRunningLines ? .fromThesePages : .none, compounds: nil).report
        report.repeatedLines.sort()
        return (texts, report)
    }

    /// Where the running lines to remove come from.
    enum RunningLineSource {
        /// None are removed.
        case none
        /// Found on the pages being cleaned.
        case fromThesePages
        /// Found by a survey of the whole document (`StreamingCleaner`).
        case known(Set<UInt64>)
    }

    /// The cleaning steps, in place: soft hyphens and NFKC, running lines, line-end hyphens
    /// (joined unless the compound is written with a hyphen in `compounds`, or, when nil, on
    /// these pages). Pages that are not `whole` (pieces of a cut page) get no running-line check.
    /// Returns the document's report and what was done to each page (the removed lines
    /// themselves only with `linesByPage`).
    static func apply(_ texts: inout [String], threads: Int, whole: [Bool]? = nil, running: RunningLineSource,
                      compounds: Set<String>?, linesByPage: Bool = false) -> (report: CleaningReport, byPage: [PageCleaning]) {
        var report = CleaningReport()
        var byPage = [PageCleaning](repeating: PageCleaning(), count: texts.count)
        let soft = normalize(&texts, threads: threads)
        for (i, n) in soft.enumerated() { byPage[i].softHyphensRemoved = n }
        report.softHyphensRemoved = soft.reduce(0, +)
        if case .none = running {} else {
            var zones = RunningLines.zones(of: texts, threads: threads)
            if let whole { zones = zip(zones, whole).map { $1 ? $0 : [] } }
            var found: Set<UInt64>
            switch running {
            case .known(let set): found = set
            default:
                var census = RunningLines.Census()
                census.add(zones)
                found = census.running()
            }
            if !found.isEmpty {
                let removed = RunningLines.drop(found, zones: zones, from: &texts, report: &report, threads: threads, keepLines: linesByPage)
                for (i, lines) in removed.enumerated() { byPage[i].removedLines = lines }
            }
        }
        // Most pages have no line-end hyphen: look for one before copying bytes or collecting the
        // document's hyphenated compounds.
        let input = texts
        let withHyphen = ParallelMap.map(input.count, threads: threads) { LineEndHyphens.hasLineEndHyphen(input[$0]) }
        guard withHyphen.contains(true) else { return (report, byPage) }
        let known = LineEndHyphens.KnownCompounds(compounds ?? ParallelMap.map(input.count, threads: threads) { LineEndHyphens.inlineCompounds([input[$0]]) }
            .reduce(into: Set<String>()) { $0.formUnion($1) })
        _ = consume input
        let joined = replaceInBlocks(&texts, threads: threads) { i, page -> (String, CleaningReport) in
            var pageReport = CleaningReport()
            guard withHyphen[i] else { return (page, pageReport) }
            return (LineEndHyphens.join(page, known: known, report: &pageReport), pageReport)
        }
        for (i, part) in joined.enumerated() {
            report.hyphenationsJoined += part.hyphenationsJoined
            report.hyphensKept += part.hyphensKept
            byPage[i].hyphenationsJoined = part.hyphenationsJoined
            byPage[i].hyphensKept = part.hyphensKept
        }
        return (report, byPage)
    }

    /// Pages replaced per block of this many at a time.
    static let block = 128

    /// Replaces every page by `transform(index, page).0`, a block of pages at a time on `threads`
    /// threads, so only one block's old and new texts are held together; returns the `.1`s.
    static func replaceInBlocks<T>(_ texts: inout [String], threads: Int, _ transform: (Int, String) -> (String, T)) -> [T] {
        var extras = [T]()
        extras.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let end = min(texts.count, start + block)
            let slice = Array(texts[start..<end])
            let done = ParallelMap.map(slice.count, threads: threads) { transform(start + $0, slice[$0]) }
            for (k, result) in done.enumerated() {
                texts[start + k] = result.0
                extras.append(result.1)
            }
            start = end
        }
        return extras
    }

    /// True when the UTF-8 text holds U+00AD (bytes C2 AD).
    static func containsSoftHyphen(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while let hit = ByteSearch.first(0xC2, in: b, from: i) {
                if hit + 1 < b.count && b[hit + 1] == 0xAD { return true }
                i = hit + 1
            }
            return false
        }
    }
}

extension TextCleaner {
    /// Removes soft hyphens and applies NFKC to each page, in place; returns how many soft
    /// hyphens each page had.
    static func normalize(_ texts: inout [String], threads: Int) -> [Int] {
        let removed = replaceInBlocks(&texts, threads: threads) { _, page -> (String, Int) in
            var text = page
            var removed = 0
            if containsSoftHyphen(text) {
                let before = text.unicodeScalars.count
                text.unicodeScalars.removeAll { $0.value == 0xAD }
                removed = before - text.unicodeScalars.count
            }
            return (ICUText.nfkc(text), removed)
        }
        return removed
    }
}

extension TextCleaner {
    /// What `clean` does to each page, by the same steps.
    public static func cleanByPage(pages: [String], removeRunningLines: Bool) -> [PageCleaning] {
        var texts = pages
        return apply(&texts, threads: 1, running: removeRunningLines ? .fromThesePages : .none, compounds: nil,
                     linesByPage: true).byPage
    }
}
