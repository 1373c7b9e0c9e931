import SturingAnalysis
import SturingCore

/// What scores.xlsx holds, sheet by sheet, in the run's language: the plans (scores.csv's columns
/// with rank and selection), the means by group as the report computes them, the count of every
/// term in every plan, the errors, and a sheet that explains every column.
public enum ScoreWorkbookSheets {
    /// The sheets of `input` under `selection` (the report's), headers and values in `language`.
    public static func sheets(_ input: CorpusReportInput, language: Language) -> [WorkbookSheet] {
        let nl = language == .dutch
        let plans = WorkbookSheet(name: nl ? "Plannen" : "Plans", columns: PlanTable.columns,
                                  rows: PlanTable.rows(input, language: language, vocabulary: language))
        let means = WorkbookSheet(name: nl ? "Gemiddelden" : "Means", columns: meanColumns, rows: meanRows(input.analysis.ranking, language: language))
        let terms = termSheet(input, language: language)
        let labels = Labels(language)
        let errors = WorkbookSheet(name: nl ? "Fouten" : "Errors", columns: ErrorTable.columns,
                                   rows: input.failures.map { [.text($0.file), .text(labels.failure($0))] })
        let described = [plans, means, terms, errors]
        let guide = WorkbookSheet(name: nl ? "Toelichting" : "Explanation", columns: guideColumns,
                                  rows: described.flatMap { sheet in sheet.columns.map { [.text(sheet.name), .text($0.name(language)), .text($0.explanation(language))] } })
        return described + [guide]
    }

    /// The columns of the means sheet.
    static let meanColumns: [TableColumn] = [
        TableColumn("grouping", "indeling", width: 14, nl: "Waarover het gemiddelde gaat: alle plannen, of per categorie, regio of provincie.",
                    en: "What the mean is taken over: all plans, or by category, region or province."),
        TableColumn("group", "groep", width: 18, nl: "De groep (bijvoorbeeld 100.000- of Gelderland); tekst.", en: "The group (for example 100.000- or Gelderland); text."),
        TableColumn("plans", "plannen", .integer, width: 10, nl: "Aantal gerangschikte plannen in de groep.", en: "Ranked plans in the group."),
    ] + Perspective.allCases.map {
        TableColumn($0.code, $0.code, .decimal(1), width: 10,
                    nl: "Gemiddeld aandeel van \($0.dutchLabel) (\($0.code)) over de gerangschikte plannen van de groep, in procenten (zoals in het rapport).",
                    en: "Mean share of \($0.englishLabel) (\($0.code)) over the group's ranked plans, in percent (as in the report).")
    }

    /// The overall mean, then the means by category, region and province (groups sorted by name).
    static func meanRows(_ ranking: Ranking, language: Language) -> [[TableCell]] {
        let nl = language == .dutch
        func row(_ grouping: String, _ group: String, _ mean: Ranking.GroupMean) -> [TableCell] {
            [.text(grouping), .text(group), .integer(mean.n)] + Perspective.allCases.map { .number(mean.profile[$0]) }
        }
        guard let overall = ranking.overall else { return [] }
        var rows = [row(nl ? "alle" : "all", Labels(language).all, overall)]
        let groupings: [(String, String, (ShareRow) -> String?)] = [
            ("categorie", "category", { $0.category }), ("regio", "region", { $0.region }), ("provincie", "province", { $0.province }),
        ]
        for (dutch, english, key) in groupings {
            rows += ranking.means(by: key).map { row(nl ? dutch : english, $0.group, $0.mean) }
        }
        return rows
    }

    /// The columns of the terms sheet.
    static let termColumns: [TableColumn] = [
        TableColumn("municipality", "gemeente", width: 24, nl: "De gemeente van het plan.", en: "The plan's municipality."),
        TableColumn("perspective", "perspectief", width: 12, nl: "Het perspectief van de term: PA, NPM, NPG of SR.", en: "The term's perspective: PA, NPM, NPG or SR."),
        TableColumn("term", "term", width: 24, nl: "De term uit het lexicon.", en: "The lexicon term."),
        TableColumn("count", "aantal", .integer, width: 10, nl: "Hoe vaak de term in het plan is geteld (ook 0, zodat gemiddelden per term kloppen).",
                    en: "How often the term counted in the plan (0 included, so means per term are right)."),
        TableColumn("forms", "vormen", width: 40, nl: "De getelde woordvormen met hun aantal, meest voorkomende eerst.",
                    en: "The word forms counted, with their counts, most frequent first."),
    ]

    /// One row per plan, perspective and term, made as the writer asks for them.
    static func termSheet(_ input: CorpusReportInput, language: Language) -> WorkbookSheet {
        let plans = input.plans
        let count = plans.reduce(0) { sum, entry in sum + Perspective.allCases.reduce(0) { $0 + (entry.score.terms[$1]?.count ?? 0) } }
        return WorkbookSheet(name: language == .dutch ? "Termen" : "Terms", columns: termColumns, count: count) {
            var planIndex = 0, perspectiveIndex = 0, termIndex = 0
            return AnyIterator {
                while planIndex < plans.count {
                    let entry = plans[planIndex]
                    let p = Perspective.allCases[perspectiveIndex]
                    let terms = entry.score.terms[p] ?? []
                    if termIndex < terms.count {
                        let t = terms[termIndex]
                        termIndex += 1
                        return [.text(entry.plan.municipality), .text(p.code), .text(t.term), .integer(t.count),
                                .text(t.forms.map { "\($0.form) \($0.count)" }.joined(separator: "; "))]
                    }
                    termIndex = 0
                    perspectiveIndex += 1
                    if perspectiveIndex == Perspective.allCases.count { perspectiveIndex = 0; planIndex += 1 }
                }
                return nil
            }
        }
    }

    /// The columns of the explanation sheet.
    static let guideColumns: [TableColumn] = [
        TableColumn("sheet", "blad", width: 14, nl: "Het blad.", en: "The sheet."),
        TableColumn("column", "kolom", width: 22, nl: "De kolom.", en: "The column."),
        TableColumn("meaning", "uitleg", width: 100, nl: "Wat de kolom bevat.", en: "What the column holds."),
    ]
}
