import Foundation
import SturingCore

/// Tells when a lexicon may not be Dutch: by its label, and on a corpus by how few of its terms
/// occur there at all. An English dictionary scored on Dutch plans finds only chance words
/// ('in', 'is', 'over', 'door'), so its shares mean little, yet nothing else would say so.
public enum LexiconLanguageCheck {
    /// Lexicons with fewer terms are not judged on a corpus (a few terms may miss by chance).
    public static let minimumTerms = 20
    /// Nor corpora with fewer tokens.
    public static let minimumTokens = 2_000
    /// The warning is given when fewer than this fraction of the terms occur in the corpus.
    public static let minimumFoundFraction = 0.10

    /// True when the language code is Dutch ("nl", "nl-NL", "nld", "dutch").
    public static func isDutch(_ language: String) -> Bool {
        let l = language.lowercased()
        return l == "nl" || l.hasPrefix("nl-") || l.hasPrefix("nl_") || l == "nld" || l == "dut" || l == "dutch" || l == "nederlands"
    }

    /// A note when `lexicon` is labelled another language than Dutch, or nil.
    public static func labelNote(_ lexicon: Lexicon) -> String? {
        guard !isDutch(lexicon.language) else { return nil }
        let label = lexicon.language.isEmpty || lexicon.language == "und" ? "is labelled with no language ('und')" : "is labelled '\(lexicon.language)'"
        return "the lexicon \(label), not Dutch (nl): if its words are not Dutch, Dutch plans are scored by chance words (check it on a run with lexicon check --corpus OUT; write language: nl in the lexicon file when it is Dutch)"
    }

    /// The warning when most of the lexicon's terms occur nowhere in `documents`, or nil.
    public static func warning(_ lexicon: CompiledLexicon, documents: [DocumentScore]) -> String? {
        let terms = lexicon.entries.count
        let tokens = documents.reduce(0) { $0 + $1.tokens }
        guard terms >= minimumTerms, tokens >= minimumTokens else { return nil }
        var found = Set<String>()
        for d in documents {
            for (p, list) in d.terms { for t in list where t.count > 0 { found.insert("\(p.code):\(t.term)") } }
        }
        guard Double(found.count) < minimumFoundFraction * Double(terms) else { return nil }
        let percent = String(format: "%.0f", Double(found.count) * 100 / Double(terms))
        let label = isDutch(lexicon.lexicon.language) ? "" : " (it is labelled '\(lexicon.lexicon.language)')"
        return "only \(found.count) of the lexicon's \(terms) terms (\(percent) %) occur in these \(documents.count) document(s) of \(tokens) tokens: "
            + "are its words Dutch? A dictionary for another language\(label) counts only chance words in Dutch plans (use a Dutch lexicon, or check its terms with lexicon check --corpus)"
    }
}
