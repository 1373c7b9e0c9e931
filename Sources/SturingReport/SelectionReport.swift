import Foundation
import SturingAnalysis
import SturingCore

/// Output of `sturing select`: the cases with every skip explained, and the average candidates.
public enum SelectionReport {
    /// The JSON contract: {"cases": [...], "average_candidates": [...]} (reasons in English).
    public static func json(_ s: CaseSelection) -> JSONValue {
        .object([
            ("cases", .array(s.cases.map(caseJSON))),
            ("average_candidates", .array(s.averageCandidates.map {
                .object([("municipality", .string($0.municipality)), ("distance", .double($0.distance))])
            })),
        ])
    }

    static func caseJSON(_ c: CaseSelection.Case) -> JSONValue {
        let skipped: [JSONValue] = c.skipped.map { .object([("municipality", .string($0.municipality)), ("reason", .string($0.reason))]) }
        let municipality: JSONValue = c.municipality.map { .string($0) } ?? .null
        let rank: JSONValue = c.rank.map { .int($0) } ?? .null
        let note: JSONValue = c.note.map { .string($0.description) } ?? .null
        return .object([("role", .string(c.role)), ("municipality", municipality), ("rank", rank),
                        ("share", .number(c.share)), ("skipped", .array(skipped)), ("note", note)])
    }

    /// CSV: one row per case (`role,municipality,rank,share,skipped,note`).
    public static func csv(_ s: CaseSelection, dialect: CSVDialect = .standard) -> String {
        var rows = [["role", "municipality", "rank", "share", "skipped", "note"]]
        for c in s.cases {
            let skipped = c.skipped.map { "\($0.municipality): \($0.reason)" }.joined(separator: " | ")
            let share = c.share.map { Fmt.number($0, 2) }.map { dialect == .excelNL ? Labels.decimalComma($0) : $0 } ?? ""
            rows.append([c.role, c.municipality ?? "", c.rank.map(String.init) ?? "", share,
                         skipped, c.note?.description ?? ""])
        }
        return dialect.write(rows)
    }

    /// The role of a case as a label ("rechtmatige overheid (PA)", "gemiddeld").
    public static func role(_ c: CaseSelection.Case, _ L: Labels) -> String {
        if c.role == "average" { return L.language == .dutch ? "gemiddeld" : "average" }
        return Perspective(code: c.role).map { L.perspective($0) } ?? c.role
    }

    /// Why a case was chosen and who was skipped, in the labels' language.
    public static func explanation(_ c: CaseSelection.Case, _ L: Labels) -> [String] {
        let skippedWord = L.language == .dutch ? "overgeslagen" : "skipped"
        let shown = 20
        var lines = c.skipped.prefix(shown).map { "\(skippedWord): \($0.municipality) (\($0.reasons.map(L.reason).joined(separator: "; ")))" }
        if c.skipped.count > shown {
            lines.append(L.language == .dutch ? "… en \(L.count(c.skipped.count - shown)) meer overgeslagen (zie select --format json)"
                                              : "… and \(L.count(c.skipped.count - shown)) more skipped (see select --format json)")
        }
        if let note = c.note { lines.append(L.note(note)) }
        return lines
    }

    /// Markdown: the cases and why others were passed over.
    public static func markdown(_ s: CaseSelection, language: Language = .dutch) -> String {
        let L = Labels(language)
        let nl = language == .dutch
        var out = nl ? "| rol | gemeente | rang | aandeel | toelichting |\n|---|---|---:|---:|---|\n"
                     : "| role | municipality | rank | share | explanation |\n|---|---|---:|---:|---|\n"
        for c in s.cases {
            let share = c.share.map { L.percent($0) } ?? ""
            let rank = c.rank.map(String.init) ?? ""
            out += "| \(role(c, L)) | \(c.municipality.map(Escape.markdown) ?? "—") | \(rank) | \(share) | \(Escape.markdown(explanation(c, L).joined(separator: "; "))) |\n"
        }
        if !s.averageCandidates.isEmpty {
            out += "\n" + (nl ? "Kandidaten voor het gemiddelde geval (dichtst bij het gemiddelde profiel eerst): " : "Average candidates (nearest to the mean profile first): ")
            out += s.averageCandidates.prefix(10).map { "\(Escape.markdown($0.municipality)) (\(L.number($0.distance)))" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// A plain-text table for the terminal.
    public static func table(_ s: CaseSelection, language: Language = .english) -> String {
        let L = Labels(language)
        var out = ""
        for c in s.cases {
            out += "\(c.role.padding(toLength: 8, withPad: " ", startingAt: 0)) \(c.municipality.map(Escape.terminal) ?? "-")"
            if let r = c.rank, let sh = c.share { out += "  (rank \(r), \(L.percent(sh)))" }
            out += "\n"
            for line in explanation(c, L) { out += "         \(Escape.terminal(line))\n" }
        }
        return out
    }
}
