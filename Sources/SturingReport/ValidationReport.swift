import SturingAnalysis
import SturingCore
import SturingValidation

/// Writes validation results: the coding instruction, JSON, Markdown and the report's section.
public enum ValidationReport {
    /// The companion .md of a coding sheet: what was drawn (`matches` matches, `perPerspective`
    /// of them per perspective in PA NPM NPG SR order, and `sentences` sentences, from run `run`
    /// with `seed`), whether it is blind, the instruction, and the command that scores it.
    public static func sheetInstruction(run: String, seed: UInt64, matches: Int, perPerspective: [Int], sentences: Int, showFound: Bool,
                                        sheetName: String, keyName: String) -> String {
        let counts = zip(Perspective.allCases, perPerspective).map { "\($0.code) \($1)" }.joined(separator: ", ")
        let blind = showFound ? "Let op: deze sheet is getrokken met --show-found; de laatste kolom (`found`) toont wat het programma vond, dus het coderen van de zinnen is niet blind.\n\n" : ""
        return "# Codeersheet\n\nRun \(run), seed \(seed): \(matches) treffers (\(counts)) en \(sentences) zinnen.\n\n" + blind + instruction
            + "\n\nDaarna: `sturing validate score \(sheetName) [tweede-codeur.csv]` (de sleutel met wat het programma vond staat in de map van de run: \(keyName)).\n"
    }

    /// The coding instruction (Dutch), at the top of the sheet's companion .md and in the README.
    public static let instruction = """
        ## Codeerinstructie

        Elke rij is een **treffer** (kind = match) of een **zin** (kind = sentence) uit de plannen.

        - **Treffer**: lees `left`, `match` en `right`. Zet in `code` een **1** (of *ja*) als het woord
          hier echt het sturingsperspectief in `perspective` uitdrukt, anders een **0** (of *nee*), en
          een **?** (of *onduidelijk*) alleen als ook de ruimere context het niet beslist.
          Voorbeeld: "wij *meten* de resultaten" bij NPM → 1; "korte *metten* maken" → 0.
        - **Zin**: lees de zin in `match`. Zet in `code` de perspectieven die de zin uitdrukt, met `+`
          ertussen (`PA`, `NPM`, `NPG`, `SR`, bijv. `PA+SR`), of **geen** (of **?** als het
          onbeslisbaar is). Wat het programma in de zin vond staat niet in de sheet: zo codeer je blind.
        - Vul in `coder` je naam in; gebruik `note` voor twijfel. Verander geen ids en voeg geen rijen toe.
        - Perspectieven: PA = rechtmatige overheid (regels, rechten, kaders); NPM = presterende overheid
          (prestaties, meten, efficiëntie, markt); NPG = netwerkende overheid (samenwerken, netwerken,
          partners); SR = participerende overheid (eigen kracht, meedoen, samenleving).
        - Laat een tweede persoon dezelfde sheet apart coderen: zo wordt de overeenstemming gemeten.
        """

    /// The JSON: strict and lenient precision (overall and per perspective), recall and F1 per
    /// perspective, alpha, the terms, the weak terms. Proportions are `{"value", "low", "high", "n"}` (fractions).
    public static func json(_ v: ValidationScore) -> JSONValue {
        func proportion(_ p: ValidationScore.Proportion?) -> JSONValue {
            p.map { .object([("value", .double($0.value)), ("low", .double($0.low)), ("high", .double($0.high)), ("n", .int($0.n))]) } ?? .null
        }
        func agreement(_ a: (value: Double, pairs: Int)?) -> JSONValue {
            a.map { .object([("value", .double($0.value)), ("pairs", .int($0.pairs))]) } ?? .null
        }
        func term(_ t: ValidationScore.TermPrecision, falsePositives: Bool) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("term", .string(t.term)), ("perspective", .string(t.perspective.code)),
                                                ("precision", proportion(t.precision)), ("precision_lenient", proportion(t.lenient)),
                                                ("unclear", .int(t.unclear))]
            if falsePositives { pairs.append(("false_positives", .array(t.falsePositives.map { .string($0) }))) }
            return .object(pairs)
        }
        return .object([
            ("run", .string(v.run)),
            ("precision", .object([("all", proportion(v.precisionAll))] + Perspective.allCases.map { ($0.code, proportion(v.precision[$0])) })),
            ("precision_lenient", .object([("all", proportion(v.lenientAll))] + Perspective.allCases.map { ($0.code, proportion(v.lenient[$0])) })),
            ("unclear", .object(Perspective.allCases.map { ($0.code, .int(v.unclear[$0] ?? 0)) })),
            ("recall", .object(Perspective.allCases.map { p in (p.code, v.recall[p].map { .object([("value", .double($0.value)), ("n", .int($0.n))]) } ?? .null) })),
            ("f1", .object(Perspective.allCases.map { ($0.code, v.f1[$0].map { .double($0) } ?? .null) })),
            ("alpha", agreement(v.alpha)),
            ("sentence_alpha", agreement(v.sentenceAlpha)),
            ("uncoded", .int(v.uncoded)),
            ("terms", .array(v.terms.map { term($0, falsePositives: false) })),
            ("weak_terms", .array(v.weakTerms.map { term($0, falsePositives: true) })),
        ])
    }

    /// CSV: one row for all matches, one per perspective and one per term, each with strict and
    /// lenient precision (value, 95 % Wilson bounds, n), the unclear matches, and (per
    /// perspective) recall and F1.
    public static func csv(_ v: ValidationScore, dialect: CSVDialect = .standard) -> String {
        func cells(_ p: ValidationScore.Proportion?) -> [String] {
            p.map { [dialect.number($0.value), dialect.number($0.low), dialect.number($0.high), "\($0.n)"] } ?? ["", "", "", ""]
        }
        var rows = [["scope", "perspective", "term", "precision", "precision_low", "precision_high", "precision_n",
                     "precision_lenient", "precision_lenient_low", "precision_lenient_high", "precision_lenient_n",
                     "unclear", "recall", "recall_n", "f1"]]
        let allUnclear = Perspective.allCases.reduce(0) { $0 + (v.unclear[$1] ?? 0) }
        rows.append(["all", "", ""] + cells(v.precisionAll) + cells(v.lenientAll) + ["\(allUnclear)", "", "", ""])
        for p in Perspective.allCases {
            rows.append(["perspective", p.code, ""] + cells(v.precision[p]) + cells(v.lenient[p])
                        + ["\(v.unclear[p] ?? 0)", v.recall[p].map { dialect.number($0.value) } ?? "", v.recall[p].map { "\($0.n)" } ?? "",
                           v.f1[p].map { dialect.number($0) } ?? ""])
        }
        for t in v.terms {
            rows.append(["term", t.perspective.code, t.term] + cells(t.precision) + cells(t.lenient) + ["\(t.unclear)", "", "", ""])
        }
        return dialect.write(rows)
    }

    /// Markdown (also the terminal text): strict and lenient precision side by side, overall and
    /// per perspective, recall and F1, agreement, and every term's precision.
    public static func markdown(_ v: ValidationScore, language: Language = .dutch) -> String {
        let L = Labels(language), nl = language == .dutch, md = Escape.markdown
        func cell(_ p: ValidationScore.Proportion?) -> String {
            p.map { "\(L.number($0.value, 2)) (\(L.number($0.low, 2))–\(L.number($0.high, 2)), n = \($0.n))" } ?? "—"
        }
        var out = nl ? "## Validatie tegen menselijke codering\n\n| perspectief | precisie, streng (95%-interval, n) | precisie, mild (95%-interval, n) | onduidelijk | recall (n) | F1 |\n|---|---|---|---:|---|---:|\n"
                     : "## Validation against human coding\n\n| perspective | precision, strict (95% interval, n) | precision, lenient (95% interval, n) | unclear | recall (n) | F1 |\n|---|---|---|---:|---|---:|\n"
        let allUnclear = Perspective.allCases.reduce(0) { $0 + (v.unclear[$1] ?? 0) }
        out += "| \(nl ? "**alle treffers**" : "**all matches**") | \(cell(v.precisionAll)) | \(cell(v.lenientAll)) | \(allUnclear) | | |\n"
        for p in Perspective.allCases {
            let rc = v.recall[p].map { "\(L.number($0.value, 2)) (\($0.n))" } ?? "—"
            out += "| \(L.perspective(p)) | \(cell(v.precision[p])) | \(cell(v.lenient[p])) | \(v.unclear[p] ?? 0) | \(rc) | \(v.f1[p].map { L.number($0, 2) } ?? "—") |\n"
        }
        out += nl ? "\nStreng: een onduidelijke treffer telt als geen signaal; mild: onduidelijke treffers tellen niet mee. Interval: Wilson, 95 %.\n"
                  : "\nStrict: an unclear match counts as no signal; lenient: unclear matches are left out. Interval: Wilson, 95 %.\n"
        if let a = v.alpha {
            out += nl ? "\nKrippendorffs alpha (treffers, nominaal): \(L.number(a.value, 3)) over \(a.pairs) dubbel gecodeerde treffers.\n"
                      : "\nKrippendorff's alpha (matches, nominal): \(L.number(a.value, 3)) over \(a.pairs) double-coded matches.\n"
        }
        if let a = v.sentenceAlpha {
            out += nl ? "Krippendorffs alpha (zinnen): \(L.number(a.value, 3)) over \(a.pairs) zinnen.\n" : "Krippendorff's alpha (sentences): \(L.number(a.value, 3)) over \(a.pairs) sentences.\n"
        }
        if v.uncoded > 0 { out += nl ? "\n\(v.uncoded) rij(en) zijn nog niet gecodeerd en tellen niet mee.\n" : "\n\(v.uncoded) row(s) are not coded yet and are left out.\n" }
        if !v.terms.isEmpty {
            out += nl ? "\n### Precisie per term (laagste eerst)\n\n| term | perspectief | streng (95%-interval, n) | mild (95%-interval, n) | onduidelijk |\n|---|---|---|---|---:|\n"
                      : "\n### Precision per term (lowest first)\n\n| term | perspective | strict (95% interval, n) | lenient (95% interval, n) | unclear |\n|---|---|---|---|---:|\n"
            for t in v.terms {
                out += "| \(md(t.term)) | \(t.perspective.code) | \(cell(t.precision)) | \(cell(t.lenient)) | \(t.unclear) |\n"
            }
        }
        if !v.weakTerms.isEmpty {
            out += nl ? "\n### Zwakke termen (precisie onder 0,5): kandidaten om te schrappen of in te perken\n\n" : "\n### Weak terms (precision below 0.5): candidates to drop or restrict\n\n"
            for t in v.weakTerms {
                out += "- **\(md(t.term))** (\(t.perspective.code)): \(L.number(t.precision.value, 2)) (n = \(t.precision.n)); "
                out += (nl ? "onterecht: " : "false: ") + t.falsePositives.prefix(3).map { "“\(md($0))”" }.joined(separator: "; ") + "\n"
            }
        }
        return out
    }

    /// The report's section: precision and recall per perspective with intervals, the weakest
    /// terms, and precision-corrected shares next to the raw ones (an estimate).
    public static func html(_ v: ValidationScore, input: CorpusReportInput, language: Language) -> String {
        let L = Labels(language), nl = language == .dutch, esc = Escape.html
        var h = "<section id=\"validatie\"><h2>\(nl ? "Validatie tegen menselijke codering" : "Validation against human coding")</h2>"
        h += "<p>\(nl ? "Hoe vaak is een getelde treffer echt het perspectief dat hij signaleert (precisie), en hoeveel van de zinnen die een perspectief uitdrukken vond het programma (recall)? Gecodeerd door mensen, met een 95%-interval (Wilson)." : "How often is a counted match really the perspective it signals (precision), and how many of the sentences that express a perspective did the tool find (recall)? Coded by people, with a 95% interval (Wilson).")</p>"
        h += "<div class=\"scroll\"><table><tr><th>\(nl ? "perspectief" : "perspective")</th><th>\(nl ? "precisie, streng" : "precision, strict")</th><th>95%</th><th>\(nl ? "precisie, mild" : "precision, lenient")</th><th>95%</th><th class=\"num\">n</th><th>recall</th><th class=\"num\">n</th><th>F1</th></tr>"
        func cells(_ strict: ValidationScore.Proportion?, _ mild: ValidationScore.Proportion?) -> String {
            "<td class=\"num\">\(strict.map { L.number($0.value, 2) } ?? "—")</td><td class=\"num nowrap\">\(strict.map { "\(L.number($0.low, 2))–\(L.number($0.high, 2))" } ?? "—")</td>"
                + "<td class=\"num\">\(mild.map { L.number($0.value, 2) } ?? "—")</td><td class=\"num nowrap\">\(mild.map { "\(L.number($0.low, 2))–\(L.number($0.high, 2))" } ?? "—")</td>"
                + "<td class=\"num\">\(strict?.n ?? 0)</td>"
        }
        h += "<tr><td><b>\(nl ? "alle treffers" : "all matches")</b></td>" + cells(v.precisionAll, v.lenientAll) + "<td></td><td></td><td></td></tr>"
        for p in Perspective.allCases {
            h += "<tr><td>\(esc(L.perspective(p)))</td>" + cells(v.precision[p], v.lenient[p])
            h += "<td class=\"num\">\(v.recall[p].map { L.number($0.value, 2) } ?? "—")</td><td class=\"num\">\(v.recall[p]?.n ?? 0)</td>"
            h += "<td class=\"num\">\(v.f1[p].map { L.number($0, 2) } ?? "—")</td></tr>"
        }
        h += "</table></div><p class=\"hint\">\(nl ? "Streng: een onduidelijke treffer telt als geen signaal; mild: onduidelijke treffers tellen niet mee." : "Strict: an unclear match counts as no signal; lenient: unclear matches are left out.")</p>"
        if let a = v.alpha {
            h += "<p>\(nl ? "Overeenstemming tussen codeurs (Krippendorffs alpha, nominaal)" : "Agreement between coders (Krippendorff's alpha, nominal)"): <b>\(L.number(a.value, 2))</b> (\(a.pairs) \(nl ? "dubbel gecodeerde treffers" : "double-coded matches"))</p>"
        }
        if !v.weakTerms.isEmpty {
            h += "<h3>\(nl ? "Zwakste termen" : "Weakest terms")</h3><ul>"
            for t in v.weakTerms.prefix(10) {
                h += "<li><b>\(esc(t.term))</b> (\(t.perspective.code)): \(L.number(t.precision.value, 2)), n = \(t.precision.n); \(nl ? "onterecht" : "false"): " + t.falsePositives.prefix(2).map { "“\(esc($0))”" }.joined(separator: "; ") + "</li>"
            }
            h += "</ul>"
        }
        let mean = input.analysis.ranking.overall?.profile
        let counts = Perspective.allCases.map { p in input.plans.filter { input.analysis.isRanked($0.score) }.reduce(0) { $0 + ($1.score.perspectives[p]?.count ?? 0) } }
        if let corrected = v.correctedShares(counts: counts), let mean {
            h += "<h3>\(nl ? "Aandelen gecorrigeerd voor precisie (schatting)" : "Shares corrected for precision (an estimate)")</h3>"
            h += "<p class=\"hint\">\(nl ? "Elk perspectief telt hier voor zijn aantal × zijn precisie, over alle gerangschikte plannen samen: een schatting van de aandelen als alleen terechte treffers waren geteld." : "Each perspective counts as its count × its precision, over all ranked plans together: an estimate of the shares had only true matches been counted.")</p>"
            h += "<table><tr><th></th>" + Perspective.allCases.map { "<th class=\"num\">\($0.code)</th>" }.joined() + "</tr>"
            h += "<tr><td>\(nl ? "gemiddeld aandeel (ruw)" : "mean share (raw)")</td>" + Perspective.allCases.map { "<td class=\"num\">\(L.percent(mean[$0]))</td>" }.joined() + "</tr>"
            let total = Double(counts.reduce(0, +))
            if total > 0 {
                h += "<tr><td>\(nl ? "aandeel van alle signaalwoorden (ruw)" : "share of all signal words (raw)")</td>" + counts.map { "<td class=\"num\">\(L.percent(Double($0) * 100 / total))</td>" }.joined() + "</tr>"
            }
            h += "<tr><td>\(nl ? "gecorrigeerd (schatting)" : "corrected (estimate)")</td>" + corrected.map { "<td class=\"num\">\(L.percent($0))</td>" }.joined() + "</tr></table>"
        }
        return h + "</section>\n"
    }
}
