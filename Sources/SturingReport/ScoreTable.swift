import Foundation
import SturingAnalysis
import SturingCore

/// The human-readable table of `sturing score` (for the terminal: user strings pass `Escape.terminal`).
public enum ScoreTable {
    /// How many top terms per perspective are listed.
    public static let topTerms = 3

    /// Renders scores and failures as plain text; `bootstrap` (its plans in the order of `scores`)
    /// adds each share's 95 % interval.
    public static func render(provenance: Provenance, scores: [DocumentScore], failures: [FileFailure],
                              language: Language = .dutch, bootstrap: Bootstrap? = nil) -> String {
        let intervals = bootstrap?.plans
        let L = Labels(language)
        let nl = language == .dutch
        let t = L.text
        var out = "lexicon \(provenance.lexiconName) \(provenance.lexiconVersion) (sha256 \(provenance.lexiconSHA256.prefix(12))…), match \(provenance.match.rawValue), \(provenance.stemmer)\n"
        for (index, s) in scores.enumerated() {
            let b = intervals?[index]
            let pages = s.pages.map { L.counted($0, ("pagina", "pagina's"), ("page", "pages")) + ", " } ?? ""
            out += "\n\(Escape.terminal(s.file))  (\(pages)\(L.counted(s.tokens, ("token", "tokens"), ("token", "tokens"))), \(L.counted(s.totalSignalWords, ("signaalwoord", "signaalwoorden"), ("signal word", "signal words"))))\n"
            let weighed = s.isDisambiguated
            out += "  " + pad(t("perspectief", "perspective"), 30) + lpad(t("aantal", "count"), 7)
                + (weighed ? lpad(t("verwacht", "expected"), 9) + lpad(t("ruw", "raw"), 9) : "") + lpad(t("aandeel", "share"), 9)
                + (b == nil ? "" : lpad("95%", 14)) + lpad(t("per 10k", "per 10k"), 9) + "  " + t("belangrijkste termen (vormen)", "top terms (forms)") + "\n"
            for p in Perspective.allCases {
                let ps = s.perspectives[p] ?? PerspectiveScore(count: 0, share: nil, per10kTokens: 0)
                let share = ps.share.map { L.percent($0) } ?? "n.v.t."
                let top = (s.terms[p] ?? []).filter { $0.count > 0 }.sorted { $0.count > $1.count }.prefix(topTerms)
                    .map { t in Escape.terminal("\(t.term) \(t.count)" + (t.forms.count > 1 || t.forms.first?.form != t.term ? " (" + t.forms.prefix(3).map { "\($0.form) \($0.count)" }.joined(separator: ", ") + ")" : "")) }
                    .joined(separator: "; ")
                let interval = b.map { ps.share == nil ? "" : "\(L.number($0.shareLow[p.index]))–\(L.number($0.shareHigh[p.index]))" }
                let corrected = weighed ? lpad(L.number(ps.expected ?? 0), 9) + lpad(ps.shareRaw.map { L.percent($0) } ?? "n.v.t.", 9) : ""
                out += "  " + pad("\(p.code) \(nl ? p.dutchLabel : p.englishLabel)", 30) + lpad("\(ps.count)", 7) + corrected + lpad(share, 9)
                    + (interval.map { lpad($0, 14) } ?? "") + lpad(L.number(ps.per10kTokens), 9) + "  " + top + "\n"
            }
            for w in L.warnings(s) { out += "  \(t("waarschuwing", "warning")): \(Escape.terminal(w))\n" }
        }
        if let m = provenance.model, scores.contains(where: \.isDisambiguated) {
            let f = m.figures
            let figures = f.map { t(", gekruisvalideerde precisie \(L.number($0.modelPrecision, 2)) (lexicon alleen: \(L.number($0.lexiconPrecision, 2)))",
                                    ", cross-validated precision \(L.number($0.modelPrecision, 2)) (lexicon alone: \(L.number($0.lexiconPrecision, 2)))") } ?? ""
            out += "\n" + t("Verwacht: de som van de kansen dat elke treffer zijn perspectief uitdrukt (contextmodel \(Escape.terminal(m.path))\(figures)); het aandeel is van de verwachte aantallen, ruw: van de getelde.",
                            "Expected: the sum of the probabilities that each match expresses its perspective (context model \(Escape.terminal(m.path))\(figures)); the share is of the expected counts, raw: of the counted ones.") + "\n"
        }
        if let bootstrap, !scores.isEmpty {
            out += "\n" + t("95%: het bereik van het aandeel als de zinnen van het plan \(L.count(bootstrap.replicates)) keer opnieuw worden getrokken (seed \(bootstrap.seed); --bootstrap 0: zonder).",
                            "95%: the range of the share when the plan's sentences are drawn again \(L.count(bootstrap.replicates)) times (seed \(bootstrap.seed); --bootstrap 0: none).") + "\n"
        }
        if !failures.isEmpty {
            out += "\n" + L.counted(failures.count, ("bestand niet gescoord", "bestanden niet gescoord"), ("file could not be scored", "files could not be scored")) + ":\n"
            for f in failures { out += "  " + Escape.terminal("\(f.file): \(L.failure(f))") + "\n" }
        }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
}
