import Foundation
import SturingAnalysis
import SturingCore

/// report.html: one self-contained page (inline CSS and SVG, no network) that a researcher or an
/// audit office can open from a USB stick and print on A4. Dutch by default.
public enum HTMLReport {
    /// Evidence lines shown per perspective.
    public static let evidenceLines = 12
    /// Most municipalities in one ranked bar chart (about one A4 page).
    public static let chartRows = 50
    /// Most rows in any list of the report (charts, the table of all municipalities, errors,
    /// warnings, input files): past it the report shows the top and bottom and says where the rest
    /// is (scores.csv, errors.csv, scores.json), so it stays a few MB for any corpus.
    public static let maxRows = 500
    /// Renders the report.
    public static func render(_ input: CorpusReportInput, language: Language = .dutch) -> String {
        let L = Labels(language)
        let nl = language == .dutch
        func t(_ dutch: String, _ english: String) -> String { nl ? dutch : english }
        let p = input.provenance
        let ranking = input.analysis.ranking
        let selection = input.analysis.selection
        let rows = ranking.rows
        let mean = ranking.overall?.profile
        let files = input.plans.reduce(0) { $0 + $1.documents.count }

        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<title>\(t("Sturing in beleidsplannen", "Steering in policy plans")) — \(esc(p.lexiconName))</title>"
        h += "<style>\(css)</style></head><body>\n"
        h += "<header><h1>\(t("Sturing in beleidsplannen sociaal domein", "Steering in social-domain policy plans"))</h1>"
        h += "<p class=\"lead\">\(t("Hoe sturen gemeenten volgens hun beleidsplannen? Telling van signaalwoorden per sturingsperspectief (Nijdam, 2019).", "How do municipalities steer according to their policy plans? Signal-word counts per steering perspective (Nijdam, 2019)."))</p></header>\n"

        // Summary
        h += "<section id=\"samenvatting\"><h2>\(t("Samenvatting", "Summary"))</h2><ul class=\"facts\">"
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
        h += "</section>\n"
        h += disambiguationSection(input, L)

        // Mean profiles
        if let overall = ranking.overall {
            var groups: [(name: String, n: Int, profile: ShareProfile)] = [(L.all, overall.n, overall.profile)]
            groups += ranking.means(by: { $0.category }).map { ($0.group, $0.mean.n, $0.mean.profile) }
            groups += ranking.means(by: { $0.region }).map { ($0.group, $0.mean.n, $0.mean.profile) }
            h += "<section id=\"profiel\"><h2>\(t("Gemiddeld profiel", "Mean profile"))</h2><figure>"
            h += SVGCharts.profileBars(title: t("Gemiddelde aandelen: alle plannen, per categorie en per regio", "Mean shares: all plans, by category and by region"), groups: groups, labels: L)
            h += "</figure></section>\n"
        }

        // Group differences with honest statistics.
        if ranking.rows.count >= 4 && ranking.rows.count <= 20_000 {
            h += groupSection(ranking, replicates: input.analysis.bootstrap?.replicates ?? 1000, seed: input.analysis.bootstrap?.seed ?? 1, L)
        }

        // Ranked bars and top/bottom per perspective
        if let mean {
            h += "<section id=\"rangorde\"><h2>\(t("Rangorde per perspectief", "Ranking per perspective"))</h2>"
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
                h += "<div class=\"tb\">" + placesTable(t("Top", "Top") + " \(input.table.top)", ranking.top(q, k: input.table.top), q, input, L)
                h += placesTable(t("Laagste", "Bottom") + " \(input.table.top)", ranking.bottom(q, k: input.table.top), q, input, L) + "</div></div>"
            }
            h += "</section>\n"
        }

        // Heat map
        h += "<section id=\"overzicht\"><h2>\(t("Alle gemeenten", "All municipalities"))</h2>"
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
            h += "<td class=\"num\" data-v=\"\(s.tokens)\">\(s.tokens)</td><td class=\"num\" data-v=\"\(s.totalSignalWords)\">\(s.totalSignalWords)</td>"
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

        // Case selection
        if let selection, let mean {
            h += "<section id=\"casussen\"><h2>\(t("Selectie van casussen", "Case selection"))</h2>"
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
        }

        // Terms and evidence
        h += "<section id=\"termen\"><h2>\(t("Welke woorden dragen de perspectieven?", "Which words drive each perspective?"))</h2>"
        for q in Perspective.allCases {
            h += "<div class=\"terms\"><h3><span class=\"sw\" style=\"background:\(SVGCharts.color(q))\"></span>\(esc(L.perspective(q)))</h3>"
            let terms = topTerms(input, q)
            if terms.isEmpty {
                h += "<p>—</p>"
            } else {
                h += "<table><tr><th>\(t("term", "term"))</th><th class=\"num\">\(t("aantal", "count"))</th><th>\(t("gevonden vormen", "matched forms"))</th></tr>"
                for (term, count, forms) in terms.prefix(8) {
                    h += "<tr><td>\(esc(term))</td><td class=\"num\">\(count)</td><td>\(esc(forms.prefix(5).map { "\($0.form) \($0.count)" }.joined(separator: ", ")))</td></tr>"
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
        h += "</section>\n"

        if let validation = input.validation { h += ValidationReport.html(validation, input: input, language: language) }
        if let sensitivity = input.sensitivity { h += SensitivityReport.html(sensitivity, language: language) }
        if !input.lexiconFindings.isEmpty {
            h += "<section id=\"lexiconcontrole\"><h2>\(t("Controle van het lexicon op deze plannen", "Lexicon check on these plans"))</h2>"
            h += "<p>\(t("Termen die niets vonden, woordvormen die zeer vaak voorkomen (controleer of ze betekenen wat de term bedoelt) en termen die het grootste deel van hun perspectief dragen (sturing lexicon check).", "Terms that found nothing, very frequent word forms (check that they mean what the term means) and terms that carry most of their perspective (sturing lexicon check)."))</p><ul>"
            for f in input.lexiconFindings.prefix(maxRows) { h += "<li>\(esc(L.finding(f)))</li>" }
            h += "</ul></section>\n"
        }

        // Errors and warnings
        let docWarnings = input.plans.flatMap { e in e.score.warnings.map { (e.plan.municipality, $0) } }
        h += "<section id=\"problemen\"><h2>\(t("Fouten en waarschuwingen", "Errors and warnings"))</h2>"
        if input.failures.isEmpty && input.warnings.isEmpty && docWarnings.isEmpty {
            h += "<p>\(t("Geen.", "None."))</p>"
        }
        if !input.failures.isEmpty {
            h += "<h3>\(t("Niet gescoord", "Not scored"))</h3><table><tr><th>\(t("bestand", "file"))</th><th>\(t("probleem en wat te doen", "problem and what to do"))</th></tr>"
            for f in input.failures.prefix(maxRows) { h += "<tr><td><code>\(esc(f.file))</code></td><td>\(esc(f.error))</td></tr>" }
            h += "</table>"
            if input.failures.count > maxRows { h += "<p>\(t("… en \(L.count(input.failures.count - maxRows)) meer: zie errors.csv.", "… and \(L.count(input.failures.count - maxRows)) more: see errors.csv."))</p>" }
        }
        if !input.warnings.isEmpty || !docWarnings.isEmpty {
            h += "<h3>\(t("Waarschuwingen", "Warnings"))</h3><ul>"
            let all = input.warnings + docWarnings.map { "\($0.0): \($0.1)" }
            for w in all.prefix(maxRows) { h += "<li>\(esc(w))</li>" }
            h += "</ul>"
            if all.count > maxRows { h += "<p>\(t("… en \(L.count(all.count - maxRows)) meer: zie scores.csv (kolom warnings) en scores.json.", "… and \(L.count(all.count - maxRows)) more: see scores.csv (column warnings) and scores.json."))</p>" }
        }
        h += "</section>\n"

        // Provenance
        h += "<section id=\"herkomst\"><h2>\(t("Herkomst", "Provenance"))</h2><table>"
        h += "<tr><th>sturing</th><td>\(esc(p.toolVersion))</td></tr>"
        h += "<tr><th>\(t("lexicon", "lexicon"))</th><td>\(esc(p.lexiconName)) \(esc(p.lexiconVersion)) (<code>\(esc(p.lexiconPath))</code>)<br>sha256 <code>\(esc(p.lexiconSHA256))</code></td></tr>"
        h += "<tr><th>matching</th><td>\(esc(p.match.rawValue))</td></tr><tr><th>stemmer</th><td>\(esc(p.stemmer))</td></tr>"
        h += "<tr><th>ICU / poppler</th><td>\(esc(p.icu)) / \(esc(p.poppler))</td></tr><tr><th>\(t("datum", "date"))</th><td>\(esc(p.date))</td></tr></table>"
        // Visible and printed, not folded away: a reader on paper sees which files were counted.
        h += "<h3>\(t("Invoerbestanden en sha256", "Input files and sha256")) (\(files))</h3><table class=\"hashes\">"
        for d in input.plans.lazy.flatMap(\.documents).prefix(maxRows) { h += "<tr><td><code>\(esc(d.file))</code></td><td><code>\(esc(d.sha256))</code></td></tr>" }
        h += "</table>"
        if files > maxRows { h += "<p>\(t("… en \(L.count(files - maxRows)) meer: alle bestanden met hun sha256 staan in scores.json (inputs).", "… and \(L.count(files - maxRows)) more: every file with its sha256 is in scores.json (inputs)."))</p>" }
        h += "</section>\n"
        h += "<script>\(script)</script>\n</body></html>\n"
        return h
    }

    /// The group differences: per category and region the mean share and the difference from the
    /// other plans, each with its interval, one verdict (bold: the interval excludes 0, so p < 0.05),
    /// groups under `GroupComparison.minimumToJudge` plans marked too small, and the method under the table.
    static func groupSection(_ ranking: Ranking, replicates: Int, seed: UInt64, _ L: Labels) -> String {
        let nl = L.language == .dutch
        func t(_ dutch: String, _ english: String) -> String { nl ? dutch : english }
        var diffs = [(String, [GroupComparison.Difference])]()
        for (label, key) in [(t("categorie", "category"), { (r: ShareRow) in r.category }), (t("regio", "region"), { (r: ShareRow) in r.region })] {
            let d = GroupComparison.compare(ranking.rows, by: key, replicates: replicates, seed: seed)
            if !d.isEmpty { diffs.append((label, d)) }
        }
        guard !diffs.isEmpty else { return "" }
        let minimum = GroupComparison.minimumToJudge
        var h = "<section id=\"groepen\"><h2>\(t("Verschillen tussen groepen", "Differences between groups"))</h2>"
        h += "<p>\(t("Per groep het gemiddelde aandeel en het verschil met de andere plannen in procentpunten, elk met een 95%-interval. Vet: het interval sluit 0 uit, het verschil is duidelijk.", "Per group the mean share and the difference from the other plans in percentage points, each with a 95% interval. Bold: the interval excludes 0, the difference is clear."))</p>"
        for (label, d) in diffs {
            h += "<div class=\"scroll\"><table><caption>\(esc(label))</caption><tr><th>\(t("groep", "group"))</th><th class=\"num\">n</th><th>\(t("perspectief", "perspective"))</th><th class=\"num\">\(t("gemiddelde", "mean"))</th><th>95%</th><th class=\"num\">\(t("verschil met de rest", "difference from the rest"))</th><th>95%</th><th class=\"num\">p</th></tr>"
            for x in d {
                let clear = x.isClear
                let p = x.tooSmall ? t("te klein", "too small") : (x.p < 1 / Double(x.replicates) ? "&lt; " + L.number(1 / Double(x.replicates), 3) : L.number(x.p, 3))
                h += "<tr\(x.tooSmall ? " class=\"small\"" : "")><td>\(esc(x.group))</td><td class=\"num\">\(x.n)</td><td>\(x.perspective.code)</td><td class=\"num\">\(L.percent(x.mean))</td><td class=\"num nowrap\">\(L.number(x.meanLow))–\(L.number(x.meanHigh))</td>"
                h += "<td class=\"num\">\(clear ? "<b>" : "")\(L.number(x.difference))\(clear ? "</b>" : "")</td><td class=\"num nowrap\">\(L.number(x.differenceLow))–\(L.number(x.differenceHigh))</td><td class=\"num\">\(p)</td></tr>"
            }
            h += "</table></div>"
        }
        h += "<p class=\"hint\">\(t("Methode: de plannen van de groep en die van de rest zijn elk \(L.count(replicates)) keer met teruglegging opnieuw getrokken (seed \(seed)); interval en p (tweezijdige bootstrap-p) komen uit dezelfde trekkingen, zodat een interval zonder 0 en p < 0,05 samenvallen; een groep of rest met minder dan \(minimum) plannen is te klein om te beoordelen.", "Method: the plans of the group and those of the rest were each drawn again with replacement \(L.count(replicates)) times (seed \(seed)); interval and p (two-sided bootstrap p) come from the same draws, so an interval without 0 and p < 0.05 coincide; a group or rest of fewer than \(minimum) plans is too small to judge."))</p>"
        return h + "</section>\n"
    }

    /// A case card's figures: its rank and share, each with its 95 % interval, and how often the
    /// bootstrap chose the same municipality again; without the bootstrap it says that the figures
    /// have no interval.
    static func caseFigures(_ c: CaseSelection.Case, _ input: CorpusReportInput, _ L: Labels) -> String {
        let nl = L.language == .dutch
        func t(_ dutch: String, _ english: String) -> String { nl ? dutch : english }
        guard let r = c.rank, let share = c.share, let name = c.municipality else { return "" }
        guard let b = input.analysis.bootstrap, let i = input.plans.firstIndex(where: { $0.plan.municipality == name }) else {
            return "<p>\(t("Rang", "Rank")) \(r), \(L.percent(share)) <span class=\"hint\">\(t("(zonder interval: --bootstrap 0)", "(no interval: --bootstrap 0)"))</span></p>"
        }
        let p = b.plans[i], perspective = Perspective(code: c.role)
        var h = "<p>\(t("Rang", "Rank")) \(r)"
        if let q = perspective, let low = p.rankLow?[q.index], let high = p.rankHigh?[q.index] {
            h += " <span class=\"nowrap\">(95%: \(low)–\(high))</span>"
        }
        h += ", \(L.percent(share))"
        if let q = perspective {
            h += " <span class=\"nowrap\">(95%: \(L.number(p.shareLow[q.index]))–\(L.number(p.shareHigh[q.index])))</span>"
        }
        h += "</p>"
        if let stable = input.analysis.selectionStability?[c.role] {
            h += "<p>\(t("Opnieuw gekozen in \(L.percent(stable * 100, decimals: 0)) van de \(L.count(b.replicates)) herhalingen.", "Chosen again in \(L.percent(stable * 100, decimals: 0)) of \(L.count(b.replicates)) replicates."))</p>"
        }
        return h
    }

    /// A top or bottom table; with the bootstrap, each place's 95 % share and rank interval and
    /// its chance of ranking first.
    static func placesTable(_ caption: String, _ places: [Ranking.Place], _ q: Perspective, _ input: CorpusReportInput, _ L: Labels) -> String {
        let nl = L.language == .dutch
        let b = input.analysis.bootstrap
        var h = "<table><caption>\(esc(caption))</caption><tr><th>#</th><th>\(nl ? "gemeente" : "municipality")</th><th>\(nl ? "aandeel" : "share")</th>"
        if b != nil { h += "<th>\(nl ? "95%-interval" : "95% interval")</th><th>\(nl ? "rang (95%)" : "rank (95%)")</th><th>\(nl ? "kans op 1e plaats" : "chance of rank 1")</th>" }
        h += "</tr>"
        for x in places.prefix(maxRows) {
            h += "<tr><td>\(x.rank)</td><td>\(esc(x.municipality))</td><td class=\"num\">\(L.percent(x.share))</td>"
            if let b, let i = input.plans.firstIndex(where: { $0.plan.municipality == x.municipality }) {
                let p = b.plans[i]
                h += "<td class=\"num nowrap\">\(L.number(p.shareLow[q.index]))–\(L.number(p.shareHigh[q.index]))</td>"
                h += "<td class=\"num nowrap\">\(p.rankLow.map { "\($0[q.index])–\(p.rankHigh![q.index])" } ?? "—")</td>"
                h += "<td class=\"num\">\(p.pTop1.map { L.percent($0[q.index] * 100, decimals: 0) } ?? "—")</td>"
            }
            h += "</tr>"
        }
        return h + "</table>"
    }

    /// The terms of perspective `p` over all plans, most counted first, with their forms.
    static func topTerms(_ input: CorpusReportInput, _ p: Perspective) -> [(String, Int, [(form: String, count: Int)])] {
        var order = [String](), counts = [String: Int](), forms = [String: [String: Int]]()
        for (_, s, _) in input.plans {
            for t in s.terms[p] ?? [] where t.count > 0 {
                if counts[t.term] == nil { order.append(t.term) }
                counts[t.term, default: 0] += t.count
                for f in t.forms { forms[t.term, default: [:]][f.form, default: 0] += f.count }
            }
        }
        return order.map { term in
            (term, counts[term]!, forms[term, default: [:]].map { (form: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.form < $1.form })
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// A seeded sample of evidence lines for `p` across plans (same input, same sample): the
    /// one gathered while the run scored, or else one drawn from the documents.
    static func sampleEvidence(_ input: CorpusReportInput, _ p: Perspective) -> [(String, KWICLine)] {
        (input.evidence ?? EvidenceSample.of(input.plans)).lines(p)
    }

    static func esc(_ s: String) -> String { SVGCharts.esc(s) }

    static func rgba(_ hex: String, _ alpha: Double) -> String {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        return "rgba(\(v >> 16 & 255),\(v >> 8 & 255),\(v & 255),\(FixedDecimal.string(alpha, decimals: 2)))"
    }

    static let css = """
    body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#111;max-width:1100px;margin:0 auto;padding:16px;line-height:1.4;font-size:14px}
    h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #ddd;padding-bottom:3px;margin-top:28px}h3{font-size:15px}
    .lead{color:#444;margin-top:0}.hint{color:#555;font-size:12px}.scroll{overflow-x:auto;max-width:100%}
    .warn{border-left:4px solid #E69F00;background:#fff8e6;padding:4px 12px;margin:12px 0}.warn h3{margin:6px 0}
    table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
    th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:bold;padding:2px 0}
    .sw{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px}.legend{list-style:none;padding-left:0}
    figure{margin:8px 0;break-inside:avoid;page-break-inside:avoid}svg{max-width:100%;height:auto;font-family:inherit}
    .persp{margin-bottom:16px}tr{break-inside:avoid}.tb{display:flex;gap:24px;flex-wrap:wrap}
    .cases{display:flex;flex-wrap:wrap;gap:16px}.case{border:1px solid #ddd;padding:8px;width:350px;break-inside:avoid;page-break-inside:avoid}
    .why{font-size:12px;padding-left:18px}.kwic td{font-size:12px}.kwic td.l{text-align:right}.kwic td.m{font-weight:bold;white-space:nowrap}
    .nowrap{white-space:nowrap}tr.small td{color:#666}.heat th{cursor:pointer}.heat td{white-space:nowrap}.hashes td{font-size:11px}
    @media screen and (max-width:700px){body{padding:8px}table{display:block;overflow-x:auto;max-width:100%}.case{width:auto;max-width:100%;box-sizing:border-box}.tb>*{max-width:100%}}
    thead{display:table-header-group}caption,h3,figcaption{break-after:avoid;page-break-after:avoid}
    @page{size:A4;margin:14mm}
    @media print{body{max-width:none;padding:0;font-size:11px}.hint{display:none}h2{break-after:avoid}details{display:block}details>summary{display:none}}
    """

    static let script = """
    document.querySelectorAll('table.sortable').forEach(function(t){var hs=t.tHead.rows[0].cells;for(var i=0;i<hs.length;i++){(function(i){var asc=false;hs[i].addEventListener('click',function(){asc=!asc;var b=t.tBodies[0],r=Array.prototype.slice.call(b.rows);r.sort(function(x,y){var a=x.cells[i],c=y.cells[i];var va=a.getAttribute('data-v'),vc=c.getAttribute('data-v');var d=(va!==null&&vc!==null)?(parseFloat(va)-parseFloat(vc)):a.textContent.localeCompare(c.textContent,'nl');return asc?d:-d;});r.forEach(function(e){b.appendChild(e);});});})(i);}});
    """
}
