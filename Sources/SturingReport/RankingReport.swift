import Foundation
import SturingAnalysis
import SturingCore

/// Output of `sturing rank`: means overall and per group, top and bottom k per perspective.
public enum RankingReport {
    /// The JSON contract: {"means": {"all", "category", "region"}, "top": {...}, "bottom": {...}}.
    public static func json(_ r: Ranking, k: Int, warnings: [String] = []) -> JSONValue {
        func mean(_ m: Ranking.GroupMean) -> JSONValue {
            .object([("n", .int(m.n))] + Perspective.allCases.map { ($0.code, .double(m.profile[$0])) })
        }
        func places(_ list: [Ranking.Place]) -> JSONValue {
            .array(list.map { .object([("rank", .int($0.rank)), ("municipality", .string($0.municipality)), ("share", .double($0.share))]) })
        }
        return .object([
            ("means", .object([
                ("all", r.overall.map(mean) ?? .null),
                ("category", .object(r.means { $0.category }.map { ($0.group, mean($0.mean)) })),
                ("region", .object(r.means { $0.region }.map { ($0.group, mean($0.mean)) })),
            ])),
            ("top", .object(Perspective.allCases.map { ($0.code, places(r.top($0, k: k))) })),
            ("bottom", .object(Perspective.allCases.map { ($0.code, places(r.bottom($0, k: k))) })),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
    }

    /// CSV: one row per list entry (`list,perspective,rank,municipality,share`) after the means
    /// (`list` = mean, with group and n).
    public static func csv(_ r: Ranking, k: Int, dialect: CSVDialect = .standard) -> String {
        var rows = [["list", "group", "n", "perspective", "rank", "municipality", "share"]]
        func num(_ d: Double) -> String {
            let s = Fmt.number(d, 2)
            return dialect == .excelNL ? Labels.decimalComma(s) : s
        }
        func means(_ label: String, _ group: String, _ m: Ranking.GroupMean) {
            for p in Perspective.allCases { rows.append([label, group, "\(m.n)", p.code, "", "", num(m.profile[p])]) }
        }
        if let all = r.overall { means("mean", "all", all) }
        for g in r.means(by: { $0.category }) { means("mean", "category:\(g.group)", g.mean) }
        for g in r.means(by: { $0.region }) { means("mean", "region:\(g.group)", g.mean) }
        for p in Perspective.allCases {
            for x in r.top(p, k: k) { rows.append(["top", "", "", p.code, "\(x.rank)", x.municipality, num(x.share)]) }
            for x in r.bottom(p, k: k) { rows.append(["bottom", "", "", p.code, "\(x.rank)", x.municipality, num(x.share)]) }
        }
        return dialect.write(rows)
    }

    /// Markdown (Dutch labels): means table and top/bottom tables.
    public static func markdown(_ r: Ranking, k: Int, language: Language = .dutch) -> String {
        let L = Labels(language)
        var out = "### \(L.means)\n\n| \(L.group) | n | " + Perspective.allCases.map(\.code).joined(separator: " | ") + " |\n|---|---:|" + String(repeating: "---:|", count: 4) + "\n"
        func line(_ name: String, _ m: Ranking.GroupMean) {
            out += "| \(Escape.markdown(name)) | \(m.n) | " + Perspective.allCases.map { L.percent(m.profile[$0]) }.joined(separator: " | ") + " |\n"
        }
        if let all = r.overall { line(L.all, all) }
        for g in r.means(by: { $0.category }) { line(g.group, g.mean) }
        for g in r.means(by: { $0.region }) { line(g.group, g.mean) }
        for p in Perspective.allCases {
            out += "\n### \(L.perspective(p))\n\n| \(L.top) \(k) | | | \(L.bottom) \(k) | | |\n|---:|---|---:|---:|---|---:|\n"
            let top = Array(r.top(p, k: k).prefix(HTMLReport.maxRows)), bottom = Array(r.bottom(p, k: k).prefix(HTMLReport.maxRows))
            for i in 0..<max(top.count, bottom.count) {
                let t = i < top.count ? "\(top[i].rank) | \(Escape.markdown(top[i].municipality)) | \(L.percent(top[i].share))" : " | | "
                let b = i < bottom.count ? "\(bottom[i].rank) | \(Escape.markdown(bottom[i].municipality)) | \(L.percent(bottom[i].share))" : " | | "
                out += "| \(t) | \(b) |\n"
            }
        }
        return out
    }
}

/// Number formatting shared by the writers.
public enum Fmt {
    /// A number with `decimals` decimals and a point.
    public static func number(_ d: Double, _ decimals: Int) -> String { FixedDecimal.string(d, decimals: decimals) }
}
