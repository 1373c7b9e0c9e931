import Foundation
import SturingAnalysis
import SturingCore

/// One municipality's page, for a rekenkamer's appendix: its profile against the mean of its size
/// class, its region and all plans; its rank (with the rank interval); its nearest peers; the
/// terms and sentences behind each share; and the validation figures when there are any.
public enum FocusReport {
    /// The page, or nil when `name` is not a plan of the run (the caller suggests names).
    public static func html(_ input: CorpusReportInput, municipality name: String, language: Language = .dutch) -> String? {
        guard let index = input.plans.firstIndex(where: { $0.plan.municipality.lowercased() == name.lowercased() }) else { return nil }
        let (plan, score, documents) = input.plans[index]
        let L = Labels(language), esc = Escape.html
        let t = L.text
        let ranking = input.analysis.ranking
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<title>\(esc(plan.municipality)) — \(t("sturing in het beleidsplan", "steering in the policy plan"))</title><style>\(HTMLReport.css)</style></head><body>"
        h += "<header><h1>\(esc(plan.municipality))</h1><p class=\"lead\">\(esc(plan.title ?? ""))\(plan.year.map { " (\(esc($0)))" } ?? "") · "
        h += [plan.category, plan.region, plan.province].compactMap { $0 }.map(esc).joined(separator: " · ") + "</p></header>"
        h += "<section><ul class=\"facts\"><li>\(L.count(score.tokens)) \(t("woorden", "words")), \(L.count(score.totalSignalWords)) \(t(score.totalSignalWords == 1 ? "signaalwoord" : "signaalwoorden", score.totalSignalWords == 1 ? "signal word" : "signal words"))</li>"
        h += "<li>\(t("Bestanden", "Files")): " + plan.files.map { "<code>\(esc($0))</code>" }.joined(separator: ", ") + "</li>"
        h += "<li>\(t("Lexicon", "Lexicon")) \(esc(input.provenance.lexiconName)) \(esc(input.provenance.lexiconVersion)), matching \(esc(input.provenance.match.rawValue)); \(esc(input.provenance.date))</li></ul>"
        if !input.analysis.isRanked(score) {
            h += "<p class=\"warn\">\(esc(L.notRanked(signalWords: score.totalSignalWords, minimum: input.table.minSignalWords)))</p>"
        }
        h += "</section>"
        // Profile against the means.
        let shares = Perspective.allCases.map { score.perspectives[$0]?.share }
        if let overall = ranking.overall, shares.allSatisfy({ $0 != nil }) {
            let profile = ShareProfile(shares.map { $0! })
            h += "<section><h2>\(t("Profiel", "Profile"))</h2><figure>" + SVGCharts.ring(title: plan.municipality, subtitle: t("tegenover het gemiddelde van alle plannen", "against the mean of all plans"), profile: profile, mean: overall.profile, labels: L) + "</figure>"
            var rows: [(String, Int, ShareProfile)] = [(t("deze gemeente", "this municipality"), 1, profile), (t("alle plannen", "all plans"), overall.n, overall.profile)]
            if let c = plan.category, let m = ranking.means(by: { $0.category }).first(where: { $0.group == c }) { rows.append(("\(t("categorie", "category")) \(c)", m.mean.n, m.mean.profile)) }
            if let r = plan.region, let m = ranking.means(by: { $0.region }).first(where: { $0.group == r }) { rows.append(("\(t("regio", "region")) \(r)", m.mean.n, m.mean.profile)) }
            h += "<table><tr><th></th><th class=\"num\">n</th>" + Perspective.allCases.map { "<th class=\"num\">\(esc(L.perspective($0)))</th>" }.joined() + "</tr>"
            for (label, n, p) in rows { h += "<tr><td>\(esc(label))</td><td class=\"num\">\(n)</td>" + Perspective.allCases.map { "<td class=\"num\">\(L.percent(p[$0]))</td>" }.joined() + "</tr>" }
            h += "</table></section>"
            // Ranks, with the bootstrap's intervals.
            if let k = ranking.rows.firstIndex(where: { $0.municipality == plan.municipality }) {
                h += "<section><h2>\(t("Plaats in de rangorde", "Place in the ranking"))</h2><table><tr><th>\(t("perspectief", "perspective"))</th><th class=\"num\">\(t("rang", "rank"))</th><th class=\"num\">\(t("van", "of"))</th>"
                let b = input.analysis.bootstrap?.plans[index]
                if b != nil { h += "<th>\(t("aandeel 95%", "share 95%"))</th><th>\(t("rang 95%", "rank 95%"))</th><th class=\"num\">\(t("kans op 1e plaats", "chance of rank 1"))</th>" }
                h += "</tr>"
                for p in Perspective.allCases {
                    h += "<tr><td>\(esc(L.perspective(p)))</td><td class=\"num\">\(ranking.ranks(p)[k])</td><td class=\"num\">\(ranking.rows.count)</td>"
                    if let b {
                        h += "<td class=\"num\">\(L.number(b.shareLow[p.index]))–\(L.number(b.shareHigh[p.index]))</td>"
                        h += "<td class=\"num\">\(b.rankLow.map { "\($0[p.index])–\(b.rankHigh![p.index])" } ?? "—")</td><td class=\"num\">\(b.pTop1.map { L.number($0[p.index], 2) } ?? "—")</td>"
                    }
                    h += "</tr>"
                }
                h += "</table>"
                // Nearest peers by profile.
                let peers = ranking.rows.enumerated().filter { $0.offset != k }
                    .map { ($0.element, $0.element.profile.distance(to: profile)) }.sorted { $0.1 < $1.1 }.prefix(5)
                h += "<h3>\(t("Gemeenten met het meest gelijke profiel", "Municipalities with the most similar profile"))</h3><table><tr><th>\(t("gemeente", "municipality"))</th><th class=\"num\">\(t("afstand (procentpunt)", "distance (points)"))</th>" + Perspective.allCases.map { "<th class=\"num\">\($0.code)</th>" }.joined() + "</tr>"
                for (row, d) in peers { h += "<tr><td>\(esc(row.municipality))</td><td class=\"num\">\(L.number(d))</td>" + Perspective.allCases.map { "<td class=\"num\">\(L.percent(row.profile[$0]))</td>" }.joined() + "</tr>" }
                h += "</table></section>"
            }
        }
        // The words and sentences behind each share.
        h += "<section><h2>\(t("Waar de aandelen op rusten", "What the shares rest on"))</h2>"
        for p in Perspective.allCases {
            let terms = (score.terms[p] ?? []).filter { $0.count > 0 }.sorted { $0.count > $1.count }
            h += "<h3>\(esc(L.perspective(p))): \(score.perspectives[p]?.count ?? 0)</h3>"
            if terms.isEmpty { h += "<p>—</p>"; continue }
            h += "<p>" + terms.map { t in "<b>\(esc(t.term))</b> \(L.count(t.count)) (" + t.forms.prefix(4).map { "\(esc($0.form)) \(L.count($0.count))" }.joined(separator: ", ") + ")" }.joined(separator: "; ") + "</p>"
            let lines = documents.flatMap { $0.evidence[p] ?? [] }
            if !lines.isEmpty {
                h += "<table class=\"kwic\">" + lines.map { "<tr><td class=\"l\">\(esc($0.left))</td><td><b>\(esc($0.match))</b></td><td>\(esc($0.right))</td><td class=\"num\">\($0.page.map { "p. \($0)" } ?? "")</td></tr>" }.joined() + "</table>"
            }
        }
        h += "</section>"
        if let v = input.validation {
            h += "<section><h2>\(t("Validatie van de telling (alle plannen)", "Validation of the counts (all plans)"))</h2><table><tr><th>\(t("perspectief", "perspective"))</th><th class=\"num\">\(t("precisie", "precision"))</th><th>95%</th><th class=\"num\">recall</th></tr>"
            for p in Perspective.allCases {
                let pr = v.precision[p]
                h += "<tr><td>\(esc(L.perspective(p)))</td><td class=\"num\">\(pr.map { L.number($0.value, 2) } ?? "—")</td><td class=\"num\">\(pr.map { "\(L.number($0.low, 2))–\(L.number($0.high, 2))" } ?? "—")</td><td class=\"num\">\(v.recall[p].map { L.number($0.value, 2) } ?? "—")</td></tr>"
            }
            h += "</table></section>"
        }
        h += "<footer class=\"hint\">sturing \(esc(input.provenance.toolVersion)) · \(esc(input.provenance.lexiconName)) sha256 <code>\(esc(String(input.provenance.lexiconSHA256.prefix(16))))…</code></footer>"
        return h + "</body></html>\n"
    }

    /// A file name for the page: "focus-" and the name's letters and digits.
    public static func fileName(_ municipality: String) -> String {
        let slug = municipality.lowercased().unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? String($0) : "-" }.joined()
        return "focus-" + slug.split(separator: "-").joined(separator: "-") + ".html"
    }
}
