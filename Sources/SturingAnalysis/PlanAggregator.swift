import SturingCore

/// Adds up the scores of the files of one plan (a municipality whose plan spans several files).
public enum PlanAggregator {
    /// One score for all `scores` (at least one), named `name`: tokens, pages and every term's
    /// count and forms add up; shares and densities are computed anew from the sums.
    public static func combine(_ scores: [DocumentScore], name: String) -> DocumentScore {
        precondition(!scores.isEmpty, "a plan needs at least one scored document")
        if scores.count == 1 {
            var only = scores[0]
            only.file = name
            only.evidence = [:]  // evidence stays with the documents
            return only
        }
        let tokens = scores.reduce(0) { $0 + $1.tokens }
        let knownPages = scores.compactMap(\.pages)
        var terms = [Perspective: [TermCount]]()
        var excluded = [Perspective: [TermCount]]()
        var counts = [Perspective: Int]()
        for p in Perspective.allCases {
            terms[p] = merge(scores.map { $0.terms[p] ?? [] }, keepZero: true)
            excluded[p] = merge(scores.map { $0.excluded[p] ?? [] }, keepZero: false)
            counts[p] = terms[p]!.reduce(0) { $0 + $1.count }
        }
        var overlaps = [String: Overlap]()
        for o in scores.flatMap(\.overlaps) {
            if var known = overlaps[o.form] { known.count += o.count; overlaps[o.form] = known } else { overlaps[o.form] = o }
        }
        var cleaning = CleaningReport()
        for s in scores {
            cleaning.hyphenationsJoined += s.cleaning.hyphenationsJoined
            cleaning.hyphensKept += s.cleaning.hyphensKept
            cleaning.repeatedLinesRemoved += s.cleaning.repeatedLinesRemoved
            cleaning.softHyphensRemoved += s.cleaning.softHyphensRemoved
            cleaning.repeatedLines += s.cleaning.repeatedLines.filter { !cleaning.repeatedLines.contains($0) }
        }
        var warnings = [String]()
        for s in scores { warnings += s.warnings.map { "\(s.file): \($0)" } }
        var combined = DocumentScore(
            file: name, sha256: "", tokens: tokens, pages: knownPages.isEmpty ? nil : knownPages.reduce(0, +),
            encoding: Set(scores.map(\.encoding)).sorted().joined(separator: "+"),
            perspectives: PerspectiveScore.from(counts: counts, tokens: tokens), terms: terms, excluded: excluded,
            overlaps: overlaps.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.form < $1.form },
            cleaning: cleaning, warnings: warnings)
        combined.notices = scores.flatMap(\.notices)
        let profiles = scores.compactMap(\.sentences)
        if profiles.count == scores.count { combined.sentences = SentenceProfile.combined(profiles) }
        return combined
    }

    /// Merges term lists (same terms in lexicon order), adding counts and forms.
    static func merge(_ lists: [[TermCount]], keepZero: Bool) -> [TermCount] {
        var order = [String]()
        var counts = [String: Int]()
        var forms = [String: [String: Int]]()
        for list in lists {
            for t in list {
                if counts[t.term] == nil { order.append(t.term); counts[t.term] = 0 }
                counts[t.term]! += t.count
                for f in t.forms { forms[t.term, default: [:]][f.form, default: 0] += f.count }
            }
        }
        return order.compactMap { term in
            let c = counts[term] ?? 0
            if c == 0 && !keepZero { return nil }
            let f = (forms[term] ?? [:]).map { (form: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.form < $1.form }
            return TermCount(term: term, count: c, forms: f)
        }
    }
}
