import SturingCore

extension HTMLReport {
    /// The report's section on meaning: with a context model, what it is, how precise it measured
    /// itself on held-out coded texts, and per plan the raw and the corrected shares side by side;
    /// without one, for the built-in lexicon, how to correct for the senses the words have.
    static func disambiguationSection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        let plans = input.plans.filter { $0.score.isDisambiguated }
        guard let model = input.provenance.model, !plans.isEmpty else {
            guard input.provenance.lexiconName == "nijdam-2019" else { return "" }
            return "<section id=\"betekenis\"><h2>\(t("Tellen wat de woorden betekenen", "Counting what the words mean"))</h2><p>"
                + t("Van wat dit lexicon telt, drukt volgens blinde codeurs ongeveer de helft het perspectief niet uit (precisie 0,55 op 614 gecodeerde treffers in data/coded/; NPG 0,42: <i>taak</i> en <i>netwerken</i> zijn meestal geen netwerksturing). Draai opnieuw met <code>--disambiguate</code>: elke treffer weegt dan met de kans dat hij zijn perspectief uitdrukt, geleerd uit die codering, en de aandelen rusten op de verwachte aantallen.",
                    "Of what this lexicon counts, blind coders find about half does not express the perspective (precision 0.55 on 614 coded matches in data/coded/; NPG 0.42: <i>taak</i> and <i>netwerken</i> are mostly not network steering). Run again with <code>--disambiguate</code>: each match then weighs with the probability that it expresses its perspective, learned from that coding, and the shares rest on the expected counts.")
                + "</p></section>\n"
        }
        var h = "<section id=\"betekenis\"><h2>\(t("Gecorrigeerd voor betekenis", "Corrected for meaning"))</h2><p>"
        h += t("Elke treffer telt met de kans dat hij in zijn context het perspectief uitdrukt (contextmodel \(esc(model.path)), geleerd uit \(esc(model.trainedOn.joined(separator: ", ")))). De aandelen, rangordes, intervallen en de selectie in dit rapport rusten op die verwachte aantallen; de intervallen tellen ook de onzekerheid van het model mee.",
               "Each match counts with the probability that, in its context, it expresses the perspective (context model \(esc(model.path)), learned from \(esc(model.trainedOn.joined(separator: ", ")))). The shares, rankings, intervals and the selection in this report rest on those expected counts; the intervals include the model's own uncertainty.")
        if let f = model.figures {
            h += " " + t("Getoetst op gecodeerde teksten die het model niet zag (kruisvalidatie per document, \(L.count(f.matches)) treffers): precisie \(L.number(f.modelPrecision, 2)) tegen \(L.number(f.lexiconPrecision, 2)) voor het lexicon alleen, met \(L.percent(f.keptShare * 100, decimals: 0)) van de ware treffers behouden.",
                         "Tested on coded texts the model did not see (cross-validation by document, \(L.count(f.matches)) matches): precision \(L.number(f.modelPrecision, 2)) against \(L.number(f.lexiconPrecision, 2)) for the lexicon alone, keeping \(L.percent(f.keptShare * 100, decimals: 0)) of the true matches.")
        }
        h += "</p><div class=\"scroll\"><table><caption>\(t("Aandeel per perspectief: gecorrigeerd, met het getelde eronder", "Share per perspective: corrected, with the counted one below"))</caption><tr><th>\(t("gemeente", "municipality"))</th>"
        for p in Perspective.allCases { h += "<th class=\"num\">\(p.code)</th>" }
        h += "</tr>"
        for e in plans.prefix(maxRows) {
            h += "<tr><td>\(esc(e.plan.municipality))</td>"
            for p in Perspective.allCases {
                let ps = e.score.perspectives[p]
                let raw = ps?.shareRaw.map { L.percent($0) } ?? "—", corrected = ps?.share.map { L.percent($0) } ?? "—"
                // Corrected first, the counted share under it; neither breaks inside (a phone's column is narrow).
                h += "<td class=\"num\" style=\"white-space:nowrap\"><b>\(corrected)</b><br><small>\(t("geteld", "counted")) \(raw)</small></td>"
            }
            h += "</tr>"
        }
        h += "</table></div>"
        if plans.count > maxRows { h += "<p>\(t("De eerste \(maxRows) plannen; alle staan in scores.json.", "The first \(maxRows) plans; all are in scores.json."))</p>" }
        return h + "</section>\n"
    }
}
