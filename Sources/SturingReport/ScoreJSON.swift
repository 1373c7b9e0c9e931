import Foundation
import SturingAnalysis
import SturingCore

/// The JSON contract of `sturing score` (and of each line of documents.jsonl).
public enum ScoreJSON {
    /// The whole report: provenance, documents in input order, errors.
    /// With `intervals` (from `score --bootstrap`) each document also has its 95 % share intervals.
    public static func report(provenance: Provenance, scores: [DocumentScore], failures: [FileFailure],
                              intervals: [Bootstrap.PlanIntervals]? = nil) -> JSONValue {
        .object([
            ("tool", .object([("name", .string("sturing")), ("version", .string(provenance.toolVersion))])),
            ("lexicon", lexicon(provenance)), ("context_model", contextModel(provenance)),
            ("match", .string(provenance.match.rawValue)),
            ("stemmer", .string(provenance.stemmer)),
            ("icu", .string(provenance.icu)),
            ("poppler", .string(provenance.poppler)),
            ("date", .string(provenance.date)),
            ("documents", .array(scores.enumerated().map { i, s in
                var extra: [(String, JSONValue)] = [("log_ratio", .object(Perspective.allCases.map { ($0.code, .double(CorpusReport.logRatio(s, $0))) }))]
                if let b = intervals?[i] {
                    extra.append(("uncertainty", .object(Perspective.allCases.map { p in
                        (p.code, .object([("share_low", .double(b.shareLow[p.index])), ("share_high", .double(b.shareHigh[p.index]))]))
                    })))
                }
                return document(s, extra: extra)
            })),
            ("errors", .array(failures.map(error))),
        ])
    }

    /// The lexicon block: name, version, sha256, path.
    public static func lexicon(_ p: Provenance) -> JSONValue {
        .object([
            ("name", .string(p.lexiconName)), ("version", .string(p.lexiconVersion)),
            ("sha256", .string(p.lexiconSHA256)), ("path", .string(p.lexiconPath)),
        ])
    }

    /// The context model of a run (null: raw counts), with its cross-validated precision.
    public static func contextModel(_ p: Provenance) -> JSONValue {
        guard let m = p.model else { return .null }
        var fields: [(String, JSONValue)] = [("path", .string(m.path)), ("fingerprint", .string(m.fingerprint)),
                                             ("trained_on", .array(m.trainedOn.map { .string($0) })),
                                             ("calibration_sd", .array(m.calibrationSD.map { .double($0) }))]
        if let f = m.figures {
            fields.append(("cross_validated", .object([
                ("matches", .int(f.matches)), ("true_matches", .int(f.trueMatches)), ("kept", .int(f.kept)), ("kept_true", .int(f.keptTrue)),
                ("expected", .double(f.expected)), ("lexicon_precision", .double(f.lexiconPrecision)),
                ("precision_p_at_least_half", .double(f.modelPrecision)), ("true_matches_kept", .double(f.keptShare)),
            ])))
        }
        return .object(fields)
    }

    /// Reads back what `contextModel` wrote (nil for null or a run without a model).
    public static func decodeContextModel(_ v: JSONValue?) -> Provenance.ModelRecord? {
        guard let v, let path = v["path"]?.stringValue, let fingerprint = v["fingerprint"]?.stringValue else { return nil }
        let cv = v["cross_validated"]
        let figures = cv.flatMap { c -> ContextModel.Figures? in
            guard let n = c["matches"]?.intValue, let t = c["true_matches"]?.intValue, let k = c["kept"]?.intValue,
                  let kt = c["kept_true"]?.intValue else { return nil }
            return ContextModel.Figures(matches: n, trueMatches: t, kept: k, keptTrue: kt, expected: c["expected"]?.doubleValue ?? 0)
        }
        return .init(path: path, fingerprint: fingerprint, trainedOn: (v["trained_on"]?.arrayValue ?? []).compactMap(\.stringValue),
                     figures: figures, calibrationSD: (v["calibration_sd"]?.arrayValue ?? []).compactMap(\.doubleValue))
    }

    /// One notice: its kind, English message and the values it has (see `Notice`).
    public static func notice(_ n: Notice) -> JSONValue {
        var fields: [(String, JSONValue)] = [("kind", .string(n.kind.rawValue)), ("message", .string(n.message))]
        if let p = n.pages { fields.append(("pages", .array(p.map { .int($0) }))) }
        if let c = n.count { fields.append(("count", .int(c))) }
        if let t = n.total { fields.append(("total", .int(t))) }
        if let e = n.engine { fields.append(("engine", .string(e))) }
        if let c = n.confidence { fields.append(("confidence", .int(c))) }
        if let f = n.form { fields.append(("form", .string(f))) }
        if let s = n.name { fields.append(("name", .string(s))) }
        if let m = n.manifest { fields.append(("manifest", .string(m))) }
        if let f = n.files { fields.append(("files", .array(f.map { .string($0) }))) }
        if let l = n.lines { fields.append(("lines", .array(l.map { .int($0) }))) }
        if let s = n.names { fields.append(("names", .array(s.map { .string($0) }))) }
        if let p = n.perspectives { fields.append(("perspectives", .array(p.map { .string($0) }))) }
        return .object(fields)
    }

    /// A notice as scores.json and documents.jsonl hold it; nil for an unknown kind (a later version's).
    public static func decodeNotice(_ v: JSONValue) -> Notice? {
        guard let kind = v["kind"]?.stringValue.flatMap(Notice.Kind.init(rawValue:)), let message = v["message"]?.stringValue else { return nil }
        return Notice(kind, message, pages: v["pages"]?.arrayValue?.compactMap(\.intValue), count: v["count"]?.intValue,
                      total: v["total"]?.intValue, engine: v["engine"]?.stringValue, confidence: v["confidence"]?.intValue,
                      form: v["form"]?.stringValue, name: v["name"]?.stringValue, manifest: v["manifest"]?.stringValue, perspectives: v["perspectives"]?.arrayValue?.compactMap(\.stringValue),
                      files: v["files"]?.arrayValue?.compactMap(\.stringValue), lines: v["lines"]?.arrayValue?.compactMap(\.intValue),
                      names: v["names"]?.arrayValue?.compactMap(\.stringValue))
    }

    /// One lexicon-check finding: kind, term and English message, and the values it has.
    public static func finding(_ f: LexiconFinding) -> JSONValue {
        var fields: [(String, JSONValue)] = [("kind", .string(f.kind)), ("term", .string(f.term)), ("message", .string(f.message))]
        if let p = f.perspective { fields.append(("perspective", .string(p.code))) }
        if let n = f.documents { fields.append(("documents", .int(n))) }
        if let n = f.count { fields.append(("count", .int(n))) }
        if let n = f.total { fields.append(("total", .int(n))) }
        if let d = f.share { fields.append(("share", .double(d))) }
        if let s = f.form { fields.append(("form", .string(s))) }
        if let d = f.perThousand { fields.append(("per_1000_tokens", .double(d))) }
        if let e = f.examples { fields.append(("examples", .array(e.map { .string($0) }))) }
        return .object(fields)
    }

    /// A finding as scores.json holds it: an object, or (runs of 0.3.0 and earlier) a line "kind: message".
    public static func decodeFinding(_ v: JSONValue) -> LexiconFinding? {
        if let line = v.stringValue {
            guard let colon = line.range(of: ": ") else { return LexiconFinding(kind: "", term: "", message: line) }
            return LexiconFinding(kind: String(line[..<colon.lowerBound]), term: "", message: String(line[colon.upperBound...]))
        }
        guard let kind = v["kind"]?.stringValue, let message = v["message"]?.stringValue else { return nil }
        return LexiconFinding(kind: kind, term: v["term"]?.stringValue ?? "", message: message,
                              perspective: v["perspective"]?.stringValue.flatMap(Perspective.init(code:)),
                              documents: v["documents"]?.intValue, count: v["count"]?.intValue, total: v["total"]?.intValue,
                              share: v["share"]?.doubleValue, form: v["form"]?.stringValue, perThousand: v["per_1000_tokens"]?.doubleValue,
                              examples: v["examples"]?.arrayValue?.compactMap(\.stringValue))
    }

    /// One failed file.
    public static func error(_ f: FileFailure) -> JSONValue {
        var fields: [(String, JSONValue)] = [("file", .string(f.file)), ("error", .string(f.error))]
        // The reason as its Codable form ({"damagedPDF": {"_0": "…"}}), keys sorted so the file is the same every run.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if let reason = f.reason, let data = try? encoder.encode(reason), let value = try? JSONValue.parse(String(decoding: data, as: UTF8.self)) {
            fields.append(("reason", value))
        }
        return .object(fields)
    }

    /// A failed file as `error` writes it (its reason, when it has one); nil without a file and an error.
    public static func decodeFailure(_ v: JSONValue) -> FileFailure? {
        guard let file = v["file"]?.stringValue, let error = v["error"]?.stringValue else { return nil }
        let reason = v["reason"].flatMap { try? JSONDecoder().decode(IngestError.self, from: Data($0.serialized().utf8)) }
        return FileFailure(file: file, error: error, reason: reason)
    }

    /// One perspective's numbers: count, share and density, and with a context model the expected
    /// count and the raw share beside them.
    static func perspectiveObject(_ ps: PerspectiveScore) -> JSONValue {
        var fields: [(String, JSONValue)] = [("count", .int(ps.count)), ("share", .number(ps.share)), ("per_10k_tokens", .double(ps.per10kTokens))]
        if let expected = ps.expected {
            fields += [("expected", .double(expected)), ("share_raw", .number(ps.shareRaw))]
        }
        return .object(fields)
    }

    /// One document's scores, with the forms behind every count: the terms that counted, or
    /// whose exclusions kept a form out (a term missing from `terms` counted 0).
    public static func document(_ s: DocumentScore, extra: [(String, JSONValue)] = []) -> JSONValue {
        var perspectives = [(String, JSONValue)]()
        var terms = [(String, JSONValue)]()
        var forms = [(String, JSONValue)]()
        var excluded = [(String, JSONValue)]()
        for p in Perspective.allCases {
            let ps = s.perspectives[p] ?? PerspectiveScore(count: 0, share: nil, per10kTokens: 0)
            perspectives.append((p.code, perspectiveObject(ps)))
            // Terms that counted, or whose exclusions kept something out: a lexicon of 200,000
            // terms would otherwise list every one of them in every document.
            let kept = Set((s.excluded[p] ?? []).map(\.term))
            let list = (s.terms[p] ?? []).filter { $0.count > 0 || kept.contains($0.term) }
            terms.append((p.code, .object(list.map { ($0.term, .int($0.count)) })))
            forms.append((p.code, .object(list.filter { $0.count > 0 }.map { formObject($0) })))
            excluded.append((p.code, .object((s.excluded[p] ?? []).map { formObject($0) })))
        }
        var pairs: [(String, JSONValue)] = [
            ("file", .string(s.file)),
            ("sha256", .string(s.sha256)),
            ("tokens", .int(s.tokens)),
            ("pages", s.pages.map { .int($0) } ?? .null),
            ("encoding", .string(s.encoding)),
            ("signal_words", .int(s.totalSignalWords)),
            ("perspectives", .object(perspectives)),
            ("terms", .object(terms)),
            ("forms", .object(forms)),
        ]
        if s.isDisambiguated {
            // Per term, the sum of its matches' probabilities under the context model.
            pairs.append(("terms_expected", .object(Perspective.allCases.map { p in
                (p.code, .object((s.terms[p] ?? []).filter { $0.count > 0 }.map { ($0.term, .double($0.expected ?? 0)) }))
            })))
        }
        pairs += [
            ("excluded", .object(excluded)),
            ("overlaps", .array(s.overlaps.map {
                .object([("form", .string($0.form)), ("claimed_by", .array($0.claimedBy.map { .string($0) })), ("count", .int($0.count))])
            })),
            ("cleaning", .object([
                ("hyphenations_joined", .int(s.cleaning.hyphenationsJoined)),
                ("hyphens_kept", .int(s.cleaning.hyphensKept)),
                ("repeated_lines_removed", .int(s.cleaning.repeatedLinesRemoved)),
                ("repeated_lines", .array(s.cleaning.repeatedLines.map { .string($0) })),
                ("soft_hyphens_removed", .int(s.cleaning.softHyphensRemoved)),
            ])),
            ("warnings", .array(s.warnings.map { .string($0) })),
        ]
        if !s.notices.isEmpty { pairs.append(("notices", .array(s.notices.map(notice)))) }
        if let ocr = s.ocr {
            pairs.append(("ocr", .object([
                ("engine", .string(ocr.engine)),
                ("mean_confidence", .int(ocr.meanConfidence)),
                ("pages", .array(ocr.pages.map {
                    .object([("page", .int($0.page)), ("confidence", .int($0.confidence)), ("reason", .string($0.reason.rawValue))])
                })),
            ])))
        }
        if let m = s.metadata { pairs.append(("metadata", metadata(m))) }
        if let profile = s.sentences {
            var fields: [(String, JSONValue)] = [
                ("n", .int(profile.sentences)),
                ("vectors", .array(profile.vectors.map { .array(($0.counts + [$0.times]).map { .int($0) }) })),
            ]
            // The keys of each vector's sentences (`SentenceKey`), so `compare` can pair the
            // sentences two runs share.
            if profile.hasKeys && !profile.vectors.isEmpty {
                fields.append(("keys_version", .int(SentenceKey.version)))
                fields.append(("keys", .array(profile.vectors.map { .string(SentenceKey.encode($0.keys)) })))
            }
            pairs.append(("sentences", .object(fields)))
        }
        if !s.evidence.isEmpty {
            pairs.append(("evidence", .object(Perspective.allCases.compactMap { p in
                s.evidence[p].map { (p.code, .array($0.map(kwic))) }
            })))
        }
        pairs.append(contentsOf: extra)
        return .object(pairs)
    }

    /// A plan's table row: tokens, pages, signal words, the four perspectives and the count of
    /// every term that counted (word forms and evidence are in documents.jsonl), and its warnings.
    public static func summary(_ s: DocumentScore) -> JSONValue {
        var perspectives = [(String, JSONValue)](), terms = [(String, JSONValue)]()
        for p in Perspective.allCases {
            let ps = s.perspectives[p] ?? PerspectiveScore(count: 0, share: nil, per10kTokens: 0)
            perspectives.append((p.code, perspectiveObject(ps)))
            terms.append((p.code, .object((s.terms[p] ?? []).filter { $0.count > 0 }.map { ($0.term, .int($0.count)) })))
        }
        var pairs: [(String, JSONValue)] = [
            ("tokens", .int(s.tokens)), ("pages", s.pages.map { .int($0) } ?? .null), ("signal_words", .int(s.totalSignalWords)),
            ("perspectives", .object(perspectives)), ("terms", .object(terms)),
            ("warnings", .array(s.warnings.map { .string($0) })),
        ]
        if !s.notices.isEmpty { pairs.append(("notices", .array(s.notices.map(notice)))) }
        return .object(pairs)
    }

    /// What a document says about itself (its format's title, municipality, date and identifier).
    public static func metadata(_ m: DocumentMetadata) -> JSONValue {
        func field(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }
        var pairs: [(String, JSONValue)] = [("source", .string(m.source)), ("title", field(m.title)), ("municipality", field(m.municipality)),
                                            ("date", field(m.date)), ("identifier", field(m.identifier))]
        if let parts = m.parts {
            pairs.append(("parts", .array(parts.map {
                .object([("title", field($0.title)), ("date", field($0.date)), ("identifier", field($0.identifier))])
            })))
        }
        return .object(pairs)
    }

    /// One keyword-in-context line.
    public static func kwic(_ k: KWICLine) -> JSONValue {
        .object([("file", .string(k.file)), ("page", k.page.map { .int($0) } ?? .null), ("perspective", .string(k.perspective.code)),
                 ("term", .string(k.term)), ("left", .string(k.left)), ("match", .string(k.match)), ("right", .string(k.right))])
    }

    private static func formObject(_ t: TermCount) -> (String, JSONValue) {
        (t.term, .object(t.forms.map { ($0.form, .int($0.count)) }))
    }
}
