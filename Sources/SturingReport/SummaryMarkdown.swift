import Foundation
import SturingAnalysis
import SturingCore

/// summary.md of `sturing analyze`: what was run, means, rankings, case selection, warnings,
/// errors and provenance, in Dutch by default.
public enum SummaryMarkdown {
    /// Renders the summary.
    public static func render(_ input: CorpusReportInput, selection: CaseSelection?, language: Language = .dutch) -> String {
        let nl = language == .dutch
        let p = input.provenance
        let rows = input.shareRows
        let ranking = Ranking(rows: rows)
        let files = input.plans.reduce(0) { $0 + $1.documents.count }
        var out = nl ? "# Sturing in beleidsplannen: samenvatting\n\n" : "# Steering in policy plans: summary\n\n"
        out += nl
            ? "\(input.plans.count) plannen (\(files) bestanden) gescoord, \(input.failures.count) fout(en). Lexicon **\(p.lexiconName) \(p.lexiconVersion)**, matching **\(p.match.rawValue)**, \(p.stemmer). Datum \(p.date).\n\n"
            : "\(input.plans.count) plans (\(files) files) scored, \(input.failures.count) error(s). Lexicon **\(p.lexiconName) \(p.lexiconVersion)**, matching **\(p.match.rawValue)**, \(p.stemmer). Date \(p.date).\n\n"
        out += nl ? "Aandeel = het aantal signaalwoorden van een perspectief als percentage van alle signaalwoorden van de vier perspectieven.\n\n"
                  : "Share = a perspective's signal words as a percentage of the signal words of all four perspectives.\n\n"

        out += nl ? "## Scores per gemeente\n\n| gemeente | categorie | regio | tokens | signaalwoorden | PA | NPM | NPG | SR |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n"
                  : "## Scores per municipality\n\n| municipality | category | region | tokens | signal words | PA | NPM | NPG | SR |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n"
        let L = Labels(language)
        for (plan, s, _) in input.plans {
            let shares = Perspective.allCases.map { s.perspectives[$0]?.share.map { L.percent($0) } ?? "—" }
            out += "| \(plan.municipality) | \(plan.category ?? "") | \(plan.region ?? "") | \(s.tokens) | \(s.totalSignalWords) | \(shares.joined(separator: " | ")) |\n"
        }
        if rows.count < input.plans.count {
            out += nl ? "\nPlannen zonder signaalwoorden hebben geen aandelen (—) en tellen niet mee in gemiddelden en rangordes.\n"
                      : "\nPlans without signal words have no shares (—) and are left out of means and rankings.\n"
        }
        if !rows.isEmpty {
            out += "\n## " + (nl ? "Gemiddelden en rangordes" : "Means and rankings") + "\n\n"
            out += RankingReport.markdown(ranking, k: input.k, language: language)
        }
        if let selection {
            out += "\n## " + (nl ? "Selectie van casussen" : "Case selection") + "\n\n" + SelectionReport.markdown(selection, language: language)
        }
        out += "\n## " + (nl ? "Termen die de perspectieven dragen" : "Terms that drive each perspective") + "\n\n"
        for persp in Perspective.allCases {
            let text = HTMLReport.topTerms(input, persp).prefix(5).map { term, count, forms in
                "\(term) \(count) (" + forms.prefix(3).map { "\($0.form) \($0.count)" }.joined(separator: ", ") + ")"
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
                func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
                out += "| \(cell(name)) | \(k.page.map(String.init) ?? "") | \(cell(k.left)) | **\(cell(k.match))** | \(cell(k.right)) |\n"
            }
        }
        let few = input.plans.filter { $0.score.totalSignalWords < HTMLReport.fewSignalWords }
        if !few.isEmpty {
            out += "\n## " + (nl ? "Plannen met weinig signaalwoorden" : "Plans with few signal words") + "\n\n"
            out += few.map { "- \($0.plan.municipality): \($0.score.totalSignalWords)" }.joined(separator: "\n") + "\n"
        }
        let docWarnings = input.plans.flatMap { entry in entry.score.warnings.map { "\(entry.plan.municipality): \($0)" } }
        let warnings = input.warnings + docWarnings
        if !warnings.isEmpty {
            out += "\n## " + (nl ? "Waarschuwingen" : "Warnings") + "\n\n" + warnings.map { "- \($0)" }.joined(separator: "\n") + "\n"
        }
        if !input.failures.isEmpty {
            out += "\n## " + (nl ? "Fouten (niet gescoord)" : "Errors (not scored)") + "\n\n" + input.failures.map { "- `\($0.file)`: \($0.error)" }.joined(separator: "\n") + "\n"
        }
        out += "\n## " + (nl ? "Herkomst" : "Provenance") + "\n\n"
        out += "- sturing \(p.toolVersion); lexicon \(p.lexiconName) \(p.lexiconVersion) (`\(p.lexiconPath)`, sha256 `\(p.lexiconSHA256)`)\n"
        out += "- match \(p.match.rawValue); \(p.stemmer); ICU \(p.icu); poppler \(p.poppler); \(p.date)\n"
        out += nl ? "- invoerbestanden (sha256):\n" : "- input files (sha256):\n"
        for (_, _, docs) in input.plans { for d in docs { out += "  - `\(d.file)` `\(d.sha256)`\n" } }
        return out
    }
}
