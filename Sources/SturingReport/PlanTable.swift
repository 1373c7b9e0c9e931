import SturingAnalysis
import SturingCore

/// The table of plans: scores.csv and the workbook's "Plannen" sheet, one row per plan. The
/// English names are scores.csv's header (`merge`, `report`, `rank` and `select` read it back),
/// so new columns only ever go at the end.
public enum PlanTable {
    /// The columns, in order.
    public static let columns: [TableColumn] = {
        let all = Perspective.allCases
        func each(_ suffixEN: String, _ suffixNL: String, _ kind: TableColumn.Kind, width: Double = 10,
                  nl: (Perspective) -> String, en: (Perspective) -> String) -> [TableColumn] {
            all.map { TableColumn("\($0.code)_\(suffixEN)", "\($0.code)_\(suffixNL)", kind, width: width, nl: nl($0), en: en($0)) }
        }
        func nlName(_ p: Perspective) -> String { "\(p.dutchLabel) (\(p.code))" }
        func enName(_ p: Perspective) -> String { "\(p.englishLabel) (\(p.code))" }
        var c = [
            TableColumn("municipality", "gemeente", width: 24, nl: "De gemeente (uit manifest.csv; zonder manifest de bestandsnaam).",
                        en: "The municipality (from manifest.csv; without a manifest, the file name)."),
            TableColumn("file", "bestand", width: 40, nl: "Het bestand of de bestanden van het plan, gescheiden door '; '.",
                        en: "The plan's file or files, separated by '; '."),
            TableColumn("category", "categorie", nl: "Grootteklasse uit het manifest: G4, 100.000+ (meer dan 100.000 inwoners) of 100.000- (minder); tekst, geen getal.",
                        en: "Size class from the manifest: G4, 100.000+ (over 100,000 inhabitants) or 100.000- (fewer); text, not a number."),
            TableColumn("region", "regio", nl: "Regio uit het manifest (noord, oost, zuid, west).", en: "Region from the manifest (noord, oost, zuid, west)."),
            TableColumn("province", "provincie", width: 16, nl: "Provincie uit het manifest.", en: "Province from the manifest."),
            TableColumn("title", "titel", width: 30, nl: "Titel van het plan uit het manifest.", en: "The plan's title from the manifest."),
            TableColumn("year", "jaar", nl: "Jaar of periode van het plan uit het manifest (tekst).", en: "Year or period of the plan from the manifest (text)."),
            TableColumn("plan_type", "plansoort", nl: "Soort plan uit het manifest.", en: "Kind of plan from the manifest."),
            TableColumn("tokens", "tokens", .integer, nl: "Aantal woorden (tokens) in de opgeschoonde tekst.", en: "Word tokens in the cleaned text."),
            TableColumn("pages", "paginas", .integer, nl: "Aantal pagina's (leeg voor een tekst zonder pagina's).", en: "Number of pages (empty for a text without pages)."),
            TableColumn("signal_words", "signaalwoorden", .integer, nl: "Aantal getelde signaalwoorden, alle perspectieven samen.",
                        en: "Signal words counted, all perspectives together."),
            TableColumn("ranked", "gerangschikt", nl: "ja: het plan telt mee in rangordes, gemiddelden en de selectie van casussen; nee: te weinig signaalwoorden (zie waarschuwingen).",
                        en: "yes: the plan takes part in ranks, means and the case selection; no: too few signal words (see warnings)."),
        ]
        c += each("count", "aantal", .integer, nl: { "Aantal signaalwoorden van \(nlName($0))." }, en: { "Signal words of \(enName($0))." })
        c += each("share", "aandeel", .decimal(1), nl: { "Aandeel van \(nlName($0)) in alle signaalwoorden, in procenten (leeg zonder signaalwoorden)." },
                  en: { "Share of \(enName($0)) in all signal words, in percent (empty without signal words)." })
        c += each("per_10k", "per_10k", .decimal(1), nl: { "Signaalwoorden van \(nlName($0)) per 10.000 tokens." },
                  en: { "Signal words of \(enName($0)) per 10,000 tokens." })
        c += each("log_ratio", "logratio", .decimal(2), nl: { "log((aantal \($0.code) + 0,5) / (aantal andere perspectieven + 0,5)); 0 als \($0.code) even vaak voorkomt als de rest." },
                  en: { "log((\($0.code) count + 0.5) / (other perspectives' count + 0.5)); 0 when \($0.code) equals the rest." })
        for p in all {
            c += [
                TableColumn("\(p.code)_share_low", "\(p.code)_aandeel_laag", .decimal(1), width: 10,
                            nl: "Ondergrens van het 95%-interval van het aandeel \(p.code) (bootstrap over de zinnen; leeg zonder --bootstrap).",
                            en: "Lower bound of the 95% interval of the \(p.code) share (bootstrap over sentences; empty without --bootstrap)."),
                TableColumn("\(p.code)_share_high", "\(p.code)_aandeel_hoog", .decimal(1), width: 10,
                            nl: "Bovengrens van het 95%-interval van het aandeel \(p.code).", en: "Upper bound of the 95% interval of the \(p.code) share."),
                TableColumn("\(p.code)_rank_low", "\(p.code)_rang_laag", .integer, width: 10,
                            nl: "Beste rang op \(p.code) in 95% van de bootstraptrekkingen (leeg als niet gerangschikt).",
                            en: "Best rank on \(p.code) in 95% of the bootstrap replicates (empty when not ranked)."),
                TableColumn("\(p.code)_rank_high", "\(p.code)_rang_hoog", .integer, width: 10,
                            nl: "Slechtste rang op \(p.code) in 95% van de bootstraptrekkingen.", en: "Worst rank on \(p.code) in 95% of the bootstrap replicates."),
                TableColumn("\(p.code)_p_top1", "\(p.code)_kans_eerste", .decimal(3), width: 10,
                            nl: "Fractie van de bootstraptrekkingen waarin het plan op \(p.code) eerste is.",
                            en: "Fraction of the bootstrap replicates in which the plan ranks first on \(p.code)."),
            ]
        }
        c.append(TableColumn("warnings", "waarschuwingen", width: 50, nl: "Waarschuwingen bij het plan, gescheiden door ' | ' (eerst waarom het niet gerangschikt is).",
                             en: "Warnings about the plan, separated by ' | ' (first why it is not ranked)."))
        c += each("rank", "rang", .integer, width: 8, nl: { "Rang op \(nlName($0)) onder de gerangschikte plannen, zoals in het rapport (1 = hoogste aandeel, gelijke aandelen delen een rang); leeg als niet gerangschikt." },
                  en: { "Rank on \(enName($0)) among the ranked plans, as in the report (1 = highest share, ties share a rank); empty when not ranked." })
        c.append(TableColumn("selected_for", "gekozen", width: 10,
                             nl: "Waarvoor het plan als casus is gekozen: PA, NPM, NPG, SR (hoogste op dat perspectief) of gemiddeld (dichtst bij het gemiddelde profiel); leeg als niet gekozen.",
                             en: "What the plan was selected as a case for: PA, NPM, NPG, SR (highest on that perspective) or average (nearest the mean profile); empty when not selected."))
        c += each("expected", "verwacht", .decimal(2), nl: { "Met --disambiguate: de som van de kansen dat de treffers van \(nlName($0)) dat perspectief uitdrukken (het contextmodel); de aandelen hierboven zijn dan van deze aantallen. Leeg zonder." },
                  en: { "With --disambiguate: the sum of the probabilities that the matches of \(enName($0)) express it (the context model); the shares above are then of these counts. Empty without." })
        c += each("share_raw", "aandeel_ruw", .decimal(1), nl: { "Met --disambiguate: het aandeel van \(nlName($0)) in de getelde signaalwoorden, zonder correctie. Leeg zonder." },
                  en: { "With --disambiguate: the share of \(enName($0)) in the counted signal words, uncorrected. Empty without." })
        return c
    }()

    /// The header in `language`.
    public static func header(_ language: Language) -> [String] { columns.map { $0.name(language) } }

    /// The rows, in `input.plans` order. `language` is that of the warnings; `vocabulary` that of
    /// the values "yes"/"no" and "average" (scores.csv keeps them English in its default dialect).
    public static func rows(_ input: CorpusReportInput, language: Language,
                            vocabulary: Language) -> [[TableCell]] {
        let L = Labels(language)
        let placement = PlanPlacement(input)
        func text(_ s: String?) -> TableCell { s.map { TableCell.text($0) } ?? .empty }
        let nl = vocabulary == .dutch
        return input.plans.enumerated().map { index, entry in
            let (plan, s, _) = entry
            let ranked = input.analysis.isRanked(s)
            var row: [TableCell] = [.text(plan.municipality), .text(plan.files.joined(separator: "; ")), text(plan.category), text(plan.region),
                                    text(plan.province), text(plan.title), text(plan.year), text(plan.planType),
                                    .integer(s.tokens), s.pages.map { .integer($0) } ?? .empty, .integer(s.totalSignalWords),
                                    .text(ranked ? (nl ? "ja" : "yes") : (nl ? "nee" : "no"))]
            let all = Perspective.allCases
            row += all.map { .integer(s.perspectives[$0]?.count ?? 0) }
            row += all.map { p in s.perspectives[p]?.share.map { .number($0) } ?? .empty }
            row += all.map { .number(s.perspectives[$0]?.per10kTokens ?? 0) }
            row += all.map { .number(CorpusReport.logRatio(s, $0)) }
            let b = input.analysis.bootstrap?.plans[index]
            for p in all {
                row += [b.map { .number($0.shareLow[p.index]) } ?? .empty, b.map { .number($0.shareHigh[p.index]) } ?? .empty,
                        b?.rankLow.map { .integer($0[p.index]) } ?? .empty, b?.rankHigh.map { .integer($0[p.index]) } ?? .empty,
                        b?.pTop1.map { .number($0[p.index]) } ?? .empty]
            }
            let why = ranked ? [] : [L.notRanked(signalWords: s.totalSignalWords, minimum: input.table.minSignalWords)]
            row.append(.text((why + L.warnings(s)).joined(separator: " | ")))
            row += all.map { p in placement.ranks[index].map { .integer($0[p.index]) } ?? .empty }
            row.append(text(placement.selectedFor[index].map { $0 == "average" && nl ? "gemiddeld" : $0 }))
            row += all.map { p in s.perspectives[p]?.expected.map { .number($0) } ?? .empty }
            row += all.map { p in s.perspectives[p]?.shareRaw.map { .number($0) } ?? .empty }
            return row
        }
    }
}
