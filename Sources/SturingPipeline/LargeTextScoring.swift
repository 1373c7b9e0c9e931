import Crypto
import Foundation
import SturingCore
import SturingIngest
import SturingText

/// Scores a very large plain text without holding it: two passes over the file a group of pages
/// at a time (`TextGroups`) — the first hashes it and surveys running lines and hyphenated
/// compounds, the second cleans each group with what the whole file showed and feeds the
/// scorer, which keeps about one chunk per thread. Memory stays flat in the size of the file;
/// the counts equal those of reading it whole. Such a file is not kept in the text cache.
public enum LargeTextScoring {
    /// Scores the text file at `path` (see `TextGroups.qualifies`) with `scorer`, cleaning on `threads` threads.
    public static func score(path: String, scorer: DocumentScorer, threads: Int, groupBytes: Int = 4 << 20) throws(IngestError) -> DocumentScore {
        // Pass 1: hash, page count, survey.
        var hasher = SHA256()
        var pageCount = 0
        var invalidUTF8 = false
        var checkedStart = false
        var lastPageBlank = false
        // A text without page breaks is one page and has no running lines, so surveying every
        // text as paged gives what reading it whole does.
        var cleaner = StreamingCleaner(paged: true, threads: threads)
        var groups = try TextGroups(path: path, groupBytes: groupBytes)
        while let group = try groups.next() {
            hasher.update(data: group.bytes)
            let (pages, invalid) = TextGroups.pages(group.bytes)
            invalidUTF8 = invalidUTF8 || invalid
            if !checkedStart {
                checkedStart = true
                if let first = pages.first, TextDecoder.looksLikeBinary(first) { throw .undecodable(encoding: "UTF-8") }
            }
            cleaner.survey(pages, whole: wholeFlags(pages.count, group: group))
            pageCount = group.firstPage + pages.count
            lastPageBlank = pages.last.map(DocumentReader.isBlankPage) ?? lastPageBlank
        }
        let sha256 = SHA256Hex.hex(hasher.finalize())
        // A blank last page after a page break is not a page.
        if pageCount > 1 && lastPageBlank { pageCount -= 1 }
        let hasPages = pageCount > 1
        // Pass 2: clean each group with the whole file's survey and score it.
        var report = CleaningReport()
        let meta = Document(file: path, sha256: sha256, kind: .text, encoding: "UTF-8", pages: [], hasPages: hasPages,
                            warnings: invalidUTF8 ? [Notice.invalidUTF8.message] : [], notices: invalidUTF8 ? [.invalidUTF8] : [])
        var stream = scorer.beginStream(meta)
        groups = try TextGroups(path: path, groupBytes: groupBytes)
        while let group = try groups.next() {
            var (pages, _) = TextGroups.pages(group.bytes)
            var numbers = (0..<pages.count).map { group.firstPage + $0 }
            var whole = wholeFlags(pages.count, group: group)
            if let last = numbers.last, last >= pageCount {
                // The blank page after the last page break.
                pages.removeLast(); numbers.removeLast(); whole.removeLast()
            }
            let cleaned = cleaner.clean(pages, whole: whole, report: &report)
            scorer.push(cleaned, pageNumbers: numbers, to: &stream)
        }
        report.repeatedLines.sort()
        do {
            return try scorer.finish(&stream, pageCount: pageCount, cleaning: report)
        } catch {
            throw .noWords
        }
    }

    /// Which of a group's pages are whole: not the first when it continues a cut page, not the
    /// last when it is cut.
    static func wholeFlags(_ count: Int, group: TextGroups.Group) -> [Bool] {
        var whole = [Bool](repeating: true, count: count)
        if count > 0 && group.continues { whole[0] = false }
        if count > 0 && group.endsInside { whole[count - 1] = false }
        return whole
    }
}
