import Foundation
import SturingCore

/// Running counts for one document, per lexicon entry that counted or excluded something, with
/// the forms behind each count. Kept sparse: a document meets a few hundred entries of a lexicon
/// that may have hundreds of thousands, and its score lists only those.
struct Tally {
    /// One entry's count, the forms behind it and the forms its exclusions kept out.
    struct Counts {
        var count = 0
        var forms: [String: Int] = [:]
        var excluded: [String: Int] = [:]
    }

    private(set) var entries: [Int: Counts] = [:]
    /// Per entry, the sum of its matches' probabilities under a context model, in hundredths
    /// (nil: no model).
    var expectedHundredths: [Int: Int]?
    var overlaps: [String: (claims: [String], n: Int)] = [:]

    mutating func count(_ entry: Int, form: String, n: Int) {
        entries[entry, default: Counts()].count += n
        entries[entry, default: Counts()].forms[form, default: 0] += n
    }

    mutating func exclude(_ entry: Int, form: String, n: Int) {
        entries[entry, default: Counts()].excluded[form, default: 0] += n
    }

    mutating func overlap(form: String, entries: [Int], n: Int, lexicon: CompiledLexicon) {
        let claims = entries.map { "\(lexicon.entries[$0].perspective.code):\(lexicon.entries[$0].term)" }
        let old = overlaps[form]?.n ?? 0
        overlaps[form] = (claims, old + n)
    }

    /// Builds the document's score from the tallies.
    func score(for document: Document, tokens: Int, lexicon: CompiledLexicon) -> DocumentScore {
        var perspectiveCounts = [Perspective: Int]()
        var terms = [Perspective: [TermCount]]()
        var excludedTerms = [Perspective: [TermCount]]()
        var expectedByPerspective = [Perspective: Int]()
        // The entries that counted or excluded something, in lexicon order.
        for (index, c) in entries.sorted(by: { $0.key < $1.key }) {
            let entry = lexicon.entries[index]
            let p = entry.perspective
            perspectiveCounts[p, default: 0] += c.count
            var term = TermCount(term: entry.term, count: c.count, forms: sorted(c.forms))
            if let milli = expectedHundredths {
                let m = milli[index] ?? 0
                term.expected = Double(m) / Double(SentenceProfile.modelScale)
                expectedByPerspective[p, default: 0] += m
            }
            terms[p, default: []].append(term)
            if !c.excluded.isEmpty {
                let ex = sorted(c.excluded)
                excludedTerms[p, default: []].append(TermCount(term: entry.term, count: ex.reduce(0) { $0 + $1.count }, forms: ex))
            }
        }
        let total = perspectiveCounts.values.reduce(0, +)
        let perspectives = PerspectiveScore.from(counts: perspectiveCounts, tokens: tokens,
                                                 expectedHundredths: expectedHundredths == nil ? nil : expectedByPerspective)
        for p in Perspective.allCases where terms[p] == nil { terms[p] = [] }
        var warnings = document.warnings
        var notices = document.notices
        func add(_ notice: Notice) { warnings.append(notice.message); notices.append(notice) }
        if total == 0 {
            add(.noSignalWords)
        } else if total < ScoringThresholds.fewSignalWords {
            add(.fewSignalWords(total))
        }
        let overlapList = overlaps.map { Overlap(form: $0.key, claimedBy: $0.value.claims, count: $0.value.n) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.form < $1.form }
        for o in overlapList {
            add(.overlap(o.form, claimedBy: o.claimedBy, count: o.count))
        }
        var score = DocumentScore(
            file: document.file, sha256: document.sha256, tokens: tokens,
            pages: document.hasPages ? document.pages.count : nil, encoding: document.encoding,
            perspectives: perspectives, terms: terms, excluded: excludedTerms, overlaps: overlapList,
            cleaning: document.cleaning, warnings: warnings, ocr: document.ocr)
        score.metadata = document.metadata
        score.notices = notices
        return score
    }

    private func sorted(_ forms: [String: Int]) -> [(form: String, count: Int)] {
        forms.map { (form: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.form < $1.form }
    }
}

extension Tally {
    /// Adds the counts of another part of the same document.
    mutating func add(_ other: Tally) {
        for (e, c) in other.entries {
            entries[e, default: Counts()].count += c.count
            for (form, n) in c.forms { entries[e, default: Counts()].forms[form, default: 0] += n }
            for (form, n) in c.excluded { entries[e, default: Counts()].excluded[form, default: 0] += n }
        }
        for (form, o) in other.overlaps {
            overlaps[form] = (o.claims, (overlaps[form]?.n ?? 0) + o.n)
        }
        if let more = other.expectedHundredths {
            var sum = expectedHundredths ?? [:]
            for (e, m) in more { sum[e, default: 0] += m }
            expectedHundredths = sum
        }
    }
}
