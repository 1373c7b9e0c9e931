import Foundation
import SturingCore

/// The human-readable table of `sturing score`.
public enum ScoreTable {
    /// How many top terms per perspective are listed.
    public static let topTerms = 3

    /// Renders scores and failures as plain text.
    public static func render(provenance: Provenance, scores: [DocumentScore], failures: [FileFailure]) -> String {
        var out = "lexicon \(provenance.lexiconName) \(provenance.lexiconVersion) (sha256 \(provenance.lexiconSHA256.prefix(12))…), match \(provenance.match.rawValue), \(provenance.stemmer)\n"
        for s in scores {
            let pages = s.pages.map { "\($0) pages, " } ?? ""
            out += "\n\(s.file)  (\(pages)\(s.tokens) tokens, \(s.totalSignalWords) signal words)\n"
            out += "  " + pad("perspective", 30) + lpad("count", 7) + lpad("share", 9) + lpad("per 10k", 9) + "  top terms (forms)\n"
            for p in Perspective.allCases {
                let ps = s.perspectives[p] ?? PerspectiveScore(count: 0, share: nil, per10kTokens: 0)
                let share = ps.share.map { String(format: "%.1f%%", $0) } ?? "n/a"
                let top = (s.terms[p] ?? []).filter { $0.count > 0 }.sorted { $0.count > $1.count }.prefix(topTerms)
                    .map { t in "\(t.term) \(t.count)" + (t.forms.count > 1 || t.forms.first?.form != t.term ? " (" + t.forms.prefix(3).map { "\($0.form) \($0.count)" }.joined(separator: ", ") + ")" : "") }
                    .joined(separator: "; ")
                out += "  " + pad("\(p.code) \(p.dutchLabel)", 30) + lpad("\(ps.count)", 7) + lpad(share, 9)
                    + lpad(String(format: "%.1f", ps.per10kTokens), 9) + "  " + top + "\n"
            }
            for w in s.warnings { out += "  warning: \(w)\n" }
        }
        if !failures.isEmpty {
            out += "\n\(failures.count) file(s) could not be scored:\n"
            for f in failures { out += "  \(f.file): \(f.error)\n" }
        }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
}
