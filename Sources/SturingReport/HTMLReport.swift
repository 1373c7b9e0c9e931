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
    /// Renders the report: one section after another, each rendered by its own function.
    public static func render(_ input: CorpusReportInput, language: Language = .dutch) -> String {
        let L = Labels(language)
        let ranking = input.analysis.ranking
        var h = head(input, L)
        h += summarySection(input, L)
        h += disambiguationSection(input, L)
        h += profileSection(ranking, L)
        // Group differences with honest statistics.
        if ranking.rows.count >= 4 && ranking.rows.count <= 20_000 {
            h += groupSection(ranking, replicates: input.analysis.bootstrap?.replicates ?? 1000, seed: input.analysis.bootstrap?.seed ?? 1, L)
        }
        h += rankingSection(input, L)
        h += heatMapSection(input, L)
        h += caseSection(input, L)
        h += termsSection(input, L)
        if let validation = input.validation { h += ValidationReport.html(validation, input: input, language: language) }
        if let sensitivity = input.sensitivity { h += SensitivityReport.html(sensitivity, language: language) }
        h += lexiconCheckSection(input, L)
        h += problemsSection(input, L)
        h += provenanceSection(input, L)
        h += "<script>\(script)</script>\n</body></html>\n"
        return h
    }

    /// The group differences: per category and region the mean share and the difference from the
    /// other plans, each with its interval, one verdict (bold: the interval excludes 0, so p < 0.05),
    /// groups under `GroupComparison.minimumToJudge` plans marked too small, and the method under the table.
    static func groupSection(_ ranking: Ranking, replicates: Int, seed: UInt64, _ L: Labels) -> String {
        let t = L.text
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
        let t = L.text
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

    /// A top or bottom table of `k` rows; with the bootstrap, each place's 95 % share and rank
    /// interval and its chance of ranking first. Plans that tie with the last row are counted
    /// below it, not listed (50 plans at 0 % would make a "Laagste 5" of 50 rows, all ranked 1).
    static func placesTable(_ caption: String, _ places: [Ranking.Place], k: Int, _ q: Perspective, _ input: CorpusReportInput, _ L: Labels) -> String {
        let nl = L.language == .dutch
        let b = input.analysis.bootstrap
        var h = "<table><caption>\(esc(caption))</caption><tr><th>#</th><th>\(nl ? "gemeente" : "municipality")</th><th>\(nl ? "aandeel" : "share")</th>"
        if b != nil { h += "<th>\(nl ? "95%-interval" : "95% interval")</th><th>\(nl ? "rang (95%)" : "rank (95%)")</th><th>\(nl ? "kans op 1e plaats" : "chance of rank 1")</th>" }
        h += "</tr>"
        let shown = places.prefix(max(1, min(k, maxRows)))
        for x in shown {
            h += "<tr><td>\(x.rank)</td><td>\(esc(x.municipality))</td><td class=\"num\">\(L.percent(x.share))</td>"
            if let b, let i = input.plans.firstIndex(where: { $0.plan.municipality == x.municipality }) {
                let p = b.plans[i]
                h += "<td class=\"num nowrap\">\(L.number(p.shareLow[q.index]))–\(L.number(p.shareHigh[q.index]))</td>"
                h += "<td class=\"num nowrap\">\(p.rankLow.map { "\($0[q.index])–\(p.rankHigh![q.index])" } ?? "—")</td>"
                h += "<td class=\"num\">\(p.pTop1.map { L.percent($0[q.index] * 100, decimals: 0) } ?? "—")</td>"
            }
            h += "</tr>"
        }
        let tied = places.count - shown.count
        if tied > 0, let last = shown.last {
            let columns = b == nil ? 3 : 6
            let sharing = places.count - (places.firstIndex { $0.rank == last.rank } ?? 0)
            let more = L.counted(tied, ("gemeente", "gemeenten"), ("more municipality", "more municipalities"))
            let note = nl ? "… en nog \(more) met hetzelfde aandeel als plaats \(last.rank) (\(L.percent(last.share))): \(L.count(sharing)) gemeenten delen die plaats (alle staan in scores.csv)"
                : "… and \(more) with the same share as place \(last.rank) (\(L.percent(last.share))): \(L.count(sharing)) municipalities share that place (all are in scores.csv)"
            h += "<tr><td colspan=\"\(columns)\" class=\"hint\">\(esc(note))</td></tr>"
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
