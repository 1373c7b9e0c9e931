import Foundation
import SturingAnalysis
import SturingCore

/// The outputs of `sturing compare`: CSV, JSON, Markdown and a self-contained HTML page with a
/// slope chart per perspective.
public enum ComparisonReport {
    /// A note shown in every output when the runs were made with other lexicons or match modes.
    public static func differentNote(_ language: Language) -> String {
        language == .dutch ? "Let op: de twee runs zijn gemaakt met een ander lexicon of een andere matching (--allow-different); verschillen kunnen daaruit voortkomen."
                           : "Note: the two runs were made with another lexicon or match mode (--allow-different); differences may come from that."
    }

    /// One row per municipality and perspective.
    public static func csv(_ c: PeriodComparison, dialect: CSVDialect, different: Bool) -> String {
        var rows = [["municipality", "perspective", "share_\(c.before)", "share_\(c.after)", "change", "change_low", "change_high", "clear", "note"]]
        for ch in c.changes {
            for p in Perspective.allCases {
                let i = ch.interval?[p.index]
                rows.append([ch.municipality, p.code, ch.before.map { dialect.number($0[p.index]) } ?? "", ch.after.map { dialect.number($0[p.index]) } ?? "",
                             ch.change.map { dialect.number($0[p.index]) } ?? "", i.map { dialect.number($0.low) } ?? "", i.map { dialect.number($0.high) } ?? "",
                             i == nil ? "" : (ch.isClear(p) ? "yes" : "no"), different ? "different lexicon or match mode" : ""])
            }
        }
        return dialect.write(rows)
    }

    /// What stands under "moved most" when no municipality moved more than the uncertainty.
    static func noMoverNote(_ c: PeriodComparison, _ language: Language) -> String {
        let nl = language == .dutch
        if !c.hasIntervals {
            return nl ? "Geen intervallen (--bootstrap 0 of geen zinnen per plan): of een verschuiving groter is dan de onzekerheid, is niet te zeggen."
                      : "No intervals (--bootstrap 0 or no sentences per plan): whether a move is larger than the uncertainty cannot be said."
        }
        return nl ? "Geen enkele gemeente verschoof meer dan de onzekerheid: bij geen perspectief sluit het 95%-interval van de verandering 0 uit."
                  : "No municipality moved more than the uncertainty: for no perspective does the 95% interval of the change exclude 0."
    }

    /// The JSON.
    public static func json(_ c: PeriodComparison, different: Bool) -> JSONValue {
        func move(_ m: PeriodComparison.TermMove) -> JSONValue {
            .object([("term", .string(m.term)), ("perspective", .string(m.perspective.code)), ("before_per_10k", .double(m.before)), ("after_per_10k", .double(m.after))])
        }
        return .object([
            ("before", .string(c.before)), ("after", .string(c.after)), ("different_settings", .bool(different)),
            ("bootstrap", .object([("replicates", .int(c.replicates)), ("seed", .string(String(c.seed))),
                                   ("method", .string("sentences resampled, paired across periods by sentence key"))])),
            ("municipalities", .array(c.changes.map { ch in
                .object([("municipality", .string(ch.municipality)),
                         ("perspectives", .object(Perspective.allCases.map { p in
                             (p.code, .object([("before", .number(ch.before?[p.index])), ("after", .number(ch.after?[p.index])),
                                               ("change", .number(ch.change?[p.index])),
                                               ("change_low", .number(ch.interval?[p.index].low)), ("change_high", .number(ch.interval?[p.index].high)),
                                               ("clear", ch.interval == nil ? .null : .bool(ch.isClear(p)))]))
                         })),
                         ("distance", .number(ch.distance)), ("paired", .bool(ch.paired)),
                         ("terms_rose", .array(ch.rose.map(move))), ("terms_fell", .array(ch.fell.map(move)))])
            })),
            ("only_before", .array(c.onlyBefore.map { .string($0) })), ("only_after", .array(c.onlyAfter.map { .string($0) })),
        ])
    }

    /// Markdown: the movers with the words behind the move, then the full table.
    public static func markdown(_ c: PeriodComparison, language: Language, different: Bool) -> String {
        let L = Labels(language), nl = language == .dutch, md = Escape.markdown
        var out = nl ? "# Vergelijking \(md(c.before)) → \(md(c.after))\n\n" : "# Comparison \(md(c.before)) → \(md(c.after))\n\n"
        if different { out += differentNote(language) + "\n\n" }
        out += nl ? "## Gemeenten waarvan het profiel het meest verschoof\n\n" : "## Municipalities whose profile moved most\n\n"
        if c.movedMost(1).isEmpty { out += noMoverNote(c, language) + "\n" }
        for ch in c.movedMost(10) {
            let parts = Perspective.allCases.map { p in "\(p.code) \(L.number(ch.change![p.index]))\(ch.isClear(p) ? "*" : "")" }.joined(separator: ", ")
            out += "- **\(md(ch.municipality))** (\(L.number(ch.distance!)) \(nl ? "procentpunt" : "points")): \(parts)"
            let rose = ch.rose.prefix(3).map { "\(md($0.term)) +\(L.number($0.after - $0.before))" }.joined(separator: ", ")
            let fell = ch.fell.prefix(3).map { "\(md($0.term)) −\(L.number($0.before - $0.after))" }.joined(separator: ", ")
            if !rose.isEmpty { out += nl ? "; meer: \(rose)" : "; more: \(rose)" }
            if !fell.isEmpty { out += nl ? "; minder: \(fell)" : "; less: \(fell)" }
            out += "\n"
        }
        out += nl ? "\n(* = verandering groter dan de onzekerheid: het 95%-interval van het verschil bevat geen 0. Termen: per 10.000 woorden.)\n"
                  : "\n(* = change larger than the uncertainty: the 95% interval of the difference excludes 0. Terms: per 10,000 words.)\n"
        out += nl ? "\n## Alle gemeenten\n\n| gemeente | perspectief | \(md(c.before)) | \(md(c.after)) | verschil | 95%-interval |\n|---|---|---:|---:|---:|---|\n"
                  : "\n## All municipalities\n\n| municipality | perspective | \(md(c.before)) | \(md(c.after)) | change | 95% interval |\n|---|---|---:|---:|---:|---|\n"
        for ch in c.changes {
            for p in Perspective.allCases {
                let i = ch.interval?[p.index]
                out += "| \(md(ch.municipality)) | \(p.code) | \(ch.before.map { L.percent($0[p.index]) } ?? "—") | \(ch.after.map { L.percent($0[p.index]) } ?? "—") | "
                out += "\(ch.change.map { L.number($0[p.index]) } ?? "—") | \(i.map { "\(L.number($0.low))–\(L.number($0.high))" } ?? "—") |\n"
            }
        }
        if !c.onlyBefore.isEmpty { out += "\n" + (nl ? "Alleen in \(md(c.before)): " : "Only in \(md(c.before)): ") + c.onlyBefore.map(md).joined(separator: ", ") + "\n" }
        if !c.onlyAfter.isEmpty { out += "\n" + (nl ? "Alleen in \(md(c.after)): " : "Only in \(md(c.after)): ") + c.onlyAfter.map(md).joined(separator: ", ") + "\n" }
        return out
    }

    /// A self-contained HTML page with a slope chart per perspective (each municipality a line from
    /// its share before to its share after; the movers drawn strong and named).
    public static func html(_ c: PeriodComparison, language: Language, different: Bool) -> String {
        let L = Labels(language), nl = language == .dutch, esc = Escape.html
        let movers = Set(c.movedMost(5).map(\.municipality))
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<title>\(esc(c.before)) → \(esc(c.after))</title><style>body{font-family:\"DejaVu Sans\",Arial,sans-serif;max-width:1100px;margin:0 auto;padding:16px;font-size:14px;color:#111}"
        h += "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px}td.num{text-align:right}.warn{border-left:4px solid #E69F00;background:#fff8e6;padding:4px 12px}"
        h += "figure{display:inline-block;margin:8px;break-inside:avoid}.scroll{overflow-x:auto}@media print{figure{page-break-inside:avoid}}</style></head><body>"
        h += "<h1>\(nl ? "Vergelijking" : "Comparison") \(esc(c.before)) → \(esc(c.after))</h1>"
        if different { h += "<p class=\"warn\">\(esc(differentNote(language)))</p>" }
        h += "<p>\(nl ? "Per perspectief het aandeel in elke periode; dikke lijnen: de (hoogstens vijf) gemeenten waarvan het profiel het meest verschoof, voor zover meer dan de onzekerheid." : "Per perspective the share in each period; thick lines: the (at most five) municipalities whose profile moved most, insofar as more than the uncertainty.")</p>"
        for p in Perspective.allCases {
            let rows = c.changes.filter { $0.before != nil && $0.after != nil }
            let maxShare = max(1, rows.flatMap { [$0.before![p.index], $0.after![p.index]] }.max() ?? 1)
            let w = 320.0, hgt = 260.0, x1 = 90.0, x2 = 230.0, top = 30.0, bottom = 230.0
            func y(_ v: Double) -> Double { bottom - (bottom - top) * v / maxShare }
            h += "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(hgt))\" viewBox=\"0 0 \(Int(w)) \(Int(hgt))\" role=\"img\" aria-label=\"\(esc(L.perspective(p)))\">"
            h += "<title>\(esc(L.perspective(p))): \(esc(c.before)) → \(esc(c.after))</title>"
            h += "<text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(esc(L.perspective(p)))</text>"
            h += "<text x=\"\(Int(x1))\" y=\"\(Int(bottom + 18))\" font-size=\"11\" text-anchor=\"middle\">\(esc(c.before))</text><text x=\"\(Int(x2))\" y=\"\(Int(bottom + 18))\" font-size=\"11\" text-anchor=\"middle\">\(esc(c.after))</text>"
            for ch in rows.sorted(by: { movers.contains($0.municipality) == false && movers.contains($1.municipality) }) {
                let strong = movers.contains(ch.municipality)
                let a = ch.before![p.index], b = ch.after![p.index]
                h += "<line x1=\"\(Int(x1))\" y1=\"\(SVGCharts.f(y(a)))\" x2=\"\(Int(x2))\" y2=\"\(SVGCharts.f(y(b)))\" stroke=\"\(strong ? SVGCharts.color(p) : "#bbb")\" stroke-width=\"\(strong ? 2.5 : 1)\"><title>\(esc(ch.municipality)): \(L.percent(a)) → \(L.percent(b))</title></line>"
                if strong {
                    h += "<text x=\"\(Int(x2 + 6))\" y=\"\(SVGCharts.f(y(b) + 3))\" font-size=\"9\">\(esc(String(ch.municipality.prefix(14))))</text>"
                }
            }
            h += "</svg></figure>"
        }
        h += "<div class=\"scroll\">" + markdownTable(c, L) + "</div></body></html>\n"
        return h
    }

    /// The movers as an HTML table.
    static func markdownTable(_ c: PeriodComparison, _ L: Labels) -> String {
        let nl = L.language == .dutch, esc = Escape.html
        var h = "<h2>\(nl ? "Grootste verschuivingen" : "Largest moves")</h2>"
        if c.movedMost(1).isEmpty { return h + "<p>\(esc(noMoverNote(c, L.language)))</p>" }
        h += "<table><tr><th>\(nl ? "gemeente" : "municipality")</th>"
        h += Perspective.allCases.map { "<th>\($0.code)</th>" }.joined() + "<th>\(nl ? "woorden die stegen / daalden (per 10.000)" : "words that rose / fell (per 10,000)")</th></tr>"
        for ch in c.movedMost(15) {
            h += "<tr><td>\(esc(ch.municipality))</td>"
            for p in Perspective.allCases {
                let mark = ch.isClear(p) ? "*" : ""
                h += "<td class=\"num\">\(L.number(ch.change![p.index]))\(mark)</td>"
            }
            h += "<td>" + esc(ch.rose.prefix(3).map { "+\($0.term)" }.joined(separator: ", ") + " / " + ch.fell.prefix(3).map { "−\($0.term)" }.joined(separator: ", ")) + "</td></tr>"
        }
        return h + "</table><p>* \(nl ? "verandering groter dan de onzekerheid (95%-interval zonder 0)" : "change larger than the uncertainty (95% interval excludes 0)")</p>"
    }
}
