import SturingCore

/// Precision, recall and coder agreement from coded sheets. The first sheet is the reference
/// coder's: precision and recall come from it; further sheets (other coders of the same ids) give
/// Krippendorff's alpha. A match coded unclear (`?`, `onduidelijk`) counts as not a signal in the
/// strict precision and is left out of the lenient one; both are reported.
public struct ValidationScore: Sendable {
    /// A proportion with its 95 % Wilson interval and the number of coded rows behind it.
    public struct Proportion: Sendable, Equatable {
        public var value: Double
        public var low: Double
        public var high: Double
        public var n: Int
    }

    /// A term's precision and the contexts where it did not signal its perspective.
    public struct TermPrecision: Sendable {
        public var term: String
        public var perspective: Perspective
        /// Strict: matches coded 1 of those coded (unclear counts as 0).
        public var precision: Proportion
        /// Lenient: matches coded 1 of those coded 1 or 0 (nil when all were unclear).
        public var lenient: Proportion?
        /// Matches coded unclear.
        public var unclear: Int
        /// "left [match] right" of the matches coded 0.
        public var falsePositives: [String]
    }

    /// How one match was coded.
    enum MatchCode { case yes, no, unclear }

    /// Strict precision per perspective (matches coded 1 of those coded; unclear counts as not a signal).
    public let precision: [Perspective: Proportion]
    /// Strict precision over all matches.
    public let precisionAll: Proportion?
    /// Lenient precision per perspective (matches coded 1 of those coded 1 or 0; unclear left out).
    public let lenient: [Perspective: Proportion]
    /// Lenient precision over all matches.
    public let lenientAll: Proportion?
    /// Matches coded unclear, per perspective.
    public let unclear: [Perspective: Int]
    /// Recall per perspective: of the sentences the coder says express P, the share where the tool found P.
    public let recall: [Perspective: (value: Double, n: Int)]
    /// F1 per perspective, where both are known.
    public let f1: [Perspective: Double]
    /// Krippendorff's alpha (nominal) on the match codes of ids coded by two or more coders.
    public let alpha: (value: Double, pairs: Int)?
    /// The same on the sentence codes.
    public let sentenceAlpha: (value: Double, pairs: Int)?
    /// Per term, in order of precision (lowest first).
    public let terms: [TermPrecision]
    /// Terms whose precision is below `weakThreshold` (with at least 3 coded matches).
    public let weakTerms: [TermPrecision]
    /// Rows not coded yet in the reference sheet (left out, and counted here).
    public let uncoded: Int
    /// The run the sheets come from.
    public let run: String
    /// The precision below which a term is listed as a candidate to drop or restrict.
    public static let weakThreshold = 0.5

    /// Scores `sheets` (the first is the reference). Unknown codes, a sheet from another run and
    /// ids the reference sheet does not have are errors naming the row.
    public init(sheets: [CodingSheet]) throws(SheetError) {
        guard let reference = sheets.first else { throw SheetError(file: "", line: 0, message: "give at least one coded sheet") }
        let run = reference.rows.first?.run ?? ""
        var codes = [String: [String]]()  // id → normalised codes of every coder
        var sentenceCodes = [String: [String]]()
        let referenceIDs = Set(reference.rows.map(\.id))
        var uncoded = 0
        var matchCode = [String: MatchCode](), sentenceCode = [String: Set<Perspective>]()
        for (s, sheet) in sheets.enumerated() {
            for row in sheet.rows {
                if row.run != run {
                    throw SheetError(file: sheet.path, line: row.line, message: "id \(row.id) comes from run '\(row.run)', the first sheet from '\(run)' (score sheets of one run together)")
                }
                if s > 0 && !referenceIDs.contains(row.id) {
                    throw SheetError(file: sheet.path, line: row.line, message: "id \(row.id) is not in the first sheet (\(reference.path)); code the same ids")
                }
                let code = row.code.trimmingCharacters(in: .whitespaces).lowercased()
                if code.isEmpty { if s == 0 { uncoded += 1 }; continue }
                switch row.kind {
                case .match:
                    let value: MatchCode
                    switch code {
                    case "1", "ja", "j", "yes", "y": value = .yes
                    case "0", "nee", "n", "no": value = .no
                    case _ where CodingSheet.unclearCodes.contains(code): value = .unclear
                    default: throw SheetError(file: sheet.path, line: row.line, message: "id \(row.id): code '\(row.code)' (a match is coded 1 or 0, ja or nee, or ? for unclear)")
                    }
                    codes[row.id, default: []].append(value == .yes ? "1" : value == .no ? "0" : "?")
                    if s == 0 { matchCode[row.id] = value }
                case .sentence:
                    // An unclear sentence tells nothing about recall: it is left out.
                    if CodingSheet.unclearCodes.contains(code) {
                        sentenceCodes[row.id, default: []].append("?")
                        continue
                    }
                    var set = Set<Perspective>()
                    if code != "geen" && code != "none" && code != "-" {
                        for part in code.split(whereSeparator: { $0 == "+" || $0 == "," || $0 == " " }) {
                            guard let p = Perspective(code: String(part)) else {
                                throw SheetError(file: sheet.path, line: row.line, message: "id \(row.id): code '\(row.code)' (a sentence is coded with the perspectives it expresses, e.g. PA+SR, or geen)")
                            }
                            set.insert(p)
                        }
                    }
                    sentenceCodes[row.id, default: []].append(CodingSheet.format(set))
                    if s == 0 { sentenceCode[row.id] = set }
                }
            }
        }
        self.run = run
        self.uncoded = uncoded
        func proportion(_ hits: Int, _ n: Int) -> Proportion? {
            Wilson.interval(successes: hits, n: n).map { Proportion(value: Double(hits) / Double(n), low: $0.low, high: $0.high, n: n) }
        }
        var precision = [Perspective: Proportion](), lenient = [Perspective: Proportion](), unclear = [Perspective: Int]()
        var byTerm = [String: (perspective: Perspective, hits: Int, n: Int, unclear: Int, fp: [String])]()
        var recall = [Perspective: (value: Double, n: Int)]()
        var allHits = 0, allCoded = 0, allUnclear = 0
        for p in Perspective.allCases {
            let rows = reference.rows.filter { $0.kind == .match && $0.perspective == p && matchCode[$0.id] != nil }
            let hits = rows.filter { matchCode[$0.id] == .yes }.count
            let doubtful = rows.filter { matchCode[$0.id] == .unclear }.count
            precision[p] = proportion(hits, rows.count)
            lenient[p] = proportion(hits, rows.count - doubtful)
            unclear[p] = doubtful
            allHits += hits; allCoded += rows.count; allUnclear += doubtful
            let expressing = reference.rows.filter { $0.kind == .sentence && sentenceCode[$0.id]?.contains(p) == true }
            if !expressing.isEmpty {
                recall[p] = (Double(expressing.filter { $0.found.contains(p) }.count) / Double(expressing.count), expressing.count)
            }
        }
        for row in reference.rows where row.kind == .match {
            guard let value = matchCode[row.id], let p = row.perspective else { continue }
            var entry = byTerm[row.term] ?? (p, 0, 0, 0, [])
            entry.n += 1
            switch value {
            case .yes: entry.hits += 1
            case .no: entry.fp.append("\(row.left) [\(row.match)] \(row.right)")
            case .unclear: entry.unclear += 1
            }
            byTerm[row.term] = entry
        }
        self.precision = precision
        self.lenient = lenient
        self.unclear = unclear
        self.precisionAll = proportion(allHits, allCoded)
        self.lenientAll = proportion(allHits, allCoded - allUnclear)
        self.recall = recall
        var f1 = [Perspective: Double]()
        for p in Perspective.allCases {
            if let pr = precision[p]?.value, let rc = recall[p]?.value, pr + rc > 0 { f1[p] = 2 * pr * rc / (pr + rc) }
        }
        self.f1 = f1
        let terms = byTerm.compactMap { term, e in
            proportion(e.hits, e.n).map {
                TermPrecision(term: term, perspective: e.perspective, precision: $0, lenient: proportion(e.hits, e.n - e.unclear),
                              unclear: e.unclear, falsePositives: e.fp)
            }
        }.sorted { $0.precision.value != $1.precision.value ? $0.precision.value < $1.precision.value : $0.term < $1.term }
        self.terms = terms
        self.weakTerms = terms.filter { $0.precision.value < Self.weakThreshold && $0.precision.n >= 3 }
        func agreement(_ values: [String: [String]]) -> (value: Double, pairs: Int)? {
            let units = values.values.filter { $0.count >= 2 }
            guard !units.isEmpty, let a = KrippendorffAlpha.nominal(Array(units)) else { return nil }
            return (a.value, units.count)
        }
        self.alpha = sheets.count > 1 ? agreement(codes) : nil
        self.sentenceAlpha = sheets.count > 1 ? agreement(sentenceCodes) : nil
    }

    /// Each perspective's count times its precision, as shares (percent): an estimate of the
    /// shares had only the occurrences that signal their perspective been counted. Nil when a
    /// perspective has no precision or nothing is left.
    public func correctedShares(counts: [Int]) -> [Double]? {
        var corrected = [Double]()
        for p in Perspective.allCases {
            guard let precision = precision[p]?.value else { return nil }
            corrected.append(Double(counts[p.index]) * precision)
        }
        let total = corrected.reduce(0, +)
        return total > 0 ? corrected.map { $0 * 100 / total } : nil
    }
}

extension ValidationScore {
    /// Reads the coded sheets at `paths`, joins each with its sample's key (`key`, or found from
    /// the run id, in `runFolder` or the run folder that holds the sheet) and scores them (the
    /// first is the reference coder's).
    public init(paths: [String], key: String? = nil, runFolder: String? = nil) throws(SheetError) {
        try self.init(sheets: paths.map { path throws(SheetError) in
            try CodingSheet.loadChecked(path: path, key: key, runFolder: runFolder)
        })
    }
}
