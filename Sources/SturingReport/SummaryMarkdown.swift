import Foundation
import SturingAnalysis
import SturingCore

/// summary.md of `sturing analyze`: what was run, means, rankings, case selection, warnings,
/// errors and provenance, in Dutch by default.
public enum SummaryMarkdown {
    /// What the brackets after a share mean, or that there are none (`--bootstrap 0`).
    static func intervalNote(_ input: CorpusReportInput, _ L: Labels) -> String {
        let nl = L.language == .dutch
        guard let b = input.analysis.bootstrap else {
            return nl ? "Zonder intervallen (--bootstrap 0): lees een aandeel of een plaats niet als vast."
                      : "Without intervals (--bootstrap 0): do not read a share or a place as fixed."
        }
        return nl ? "Tussen haakjes het 95%-interval van het aandeel: de zinnen van elk plan zijn \(L.count(b.replicates)) keer met teruglegging opnieuw getrokken (seed \(b.seed))."
                  : "In brackets the share's 95% interval: each plan's sentences were drawn again with replacement \(L.count(b.replicates)) times (seed \(b.seed))."
    }

    /// Per selected case its rank and share with their 95 % intervals and how often the bootstrap chose it again.
    static func caseIntervals(_ selection: CaseSelection, _ input: CorpusReportInput, _ L: Labels) -> String {
        let nl = L.language == .dutch
        guard let b = input.analysis.bootstrap else { return "" }
        var out = "\n"
        for c in selection.cases {
            guard let name = c.municipality, let i = input.plans.firstIndex(where: { $0.plan.municipality == name }) else { continue }
            let p = b.plans[i]
            var parts = [String]()
            if let q = Perspective(code: c.role), let rank = c.rank, let share = c.share {
                parts.append((nl ? "rang " : "rank ") + "\(rank) (95%: \(p.rankLow.map { "\($0[q.index])" } ?? "?")–\(p.rankHigh.map { "\($0[q.index])" } ?? "?"))")
                parts.append("\(L.percent(share)) (95%: \(L.number(p.shareLow[q.index]))–\(L.number(p.shareHigh[q.index])))")
            }
            if let stable = input.analysis.selectionStability?[c.role] {
                parts.append(nl ? "opnieuw gekozen in \(L.percent(stable * 100, decimals: 0)) van \(L.count(b.replicates)) herhalingen"
                                : "chosen again in \(L.percent(stable * 100, decimals: 0)) of \(L.count(b.replicates)) replicates")
            }
            out += "- **\(Escape.markdown(SelectionReport.role(c, L)))**: \(Escape.markdown(name)); " + parts.joined(separator: "; ") + "\n"
        }
        return out
    }

    /// Renders the summary.
    public static func render(_ input: CorpusReportInput, language: Language = .dutch) -> String {
        let nl = language == .dutch
        let md = Escape.markdown
        let limit = HTMLReport.maxRows
        let L = Labels(language)
        let p = input.provenance
        let ranking = input.analysis.ranking
        let rows = ranking.rows
        let files = input.plans.reduce(0) { $0 + $1.documents.count }
        var out = nl ? "# Sturing in beleidsplannen: samenvatting\n\n" : "# Steering in policy plans: summary\n\n"
        out += nl
            ? "\(L.counted(input.plans.count, ("plan", "plannen"), ("plan", "plans"))) (\(L.counted(files, ("bestand", "bestanden"), ("file", "files")))) gescoord, \(L.counted(input.failures.count, ("fout", "fouten"), ("error", "errors"))). Lexicon **\(md(p.lexiconName)) \(md(p.lexiconVersion))**, matching **\(p.match.rawValue)**, \(md(p.stemmer)). Datum \(p.date).\n\n"
            : "\(L.counted(input.plans.count, ("plan", "plannen"), ("plan", "plans"))) (\(L.counted(files, ("bestand", "bestanden"), ("file", "files")))) scored, \(L.counted(input.failures.count, ("fout", "fouten"), ("error", "errors"))). Lexicon **\(md(p.lexiconName)) \(md(p.lexiconVersion))**, matching **\(p.match.rawValue)**, \(md(p.stemmer)). Date \(p.date).\n\n"
        out += nl ? "Aandeel = het aantal signaalwoorden van een perspectief als percentage van alle signaalwoorden van de vier perspectieven.\n\n"
                  : "Share = a perspective's signal words as a percentage of the signal words of all four perspectives.\n\n"

        let unranked = input.plans.filter { !input.analysis.isRanked($0.score) }
        if !unranked.isEmpty {
            out += nl ? "## Niet gerangschikt: te weinig signaalwoorden\n\nDeze plannen zijn gescoord, maar hun aandelen rusten op minder dan \(input.table.minSignalWords) signaalwoorden. Ze tellen niet mee in de rangordes, de gemiddelden en de selectie van casussen (instelbaar met --min-signal-words).\n\n"
                      : "## Not ranked: too few signal words\n\nThese plans are scored, but their shares rest on fewer than \(input.table.minSignalWords) signal words. They are left out of the rankings, the means and the case selection (set with --min-signal-words).\n\n"
            out += unranked.prefix(limit).map { "- \(md($0.plan.municipality)): \(L.count($0.score.totalSignalWords))" }.joined(separator: "\n") + "\n\n"
        }
        out += nl ? "## Scores per gemeente\n\n| gemeente | categorie | regio | tokens | signaalwoorden | PA | NPM | NPG | SR |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n"
                  : "## Scores per municipality\n\n| municipality | category | region | tokens | signal words | PA | NPM | NPG | SR |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n"
        let b = input.analysis.bootstrap
        for (index, (plan, s, _)) in input.plans.prefix(limit).enumerated() {
            let shares = Perspective.allCases.map { q in
                s.perspectives[q]?.share.map { share in
                    L.percent(share) + (b.map { " (\(L.number($0.plans[index].shareLow[q.index]))–\(L.number($0.plans[index].shareHigh[q.index])))" } ?? "")
                } ?? "—"
            }
            out += "| \(md(plan.municipality)) | \(md(plan.category ?? "")) | \(md(plan.region ?? "")) | \(L.count(s.tokens)) | \(L.count(s.totalSignalWords)) | \(shares.joined(separator: " | ")) |\n"
        }
        out += "\n" + intervalNote(input, L) + "\n"
        if input.plans.count > limit {
            out += nl ? "\nDe eerste \(limit) van \(L.count(input.plans.count)) gemeenten; alle staan in scores.csv.\n"
                      : "\nThe first \(limit) of \(L.count(input.plans.count)) municipalities; all are in scores.csv.\n"
        }
        if rows.count < input.plans.count {
            out += nl ? "\nPlannen zonder signaalwoorden hebben geen aandelen (—); plannen met minder dan \(input.table.minSignalWords) signaalwoorden worden niet gerangschikt. Beide tellen niet mee in gemiddelden, rangordes en de selectie.\n"
                      : "\nPlans without signal words have no shares (—); plans with fewer than \(input.table.minSignalWords) signal words are not ranked. Neither counts in means, rankings or the selection.\n"
        }
        if !rows.isEmpty {
            out += "\n## " + (nl ? "Gemiddelden en rangordes" : "Means and rankings") + "\n\n"
            out += RankingReport.markdown(ranking, k: input.table.top, language: language)
        }
        if let selection = input.analysis.selection {
            out += "\n## " + (nl ? "Selectie van casussen" : "Case selection") + "\n\n" + SelectionReport.markdown(selection, language: language)
            out += caseIntervals(selection, input, L)
        }
        out += "\n## " + (nl ? "Termen die de perspectieven dragen" : "Terms that drive each perspective") + "\n\n"
        for persp in Perspective.allCases {
            let text = HTMLReport.topTerms(input, persp).prefix(5).map { term, count, forms in
                md(term) + " \(L.count(count)) (" + forms.prefix(3).map { md($0.form) + " \(L.count($0.count))" }.joined(separator: ", ") + ")"
            }.joined(separator: "; ")
            out += "- **\(L.perspective(persp))**: \(text.isEmpty ? "—" : text)\n"
        }
        out += "\n## " + (nl ? "Steekproef van vindplaatsen" : "Sample of occurrences") + "\n\n"
        out += nl ? "Per perspectief een vaste steekproef (dezelfde bij elke run) van getelde treffers in hun context.\n"
                  : "Per perspective a fixed sample (the same on every run) of counted matches in their context.\n"
        for persp in Perspective.allCases {
            let lines = HTMLReport.sampleEvidence(input, persp)
            guard !lines.isEmpty else { continue }
            out += "\n**\(L.perspective(persp))**\n\n| \(nl ? "gemeente" : "municipality") | p. | … | \(nl ? "treffer" : "match") | … |\n|---|---:|---:|---|---|\n"
            for (name, k) in lines {
                out += "| \(md(name)) | \(k.page.map(String.init) ?? "") | \(md(k.left)) | **\(md(k.match))** | \(md(k.right)) |\n"
            }
        }
        let docWarnings = input.plans.flatMap { entry in L.warnings(entry.score).map { "\(entry.plan.municipality): \($0)" } }
        let warnings = L.warnings(input.warnings, notices: input.notices) + docWarnings
        if !warnings.isEmpty {
            out += "\n## " + (nl ? "Waarschuwingen" : "Warnings") + "\n\n" + warnings.prefix(limit).map { "- " + md($0) }.joined(separator: "\n") + "\n"
            if warnings.count > limit { out += nl ? "\n… en \(L.count(warnings.count - limit)) meer (scores.csv, scores.json).\n" : "\n… and \(L.count(warnings.count - limit)) more (scores.csv, scores.json).\n" }
        }
        if !input.failures.isEmpty {
            out += "\n## " + (nl ? "Fouten (niet gescoord)" : "Errors (not scored)") + "\n\n" + input.failures.prefix(limit).map { "- " + md($0.file) + ": " + md(L.failure($0)) }.joined(separator: "\n") + "\n"
            if input.failures.count > limit { out += nl ? "\n… en \(L.count(input.failures.count - limit)) meer: zie errors.csv.\n" : "\n… and \(L.count(input.failures.count - limit)) more: see errors.csv.\n" }
        }
        out += "\n## " + (nl ? "Herkomst" : "Provenance") + "\n\n"
        out += "- sturing \(md(p.toolVersion)); lexicon \(md(p.lexiconName)) \(md(p.lexiconVersion)) (\(md(p.lexiconPath)), sha256 \(md(p.lexiconSHA256)))\n"
        out += "- match \(p.match.rawValue); \(md(p.stemmer)); ICU \(md(p.icu)); poppler \(md(p.poppler)); \(md(p.date))\n"
        out += nl ? "- invoerbestanden (sha256):\n" : "- input files (sha256):\n"
        for d in input.plans.lazy.flatMap(\.documents).prefix(limit) { out += "  - \(md(d.file)) \(md(d.sha256))\n" }
        if files > limit { out += nl ? "  - … en \(L.count(files - limit)) meer: zie scores.json (inputs)\n" : "  - … and \(L.count(files - limit)) more: see scores.json (inputs)\n" }
        return out
    }
}
