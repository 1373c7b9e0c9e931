import Foundation
import SturingAnalysis
import SturingCore

/// The sections of report.html, in the order the page shows them.
extension HTMLReport {
    /// The page head and the title block.
    static func head(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        let p = input.provenance
        let language = L.language
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<title>\(t("Sturing in beleidsplannen", "Steering in policy plans")) — \(esc(p.lexiconName))</title>"
        h += "<style>\(css)</style></head><body>\n"
        h += "<header><h1>\(t("Sturing in beleidsplannen sociaal domein", "Steering in social-domain policy plans"))</h1>"
        h += "<p class=\"lead\">\(t("Hoe sturen gemeenten volgens hun beleidsplannen? Telling van signaalwoorden per sturingsperspectief (Nijdam, 2019).", "How do municipalities steer according to their policy plans? Signal-word counts per steering perspective (Nijdam, 2019)."))</p></header>\n"
        return h
    }

    /// Samenvatting: what was scored, the lexicon, the date, the perspectives, and the plans that are not ranked.
    static func summarySection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        let p = input.provenance
        let files = input.plans.reduce(0) { $0 + $1.documents.count }
        var h = "<section id=\"samenvatting\"><h2>\(t("Samenvatting", "Summary"))</h2><ul class=\"facts\">"
        h += "<li><b>\(L.counted(input.plans.count, ("plan", "plannen"), ("plan", "plans")))</b> \(t("gescoord", "scored")) (\(L.counted(files, ("bestand", "bestanden"), ("file", "files")))), <b>\(L.counted(input.failures.count, ("fout", "fouten"), ("error", "errors")))</b></li>"
        h += "<li>\(t("Lexicon", "Lexicon")): <b>\(esc(p.lexiconName)) \(esc(p.lexiconVersion))</b>; \(t("matching", "matching")): <b>\(esc(p.match.rawValue))</b>; \(esc(p.stemmer))</li>"
        h += "<li>\(t("Datum", "Date")): \(esc(p.date))</li></ul>"
        h += "<p>\(t("Het <i>aandeel</i> van een perspectief is het aantal signaalwoorden van dat perspectief als percentage van alle signaalwoorden van de vier perspectieven. Perspectieven:", "A perspective's <i>share</i> is its number of signal words as a percentage of the signal words of all four perspectives. Perspectives:"))</p><ul class=\"legend\">"
        for q in Perspective.allCases {
            h += "<li><span class=\"sw\" style=\"background:\(SVGCharts.color(q))\"></span>\(esc(L.perspective(q)))</li>"
        }
        h += "</ul>"
        // Plans that are scored but not ranked: said before any ranking is shown.
        let unranked = input.plans.filter { !input.analysis.isRanked($0.score) }
        if !unranked.isEmpty {
            h += "<div class=\"warn\"><h3>\(t("Niet gerangschikt: te weinig signaalwoorden", "Not ranked: too few signal words"))</h3>"
            h += "<p>\(t("Deze plannen zijn gescoord, maar hun aandelen rusten op minder dan \(input.table.minSignalWords) signaalwoorden. Ze tellen niet mee in de rangordes, de gemiddelden en de selectie van casussen (instelbaar met --min-signal-words).", "These plans are scored, but their shares rest on fewer than \(input.table.minSignalWords) signal words. They are left out of the rankings, the means and the case selection (set with --min-signal-words)."))</p><ul>"
            for e in unranked.prefix(maxRows) {
                let n = e.score.totalSignalWords
                h += "<li>\(esc(e.plan.municipality)): \(n) \(t(n == 1 ? "signaalwoord" : "signaalwoorden", n == 1 ? "signal word" : "signal words"))</li>"
            }
            h += "</ul></div>"
        }
        return h + "</section>\n"
    }

    /// Gemiddeld profiel: the mean shares of all plans, per category and per region.
    static func profileSection(_ ranking: Ranking, _ L: Labels) -> String {
        let t = L.text
        guard let overall = ranking.overall else { return "" }
        var h = ""
        var groups: [(name: String, n: Int, profile: ShareProfile)] = [(L.all, overall.n, overall.profile)]
        groups += ranking.means(by: { $0.category }).map { ($0.group, $0.mean.n, $0.mean.profile) }
        groups += ranking.means(by: { $0.region }).map { ($0.group, $0.mean.n, $0.mean.profile) }
        h += "<section id=\"profiel\"><h2>\(t("Gemiddeld profiel", "Mean profile"))</h2><figure>"
        h += SVGCharts.profileBars(title: t("Gemiddelde aandelen: alle plannen, per categorie en per regio", "Mean shares: all plans, by category and by region"), groups: groups, labels: L)
        h += "</figure></section>\n"
        return h
    }

    /// Rangorde per perspectief: the ranked bars (in chunks of `chartRows`) and the top and bottom tables.
    static func rankingSection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        let ranking = input.analysis.ranking
        let rows = ranking.rows
        guard let mean = ranking.overall?.profile else { return "" }
        var h = "<section id=\"rangorde\"><h2>\(t("Rangorde per perspectief", "Ranking per perspective"))</h2>"
        if let b = input.analysis.bootstrap {
            h += "<p>\(t("Hoe zeker is een aandeel of een plaats? De zinnen van elk plan zijn \(L.count(b.replicates)) keer opnieuw getrokken (met teruglegging, seed \(b.seed)). De streepjes om de staven en de kolom 95%-interval geven het bereik waarin het aandeel in 95 % van die herhalingen valt; rang (95%) het bereik van de plaats; kans op 1e plaats in hoeveel procent van de herhalingen het plan bovenaan staat. Een plan met weinig signaalwoorden heeft een breed interval: lees zijn plaats dan niet als vast.", "How sure is a share or a place? Each plan's sentences were drawn again \(L.count(b.replicates)) times (with replacement, seed \(b.seed)). The whiskers on the bars and the 95% interval column give the range the share falls in in 95 % of those replicates; rank (95%) the range of the place; chance of rank 1 in what percentage of the replicates the plan comes first. A plan with few signal words has a wide interval: do not read its place as fixed."))</p>"
        } else {
            h += "<p class=\"warn\">\(t("Zonder intervallen (--bootstrap 0): hoe zeker een aandeel of een plaats is, staat hier niet. Lees ze niet als vast.", "Without intervals (--bootstrap 0): how sure a share or a place is is not shown here. Do not read them as fixed."))</p>"
        }
        for q in Perspective.allCases {
            // Long rankings are drawn in chunks, so no chart is taller than an A4 page.
            let sortedRows = rows.enumerated().sorted { a, b in
                a.element.profile[q] != b.element.profile[q] ? a.element.profile[q] > b.element.profile[q] : a.offset < b.offset
            }
            let ranked = sortedRows.map { (name: $0.element.municipality, share: $0.element.profile[q]) }
            let intervals: [(low: Double, high: Double)?]? = input.analysis.bootstrap.map { b in
                sortedRows.map { row in b.rankedIndices.indices.contains(row.offset)
                    ? (b.plans[b.rankedIndices[row.offset]].shareLow[q.index], b.plans[b.rankedIndices[row.offset]].shareHigh[q.index]) : nil }
            }
            // Past maxRows plans only the highest and lowest chartRows are drawn; all are in scores.csv.
            var starts = Array(stride(from: 0, to: ranked.count, by: chartRows))
            if ranked.count > maxRows { starts = [0, ranked.count - chartRows] }
            let chunks = starts.map { start in
                let end = min(start + chartRows, ranked.count)
                return (start: start, rows: Array(ranked[start..<end]), intervals: intervals.map { Array($0[start..<end]) })
            }
            h += "<div class=\"persp\">"
            if ranked.count > maxRows {
                h += "<p class=\"hint\">\(t("Van de \(L.count(ranked.count)) gerangschikte gemeenten staan hier de hoogste en de laagste \(chartRows); de volledige rangorde staat in scores.csv.", "Of the \(L.count(ranked.count)) ranked municipalities the highest and lowest \(chartRows) are shown; the full ranking is in scores.csv."))</p>"
            }
            for chunk in chunks {
                let range = chunks.count > 1 ? " (\(chunk.start + 1)–\(chunk.start + chunk.rows.count) \(t("van", "of")) \(ranked.count))" : ""
                h += "<figure>" + SVGCharts.rankedBars(title: L.perspective(q) + range, perspective: q, rows: chunk.rows, mean: mean[q],
                                                       labels: L, scale: ranked.first?.share, intervals: chunk.intervals) + "</figure>"
            }
            h += "<div class=\"tb\">" + placesTable(t("Top", "Top") + " \(input.table.top)", ranking.top(q, k: input.table.top), k: input.table.top, q, input, L)
            h += placesTable(t("Laagste", "Bottom") + " \(input.table.top)", ranking.bottom(q, k: input.table.top), k: input.table.top, q, input, L) + "</div></div>"
        }
        return h + "</section>\n"
    }

    /// Alle gemeenten: the sortable heat map of every plan's shares.
    static func heatMapSection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        var h = "<section id=\"overzicht\"><h2>\(t("Alle gemeenten", "All municipalities"))</h2>"
        h += "<p class=\"hint\">\(t("Klik op een kolomkop om te sorteren.", "Click a column header to sort."))</p>"
        if input.plans.count > maxRows {
            h += "<p class=\"hint\">\(t("De eerste \(maxRows) van \(L.count(input.plans.count)) gemeenten; alle staan in scores.csv.", "The first \(maxRows) of \(L.count(input.plans.count)) municipalities; all are in scores.csv."))</p>"
        }
        h += "<table class=\"heat sortable\"><thead><tr><th>\(t("gemeente", "municipality"))</th><th>\(t("categorie", "category"))</th><th>\(t("regio", "region"))</th><th>\(t("provincie", "province"))</th><th class=\"num\">tokens</th><th class=\"num\">\(t("signaalwoorden", "signal words"))</th>"
        for q in Perspective.allCases { h += "<th class=\"num\">\(q.code)</th>" }
        h += "</tr></thead><tbody>"
        for (plan, s, _) in input.plans.prefix(maxRows) {
            let mark = input.analysis.isRanked(s) ? "" : " <small>(\(t("niet gerangschikt", "not ranked")))</small>"
            h += "<tr><td>\(esc(plan.municipality))\(mark)</td><td>\(esc(plan.category ?? ""))</td><td>\(esc(plan.region ?? ""))</td><td>\(esc(plan.province ?? ""))</td>"
            h += "<td class=\"num\" data-v=\"\(s.tokens)\">\(L.count(s.tokens))</td><td class=\"num\" data-v=\"\(s.totalSignalWords)\">\(L.count(s.totalSignalWords))</td>"
            for q in Perspective.allCases {
                if let share = s.perspectives[q]?.share {
                    let alpha = min(0.9, 0.08 + share / 70)
                    h += "<td class=\"num\" data-v=\"\(SVGCharts.f(share))\" style=\"background:\(rgba(SVGCharts.color(q), alpha))\">\(L.percent(share))</td>"
                } else {
                    h += "<td class=\"num\" data-v=\"-1\">—</td>"
                }
            }
            h += "</tr>"
        }
        h += "</tbody></table></section>\n"
        return h
    }

    /// Selectie van casussen: a card per case with its ring, figures and reasons.
    static func caseSection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        let rows = input.analysis.ranking.rows
        guard let selection = input.analysis.selection, let mean = input.analysis.ranking.overall?.profile else { return "" }
        var h = "<section id=\"casussen\"><h2>\(t("Selectie van casussen", "Case selection"))</h2>"
        h += "<p>\(t("Per perspectief de hoogst scorende gemeente die niet is uitgesloten en niet in dezelfde provincie ligt als een al gekozen casus; daarna een gemiddelde gemeente: in geen top- of laagste-lijst en zo dicht mogelijk bij het gemiddelde profiel.", "Per perspective the highest-scoring municipality that is not excluded and not in the same province as a case already chosen; then an average municipality: in no top or bottom list and as close as possible to the mean profile."))</p><div class=\"cases\">"
        for c in selection.cases {
            h += "<div class=\"case\">"
            let role = SelectionReport.role(c, L)
            if let name = c.municipality, let row = rows.first(where: { $0.municipality == name }) {
                h += SVGCharts.ring(title: name, subtitle: role, profile: row.profile, mean: mean, labels: L)
            } else {
                h += "<h3>\(esc(role)): —</h3>"
            }
            let why = SelectionReport.explanation(c, L)
            h += caseFigures(c, input, L)
            if !why.isEmpty { h += "<ul class=\"why\">" + why.map { "<li>\(esc($0))</li>" }.joined() + "</ul>" }
            h += "</div>"
        }
        h += "</div></section>\n"
        return h
    }

    /// Welke woorden: per perspective the most counted terms with their forms, and a seeded sample of occurrences.
    static func termsSection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        var h = "<section id=\"termen\"><h2>\(t("Welke woorden dragen de perspectieven?", "Which words drive each perspective?"))</h2>"
        for q in Perspective.allCases {
            h += "<div class=\"terms\"><h3><span class=\"sw\" style=\"background:\(SVGCharts.color(q))\"></span>\(esc(L.perspective(q)))</h3>"
            let terms = topTerms(input, q)
            if terms.isEmpty {
                h += "<p>—</p>"
            } else {
                h += "<table><tr><th>\(t("term", "term"))</th><th class=\"num\">\(t("aantal", "count"))</th><th>\(t("gevonden vormen", "matched forms"))</th></tr>"
                for (term, count, forms) in terms.prefix(8) {
                    h += "<tr><td>\(esc(term))</td><td class=\"num\">\(L.count(count))</td><td>\(esc(forms.prefix(5).map { "\($0.form) \(L.count($0.count))" }.joined(separator: ", ")))</td></tr>"
                }
                h += "</table>"
            }
            let evidence = sampleEvidence(input, q)
            if !evidence.isEmpty {
                h += "<table class=\"kwic\"><caption>\(t("Steekproef van vindplaatsen (vaste seed: een nieuwe run geeft dezelfde steekproef)", "Sample of occurrences (fixed seed: a re-run gives the same sample)"))</caption>"
                h += "<tr><th>\(t("gemeente", "municipality"))</th><th>p.</th><th class=\"l\">…</th><th>\(t("treffer", "match"))</th><th>…</th></tr>"
                for (name, line) in evidence {
                    h += "<tr><td>\(esc(name))</td><td class=\"num\">\(line.page.map(String.init) ?? "")</td><td class=\"l\">\(esc(line.left))</td><td class=\"m\">\(esc(line.match))</td><td>\(esc(line.right))</td></tr>"
                }
                h += "</table>"
            }
            h += "</div>"
        }
        return h + "</section>\n"
    }

    /// The lexicon check on these plans (`sturing lexicon check`), when it found anything.
    static func lexiconCheckSection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        guard !input.lexiconFindings.isEmpty else { return "" }
        var h = "<section id=\"lexiconcontrole\"><h2>\(t("Controle van het lexicon op deze plannen", "Lexicon check on these plans"))</h2>"
        h += "<p>\(t("Termen die niets vonden, woordvormen die zeer vaak voorkomen (controleer of ze betekenen wat de term bedoelt) en termen die het grootste deel van hun perspectief dragen (sturing lexicon check).", "Terms that found nothing, very frequent word forms (check that they mean what the term means) and terms that carry most of their perspective (sturing lexicon check)."))</p><ul>"
        for f in input.lexiconFindings.prefix(maxRows) { h += "<li>\(esc(L.finding(f)))</li>" }
        h += "</ul></section>\n"
        return h
    }

    /// Fouten en waarschuwingen: the files not scored and every warning, each list cut at `maxRows`.
    static func problemsSection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        var h = ""
        let docWarnings = input.plans.flatMap { e in L.warnings(e.score).map { (e.plan.municipality, $0) } }
        h += "<section id=\"problemen\"><h2>\(t("Fouten en waarschuwingen", "Errors and warnings"))</h2>"
        if input.failures.isEmpty && input.warnings.isEmpty && docWarnings.isEmpty {
            h += "<p>\(t("Geen.", "None."))</p>"
        }
        if !input.failures.isEmpty {
            h += "<h3>\(t("Niet gescoord", "Not scored"))</h3><table><tr><th>\(t("bestand", "file"))</th><th>\(t("probleem en wat te doen", "problem and what to do"))</th></tr>"
            for f in input.failures.prefix(maxRows) { h += "<tr><td><code>\(esc(f.file))</code></td><td>\(esc(L.failure(f)))</td></tr>" }
            h += "</table>"
            if input.failures.count > maxRows { h += "<p>\(t("… en \(L.count(input.failures.count - maxRows)) meer: zie errors.csv.", "… and \(L.count(input.failures.count - maxRows)) more: see errors.csv."))</p>" }
        }
        if !input.warnings.isEmpty || !docWarnings.isEmpty {
            h += "<h3>\(t("Waarschuwingen", "Warnings"))</h3><ul>"
            let all = L.warnings(input.warnings, notices: input.notices) + docWarnings.map { "\($0.0): \($0.1)" }
            for w in all.prefix(maxRows) { h += "<li>\(esc(w))</li>" }
            h += "</ul>"
            if all.count > maxRows { h += "<p>\(t("… en \(L.count(all.count - maxRows)) meer: zie scores.csv (kolom warnings) en scores.json.", "… and \(L.count(all.count - maxRows)) more: see scores.csv (column warnings) and scores.json."))</p>" }
        }
        return h + "</section>\n"
    }

    /// Herkomst: tool, lexicon, matching, libraries, date, and every input file with its sha256.
    static func provenanceSection(_ input: CorpusReportInput, _ L: Labels) -> String {
        let t = L.text
        let p = input.provenance
        let files = input.plans.reduce(0) { $0 + $1.documents.count }
        var h = "<section id=\"herkomst\"><h2>\(t("Herkomst", "Provenance"))</h2><table>"
        h += "<tr><th>sturing</th><td>\(esc(p.toolVersion))</td></tr>"
        h += "<tr><th>\(t("lexicon", "lexicon"))</th><td>\(esc(p.lexiconName)) \(esc(p.lexiconVersion)) (<code>\(esc(p.lexiconPath))</code>)<br>sha256 <code>\(esc(p.lexiconSHA256))</code></td></tr>"
        h += "<tr><th>matching</th><td>\(esc(p.match.rawValue))</td></tr><tr><th>stemmer</th><td>\(esc(p.stemmer))</td></tr>"
        h += "<tr><th>ICU / poppler</th><td>\(esc(p.icu)) / \(esc(p.poppler))</td></tr><tr><th>\(t("datum", "date"))</th><td>\(esc(p.date))</td></tr></table>"
        // Visible and printed, not folded away: a reader on paper sees which files were counted.
        h += "<h3>\(t("Invoerbestanden en sha256", "Input files and sha256")) (\(files))</h3><table class=\"hashes\">"
        for d in input.plans.lazy.flatMap(\.documents).prefix(maxRows) { h += "<tr><td><code>\(esc(d.file))</code></td><td><code>\(esc(d.sha256))</code></td></tr>" }
        h += "</table>"
        if files > maxRows { h += "<p>\(t("… en \(L.count(files - maxRows)) meer: alle bestanden met hun sha256 staan in scores.json (inputs).", "… and \(L.count(files - maxRows)) more: every file with its sha256 is in scores.json (inputs)."))</p>" }
        return h + "</section>\n"
    }
}
