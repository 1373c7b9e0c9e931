import SturingCore

extension ScoreJSON {
    /// The most a count in a document record can be (more words than any file this tool reads).
    static let largestCount = 1 << 40

    /// True when every count of a document record is a whole number from 0 to `largestCount`:
    /// a count that is text, a fraction, negative or absurdly large means the record was changed,
    /// and it must not be read as 0.
    static func countsAreWhole(_ v: JSONValue) -> Bool {
        func whole(_ x: JSONValue?) -> Bool { if case .int(let n)? = x { n >= 0 && n <= largestCount } else { false } }
        for p in Perspective.allCases {
            if let c = v["perspectives"]?[p.code] { guard whole(c["count"]) else { return false } }
            for (_, count) in v["terms"]?[p.code]?.objectValue ?? [] { guard whole(count) else { return false } }
            for (_, forms) in v["forms"]?[p.code]?.objectValue ?? [] {
                for (_, count) in forms.objectValue ?? [] { guard whole(count) else { return false } }
            }
        }
        return true
    }

    /// Reads back one document object as `document(_:)` wrote it: every count, form, excluded
    /// form, overlap, cleaning figure, warning and evidence line in its order. Shares and densities
    /// are computed again from the counts (the JSON rounds them), so the score equals the original.
    /// Nil when a required field is missing.
    public static func decodeDocument(_ v: JSONValue) -> DocumentScore? {
        guard let file = v["file"]?.stringValue, let tokens = v["tokens"]?.intValue, tokens >= 0,
              let perspectivesJSON = v["perspectives"], let termsJSON = v["terms"], countsAreWhole(v) else { return nil }
        var counts = [Perspective: Int]()
        var terms = [Perspective: [TermCount]](), excluded = [Perspective: [TermCount]]()
        var evidence = [Perspective: [KWICLine]]()
        func forms(_ value: JSONValue?) -> [(form: String, count: Int)] {
            (value?.objectValue ?? []).map { (form: $0.0, count: $0.1.intValue ?? 0) }
        }
        // With a context model: expected counts, kept in hundredths as the scorer made them.
        var expectedHundredths: [Perspective: Int]? = nil
        func milli(_ x: JSONValue?) -> Int? { x?.doubleValue.map { Int(($0 * Double(SentenceProfile.modelScale)).rounded()) } }
        for p in Perspective.allCases {
            counts[p] = perspectivesJSON[p.code]?["count"]?.intValue ?? 0
            if let m = milli(perspectivesJSON[p.code]?["expected"]) { expectedHundredths = (expectedHundredths ?? [:]).merging([p: m]) { $1 } }
            let formMap = v["forms"]?[p.code]
            let expectedMap = v["terms_expected"]?[p.code]
            terms[p] = (termsJSON[p.code]?.objectValue ?? []).map { term, count in
                var t = TermCount(term: term, count: count.intValue ?? 0, forms: forms(formMap?[term]))
                if v["terms_expected"] != nil { t.expected = expectedMap?[term]?.doubleValue ?? 0 }
                return t
            }
            let ex = (v["excluded"]?[p.code]?.objectValue ?? []).map { term, formsJSON in
                let f = forms(formsJSON)
                return TermCount(term: term, count: f.reduce(0) { $0 + $1.count }, forms: f)
            }
            if !ex.isEmpty { excluded[p] = ex }
            if let lines = v["evidence"]?[p.code]?.arrayValue {
                evidence[p] = lines.map {
                    KWICLine(file: $0["file"]?.stringValue ?? "", page: $0["page"]?.intValue, perspective: p,
                             term: $0["term"]?.stringValue ?? "", left: $0["left"]?.stringValue ?? "",
                             match: $0["match"]?.stringValue ?? "", right: $0["right"]?.stringValue ?? "")
                }
            }
        }
        let overlaps = (v["overlaps"]?.arrayValue ?? []).map {
            Overlap(form: $0["form"]?.stringValue ?? "", claimedBy: ($0["claimed_by"]?.arrayValue ?? []).compactMap(\.stringValue),
                    count: $0["count"]?.intValue ?? 0)
        }
        let c = v["cleaning"]
        var cleaning = CleaningReport()
        cleaning.hyphenationsJoined = c?["hyphenations_joined"]?.intValue ?? 0
        cleaning.hyphensKept = c?["hyphens_kept"]?.intValue ?? 0
        cleaning.repeatedLinesRemoved = c?["repeated_lines_removed"]?.intValue ?? 0
        cleaning.repeatedLines = (c?["repeated_lines"]?.arrayValue ?? []).compactMap(\.stringValue)
        cleaning.softHyphensRemoved = c?["soft_hyphens_removed"]?.intValue ?? 0
        var score = DocumentScore(
            file: file, sha256: v["sha256"]?.stringValue ?? "", tokens: tokens, pages: v["pages"]?.intValue,
            encoding: v["encoding"]?.stringValue ?? "", perspectives: PerspectiveScore.from(counts: counts, tokens: tokens, expectedHundredths: expectedHundredths),
            terms: terms, excluded: excluded, overlaps: overlaps, cleaning: cleaning,
            warnings: (v["warnings"]?.arrayValue ?? []).compactMap(\.stringValue))
        score.evidence = evidence
        score.notices = (v["notices"]?.arrayValue ?? []).compactMap(ScoreJSON.decodeNotice)
        if let ocr = v["ocr"], let engine = ocr["engine"]?.stringValue {
            score.ocr = OCRRecord(engine: engine, pages: (ocr["pages"]?.arrayValue ?? []).compactMap { p in
                guard let page = p["page"]?.intValue, let reason = p["reason"]?.stringValue.flatMap(OCRRecord.Reason.init) else { return nil }
                return OCRRecord.Page(page: page, confidence: p["confidence"]?.intValue ?? 0, reason: reason)
            })
        }
        if let m = v["metadata"], let source = m["source"]?.stringValue {
            score.metadata = DocumentMetadata(
                source: source, title: m["title"]?.stringValue, municipality: m["municipality"]?.stringValue,
                date: m["date"]?.stringValue, identifier: m["identifier"]?.stringValue,
                parts: m["parts"]?.arrayValue?.map {
                    DocumentMetadata.Part(title: $0["title"]?.stringValue, date: $0["date"]?.stringValue, identifier: $0["identifier"]?.stringValue)
                })
        }
        if let sentences = v["sentences"], let n = sentences["n"]?.intValue {
            var vectors = (sentences["vectors"]?.arrayValue ?? []).compactMap { item -> SentenceProfile.Vector? in
                let numbers = (item.arrayValue ?? []).compactMap(\.intValue)
                return numbers.count == 5 ? SentenceProfile.Vector(counts: Array(numbers.prefix(4)), times: numbers[4]) : nil
            }
            // Sentence keys of this key version, one list per vector and one key per sentence.
            if sentences["keys_version"]?.intValue == SentenceKey.version, let lists = sentences["keys"]?.arrayValue, lists.count == vectors.count {
                let decoded = lists.map { $0.stringValue.flatMap(SentenceKey.decode) }
                if zip(decoded, vectors).allSatisfy({ $0?.count == $1.times }) {
                    for i in vectors.indices { vectors[i].keys = decoded[i]! }
                }
            }
            score.sentences = SentenceProfile(sentences: n, vectors: vectors)
        }
        return score
    }
}
