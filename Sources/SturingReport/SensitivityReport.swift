import SturingAnalysis
import SturingCore

/// Writes and reads `sturing sensitivity` results: sensitivity.json, a Markdown text, and the
/// report's section.
public enum SensitivityReport {
    /// The JSON: variants, per municipality the shares under each and the largest change, Kendall's
    /// tau per variant and perspective, the case selections and flips, leave-one-term-out.
    public static func json(_ s: Sensitivity) -> JSONValue {
        func number(_ d: Double?) -> JSONValue { d.map { .double($0) } ?? .null }
        return .object([
            ("variants", .array(s.variants.map { .string($0) })),
            ("plans", .array(s.plans.map { p in
                .object([("municipality", .string(p.municipality)),
                         ("shares", .object(zip(s.variants, p.shares).map { ($0, .object(zip(Perspective.allCases, $1).map { ($0.code, number($1)) })) })),
                         ("largest_change", .object(zip(Perspective.allCases, p.largestChange).map { ($0.code, .double($1)) }))])
            })),
            ("kendall_tau", .array(s.agreements.map { a in
                .object([("variant", .string(a.variant)), ("n", .int(a.n)),
                         ("tau", .object(zip(Perspective.allCases, a.tau).map { ($0.code, number($1)) }))])
            })),
            ("selections", .object(zip(s.variants, s.selections).map { name, sel in
                (name, .object(sel.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
            })),
            ("flips", .array(s.flips.map { f in
                .object([("role", .string(f.role)), ("variant", .string(f.variant)),
                         ("base", f.base.map { .string($0) } ?? .null), ("other", f.other.map { .string($0) } ?? .null)])
            })),
            ("leave_one_term_out", .array(s.termEffects.map { t in
                .object([("term", .string(t.term)), ("perspective", .string(t.perspective.code)), ("count", .int(t.count)),
                         ("largest_change", .double(t.largestChange)), ("municipality", .string(t.municipality))])
            })),
        ])
    }

    /// CSV: one row per municipality and perspective, its share under each variant and the largest
    /// change; then one row per term left out (`kind` says which table a row belongs to).
    public static func csv(_ s: Sensitivity, dialect: CSVDialect = .standard) -> String {
        var rows = [["kind", "municipality", "perspective"] + s.variants.map { "share_\($0)" } + ["largest_change", "term", "signal_words"]]
        for p in s.plans {
            for q in Perspective.allCases {
                rows.append(["plan", p.municipality, q.code] + p.shares.map { $0[q.index].map { dialect.number($0) } ?? "" }
                            + [dialect.number(p.largestChange[q.index]), "", ""])
            }
        }
        for t in s.termEffects {
            rows.append(["leave_one_term_out", t.municipality, t.perspective.code] + s.variants.map { _ in "" }
                        + [dialect.number(t.largestChange), t.term, "\(t.count)"])
        }
        return dialect.write(rows)
    }

    /// Reads what `json` wrote; nil when it is not a sensitivity result.
    public static func decode(_ v: JSONValue) -> Sensitivity? {
        guard let variants = v["variants"]?.arrayValue?.compactMap(\.stringValue), !variants.isEmpty else { return nil }
        let plans = (v["plans"]?.arrayValue ?? []).map { p in
            Sensitivity.PlanShares(
                municipality: p["municipality"]?.stringValue ?? "?",
                shares: variants.map { name in Perspective.allCases.map { p["shares"]?[name]?[$0.code]?.doubleValue } },
                largestChange: Perspective.allCases.map { p["largest_change"]?[$0.code]?.doubleValue ?? 0 })
        }
        let agreements = (v["kendall_tau"]?.arrayValue ?? []).map { a in
            Sensitivity.Agreement(variant: a["variant"]?.stringValue ?? "?", tau: Perspective.allCases.map { a["tau"]?[$0.code]?.doubleValue },
                                  n: a["n"]?.intValue ?? 0)
        }
        let selections = variants.map { name in
            Dictionary(uniqueKeysWithValues: (v["selections"]?[name]?.objectValue ?? []).compactMap { k, m in m.stringValue.map { (k, $0) } })
        }
        let flips = (v["flips"]?.arrayValue ?? []).map { f in
            Sensitivity.Flip(role: f["role"]?.stringValue ?? "?", variant: f["variant"]?.stringValue ?? "?",
                             base: f["base"]?.stringValue, other: f["other"]?.stringValue)
        }
        let effects = (v["leave_one_term_out"]?.arrayValue ?? []).compactMap { t -> Sensitivity.TermEffect? in
            guard let p = t["perspective"]?.stringValue.flatMap(Perspective.init(code:)) else { return nil }
            return Sensitivity.TermEffect(term: t["term"]?.stringValue ?? "?", perspective: p, count: t["count"]?.intValue ?? 0,
                                          largestChange: t["largest_change"]?.doubleValue ?? 0, municipality: t["municipality"]?.stringValue ?? "")
        }
        return Sensitivity(variants: variants, plans: plans, agreements: agreements, selections: selections, flips: flips, termEffects: effects)
    }

    /// Markdown (also the terminal text): tau per variant, case flips, the plans that move most,
    /// and the terms whose removal moves a share most.
    public static func markdown(_ s: Sensitivity, language: Language = .dutch, rows: Int = 15) -> String {
        let L = Labels(language), nl = language == .dutch, md = Escape.markdown
        var out = nl ? "## Gevoeligheid voor matchingkeuzes\n\nBasis: **\(md(s.variants[0]))**; vergeleken met: \(s.variants.dropFirst().map(md).joined(separator: ", ")).\n\n"
                     : "## Sensitivity to matching choices\n\nBase: **\(md(s.variants[0]))**; compared with: \(s.variants.dropFirst().map(md).joined(separator: ", ")).\n\n"
        out += nl ? "### Overeenstemming van de rangordes (Kendall's tau-b)\n\n| variant | n | PA | NPM | NPG | SR |\n|---|---:|---:|---:|---:|---:|\n"
                  : "### Agreement of the rankings (Kendall's tau-b)\n\n| variant | n | PA | NPM | NPG | SR |\n|---|---:|---:|---:|---:|---:|\n"
        for a in s.agreements {
            out += "| \(md(a.variant)) | \(a.n) | " + a.tau.map { $0.map { L.number($0, 2) } ?? "—" }.joined(separator: " | ") + " |\n"
        }
        out += nl ? "\n### Casussen die wisselen\n\n" : "\n### Cases that change\n\n"
        if s.flips.isEmpty {
            out += nl ? "Geen: elke variant kiest dezelfde casussen.\n" : "None: every variant selects the same cases.\n"
        } else {
            for f in s.flips { out += "- \(md(f.role)), \(md(f.variant)): \(md(f.base ?? "—")) → \(md(f.other ?? "—"))\n" }
        }
        out += nl ? "\n### Gemeenten waarvan een aandeel het meest verschuift\n\n| gemeente | perspectief | " : "\n### Municipalities whose share moves most\n\n| municipality | perspective | "
        out += s.variants.map(md).joined(separator: " | ") + " | \(nl ? "grootste verschil" : "largest change") |\n|---|---|" + String(repeating: "---:|", count: s.variants.count + 1) + "\n"
        let moves = s.plans.flatMap { p in Perspective.allCases.map { (p, $0) } }.sorted { $0.0.largestChange[$0.1.index] > $1.0.largestChange[$1.1.index] }
        for (p, q) in moves.prefix(rows) {
            out += "| \(md(p.municipality)) | \(q.code) | " + p.shares.map { $0[q.index].map { L.percent($0) } ?? "—" }.joined(separator: " | ")
                + " | \(L.number(p.largestChange[q.index])) \(nl ? "procentpunt" : "points") |\n"
        }
        out += nl ? "\n### Termen die een aandeel het meest verschuiven als ze wegvallen\n\n| term | perspectief | signaalwoorden | grootste verschuiving | bij |\n|---|---|---:|---:|---|\n"
                  : "\n### Terms whose removal moves a share most\n\n| term | perspective | signal words | largest change | in |\n|---|---|---:|---:|---|\n"
        for t in s.termEffects.prefix(rows) {
            out += "| \(md(t.term)) | \(t.perspective.code) | \(t.count) | \(L.number(t.largestChange)) | \(md(t.municipality)) |\n"
        }
        return out
    }

    /// The report's section (HTML).
    public static func html(_ s: Sensitivity, language: Language) -> String {
        let L = Labels(language), nl = language == .dutch, esc = Escape.html
        var h = "<section id=\"gevoeligheid\"><h2>\(nl ? "Gevoeligheid voor matchingkeuzes" : "Sensitivity to matching choices")</h2>"
        h += "<p>\(nl ? "Dezelfde plannen opnieuw geteld met andere keuzes; basis" : "The same plans counted again with other choices; base"): <b>\(esc(s.variants[0]))</b>. "
        h += nl ? "Kendall's tau-b meet hoe gelijk de rangordes zijn (1 = gelijk, −1 = omgekeerd).</p>" : "Kendall's tau-b measures how alike the rankings are (1 = the same, −1 = reversed).</p>"
        h += "<table><tr><th>variant</th><th class=\"num\">n</th>" + Perspective.allCases.map { "<th class=\"num\">\($0.code)</th>" }.joined() + "</tr>"
        for a in s.agreements {
            h += "<tr><td>\(esc(a.variant))</td><td class=\"num\">\(a.n)</td>" + a.tau.map { "<td class=\"num\">\($0.map { L.number($0, 2) } ?? "—")</td>" }.joined() + "</tr>"
        }
        h += "</table>"
        if s.flips.isEmpty {
            h += "<p>\(nl ? "Elke variant kiest dezelfde casussen." : "Every variant selects the same cases.")</p>"
        } else {
            h += "<h3>\(nl ? "Casussen die wisselen" : "Cases that change")</h3><ul>"
            for f in s.flips { h += "<li>\(esc(f.role)), \(esc(f.variant)): \(esc(f.base ?? "—")) → \(esc(f.other ?? "—"))</li>" }
            h += "</ul>"
        }
        h += "<h3>\(nl ? "Termen die een aandeel het meest verschuiven als ze wegvallen" : "Terms whose removal moves a share most")</h3>"
        h += "<table><tr><th>term</th><th>\(nl ? "perspectief" : "perspective")</th><th class=\"num\">\(nl ? "signaalwoorden" : "signal words")</th><th class=\"num\">\(nl ? "grootste verschuiving (procentpunt)" : "largest change (points)")</th><th>\(nl ? "bij" : "in")</th></tr>"
        for t in s.termEffects.prefix(10) {
            h += "<tr><td>\(esc(t.term))</td><td>\(t.perspective.code)</td><td class=\"num\">\(L.count(t.count))</td><td class=\"num\">\(L.number(t.largestChange))</td><td>\(esc(t.municipality))</td></tr>"
        }
        return h + "</table></section>\n"
    }
}
