import SturingCore

/// The counting rules: how a form counts (directly, in context, not at all), the walk over the
/// tokens that claims each token once per perspective, phrases and their exclusions.
extension DocumentScorer {
    /// How form `id` counts (computed once per form, then read from the table).
    @inline(__always)
    private func kind(_ id: Int32) -> FormTable.Kind {
        let k = table.base[Int(id)].kind
        return k == .unknown ? classify(id) : k
    }

    private func classify(_ id: Int32) -> FormTable.Kind {
        let info = matcher.info(id)
        var seen: UInt8 = 0
        var claims = [Int]()
        for e in info.matches {
            let bit = UInt8(1) << UInt8(entryPerspective[e])
            if seen & bit == 0 { seen |= bit; claims.append(e) }
        }
        let k: FormTable.Kind = info.needsContext ? .context : (claims.isEmpty ? .none : .direct)
        table.set(Int(id), kind: k, claims: claims, excluded: !info.excludedBy.isEmpty)
        return k
    }

    func needsContext(_ id: Int32) -> Bool { kind(id) == .context }

    /// Counts forms that need no context, once per distinct form.
    func countByForm(_ tally: inout Tally) {
        for id in touched {
            let k = kind(id)
            // Most forms match nothing: no need to look at what the lexicon says of them.
            if k == .context || (k == .none && !table.base[Int(id)].excluded) { continue }
            let info = matcher.info(id)
            let n = Int(table.base[Int(id)].count)
            for e in info.excludedBy { tally.exclude(e, form: info.form, n: n) }
            guard !info.matches.isEmpty else { continue }
            var claimed: UInt8 = 0
            var claims = [Int]()
            for e in info.matches {
                let bit = UInt8(1) << UInt8(entryPerspective[e])
                if claimed & bit != 0 { continue }
                claimed |= bit
                claims.append(e)
                tally.count(e, form: info.form, n: n)
            }
            if claims.count > 1 { tally.overlap(form: info.form, entries: claims, n: n, lexicon: lexicon) }
        }
    }

    /// Counts forms that take part in phrases or have excluded contexts, token by token.
    func countInContext(_ tally: inout Tally) {
        walk(where: { needsContext($0) }) { event in
            switch event {
            case .counted(let e, let form, _, _): tally.count(e, form: form, n: 1)
            case .excluded(let e, let form): tally.exclude(e, form: form, n: 1)
            case .overlap(let form, let entries): tally.overlap(form: form, entries: entries, n: 1, lexicon: lexicon)
            }
        }
    }

    /// What the token walk finds.
    enum WalkEvent {
        /// Entry `entry` counted `form` at tokens `token..<token+length`.
        case counted(entry: Int, form: String, token: Int, length: Int)
        /// Entry `entry` would have counted, but an exclude list or phrase kept `form` out.
        case excluded(entry: Int, form: String)
        /// Tokens of `form` counted for the perspectives of several entries.
        case overlap(form: String, entries: [Int])
    }

    /// Applies the counting rules token by token to the tokens whose form passes `include`:
    /// phrases first (longest first), then single-word entries; a token counts at most once per
    /// perspective. Counting (for forms that need context) and evidence share these rules, so a
    /// context line always shows a match that was counted.
    private func walk(where include: (Int32) -> Bool, _ emit: (WalkEvent) -> Void) {
        var claims = Claims()
        for i in 0..<stream.count where include(stream.forms[i]) {
            step(i, claims: &claims, emit)
        }
    }

    /// The tokens already counted per perspective: every token up to `until[p]`, and the
    /// particles of split verbs further on (`later[p]`).
    struct Claims {
        var until = [Int](repeating: -1, count: Perspective.allCases.count)
        var later = [[Int]](repeating: [], count: Perspective.allCases.count)

        /// True when token `i` already counts for perspective `p`.
        mutating func has(_ i: Int, _ p: Int) -> Bool {
            if until[p] >= i { return true }
            if later[p].isEmpty { return false }
            later[p].removeAll { $0 < i }
            return later[p].contains(i)
        }
    }

    /// Walks every token that can count. Tokens of forms that need no context count for their
    /// claims directly (one per perspective, first entry in lexicon order), without the rule
    /// machinery; the others go through `step`. Emits only `.counted` events.
    func walkCounted(_ emit: (WalkEvent) -> Void) {
        var claims = Claims()
        let ids = stream.forms
        for i in 0..<ids.count {
            let id = ids[i]
            switch kind(id) {
            case .none, .unknown:
                continue
            case .context:
                step(i, claims: &claims) { if case .counted = $0 { emit($0) } }
            case .direct:
                let row = table.base[Int(id)]
                for c in 0..<Int(row.claimCount) {
                    emit(.counted(entry: Int(table.claims[Int(row.claimStart) + c]), form: "", token: i, length: 1))
                }
            }
        }
    }

    /// The counting rules at token `i`.
    private func step(_ i: Int, claims: inout Claims, _ emit: (WalkEvent) -> Void) {
        let id = stream.forms[i]
        if needsContext(id) {
            for k in matcher.info(id).phraseStarts {
                let phrase = lexicon.phrases[k]
                let pe = phrase.entry
                let p = entryPerspective[pe]
                guard !claims.has(i, p), let found = phraseMatch(phrase, at: i) else { continue }
                let words = { (r: Range<Int>) in r.map { self.matcher.info(self.stream.forms[$0]).form }.joined(separator: " ") }
                let form = found.after.isEmpty ? words(found.before) : words(found.before) + " ... " + words(found.after)
                if entryHasExcludePhrases[pe], let excluded = excludingPhrase(lexicon.entries[pe], at: i) {
                    emit(.excluded(entry: pe, form: "\(form) [\(excluded)]"))
                    continue
                }
                let end = found.after.isEmpty ? found.before.upperBound : found.after.upperBound
                emit(.counted(entry: pe, form: form, token: i, length: end - i))
                claims.until[p] = found.before.upperBound - 1
                claims.later[p].append(contentsOf: found.after)
            }
        }
        let info = matcher.info(id)
        for e in info.excludedBy { emit(.excluded(entry: e, form: info.form)) }
        var counted = [Int]()
        for e in info.matches {
            let p = entryPerspective[e]
            guard !claims.has(i, p) else { continue }
            if entryHasExcludePhrases[e], let phrase = excludingPhrase(lexicon.entries[e], at: i) {
                emit(.excluded(entry: e, form: "\(info.form) [\(phrase)]"))
                continue
            }
            emit(.counted(entry: e, form: info.form, token: i, length: 1))
            claims.until[p] = i
            counted.append(e)
        }
        if counted.count > 1 { emit(.overlap(form: info.form, entries: counted)) }
    }

    /// Where `phrase` matches from token `i`: the tokens of its first words and, for a split
    /// verb, of the words after the gap (the nearest, at most `separableGap` tokens on, in the
    /// same sentence).
    private func phraseMatch(_ phrase: CompiledLexicon.Phrase, at i: Int) -> (before: Range<Int>, after: Range<Int>)? {
        guard let n = phraseLength(phrase.before, at: i) else { return nil }
        let before = i..<(i + n)
        guard phrase.isSplit else { return (before, before.upperBound..<before.upperBound) }
        var j = before.upperBound
        while j < stream.count && j - before.upperBound <= LexiconEntry.separableGap {
            if units.withUnsafeBufferPointer({ sentenceBreak(j - 1, j, in: $0) }) { return nil }
            if let m = phraseLength(phrase.after, at: j) { return (before, j..<(j + m)) }
            j += 1
        }
        return nil
    }

    /// The number of tokens a phrase covers when it starts at token `i`, or nil.
    private func phraseLength(_ components: [WordPattern], at i: Int) -> Int? {
        guard i + components.count <= stream.count else { return nil }
        for (k, pattern) in components.enumerated() {
            let t = i + k
            if k > 0 && !adjacent(t - 1, t) { return nil }
            let info = matcher.info(stream.forms[t])
            if !pattern.matches(form: info.key, stem: info.stem) { return nil }
        }
        return components.count
    }

    /// The exclude phrase of `entry` that covers token `i`, if any.
    private func excludingPhrase(_ entry: CompiledLexicon.Entry, at i: Int) -> String? {
        for (p, phrase) in entry.excludePhrases.enumerated() {
            for offset in 0..<phrase.count {
                let start = i - offset
                guard start >= 0, start + phrase.count <= stream.count else { continue }
                if phraseLength(phrase, at: start) != nil { return entry.excludePhraseTexts[p] }
            }
        }
        return nil
    }

    /// True when only white space separates token `a` from token `b`.
    func adjacent(_ a: Int, _ b: Int) -> Bool {
        let from = Int(stream.ends[a]), to = Int(stream.starts[b])
        guard from <= to else { return false }
        for k in from..<to where !WhiteSpace.contains(units[k]) { return false }
        return true
    }
}
