import SturingCore
import SturingValidation

/// What `validate train` prints: the cross-validated figures of a context model, per perspective
/// and per term, for the lexicon alone and with the model, each with its Wilson interval; and
/// `lexicon explain`: the context words that push a term's matches up or down.
public enum ContextModelReport {
    /// The figures as a Markdown table.
    public static func markdown(_ model: ContextModel, _ cv: ContextModelTrainer.CrossValidation, language: Language = .dutch, minTermMatches: Int = 5) -> String {
        let L = Labels(language), nl = language == .dutch, md = Escape.markdown
        func proportion(_ k: Int, _ n: Int) -> String {
            guard n > 0, let ci = Wilson.interval(successes: k, n: n) else { return "—" }
            return "\(L.number(Double(k) / Double(n), 2)) (\(L.number(ci.low, 2))–\(L.number(ci.high, 2)))"
        }
        func row(_ label: String, _ f: ContextModel.Figures) -> String {
            "| \(label) | \(f.matches) | \(proportion(f.trueMatches, f.matches)) | \(proportion(f.keptTrue, f.kept)) | \(proportion(f.keptTrue, f.trueMatches)) | \(L.number(f.expected, 1)) / \(f.trueMatches) |\n"
        }
        let sheets = model.trainedOn.map { "\(md($0.file)) (\($0.rows))" }.joined(separator: ", ")
        var out = nl
            ? "## Contextmodel voor \(md(model.lexicon))\n\nGeleerd uit \(sheets); \(model.settings.folds)-voudige kruisvalidatie, gesplitst per document (seed \(model.settings.seed)): elk getal komt van treffers in documenten waarvan het model niets zag.\n\n| perspectief | treffers | precisie lexicon (95%-interval) | precisie met model, p ≥ 0,5 | behouden ware treffers | Σ p / waar |\n|---|---:|---|---|---|---:|\n"
            : "## Context model for \(md(model.lexicon))\n\nLearned from \(sheets); \(model.settings.folds)-fold cross-validation split by document (seed \(model.settings.seed)): every figure comes from matches in documents the model did not see.\n\n| perspective | matches | lexicon precision (95% interval) | precision with model, p ≥ 0.5 | true matches kept | Σ p / true |\n|---|---:|---|---|---|---:|\n"
        if let all = cv.perspectives["all"] { out += row(nl ? "**alle**" : "**all**", all) }
        for p in Perspective.allCases {
            if let f = cv.perspectives[p.code] { out += row(L.perspective(p), f) }
        }
        let few = Perspective.allCases.filter { (cv.perspectives[$0.code]?.matches ?? 0) < 100 }
        if !few.isEmpty {
            out += nl ? "\nTe weinig gecodeerde treffers (minder dan 100) om de precisie nauwkeurig te kennen: \(few.map(\.code).joined(separator: ", ")); de intervallen zeggen hoe ruim.\n"
                      : "\nToo few coded matches (under 100) to know the precision closely: \(few.map(\.code).joined(separator: ", ")); the intervals say how wide.\n"
        }
        out += nl ? "\n### Per term (met ten minste \(minTermMatches) gecodeerde treffers)\n\n| term | perspectief | treffers | precisie lexicon | precisie met model | behouden |\n|---|---|---:|---|---|---|\n"
                  : "\n### Per term (with at least \(minTermMatches) coded matches)\n\n| term | perspective | matches | lexicon precision | precision with model | kept |\n|---|---|---:|---|---|---|\n"
        for p in Perspective.allCases {
            for (term, f) in cv.terms[p] ?? [] where f.matches >= minTermMatches {
                out += "| \(md(term)) | \(p.code) | \(f.matches) | \(proportion(f.trueMatches, f.matches)) | \(proportion(f.keptTrue, f.kept)) | \(proportion(f.keptTrue, f.trueMatches)) |\n"
            }
        }
        out += nl ? "\nEen term die niet gecodeerd is, krijgt de precisie van zijn perspectief; een zelden gecodeerde term wordt daarheen getrokken (\(L.number(model.settings.smoothing, 0)) pseudo-treffers).\n"
                  : "\nA term never coded gets its perspective's precision; a term coded rarely is pulled toward it (\(L.number(model.settings.smoothing, 0)) pseudo-matches).\n"
        return out
    }

    /// The context features that push matches of `term` up and down most, with their weights.
    public static func explain(_ model: ContextModel, term: String, perspective: Perspective?, top: Int = 12, language: Language = .dutch) -> String? {
        let L = Labels(language), nl = language == .dutch, md = Escape.markdown
        let key = term.lowercased()
        let perspectives = Perspective.allCases.filter { p in
            (perspective == nil || perspective == p) && model.perspectives[p.code] != nil
        }
        var out = ""
        for p in perspectives {
            guard let m = model.perspectives[p.code], m.terms[key] != nil || perspective != nil else { continue }
            let prior = m.terms[key] ?? m.prior
            out += nl ? "## \(md(term)) (\(p.code))\n\nZonder context: p = \(L.number(prior, 2))\(m.terms[key] == nil ? " (niet gecodeerd: de precisie van \(p.code))" : "").\n\n"
                      : "## \(md(term)) (\(p.code))\n\nWithout context: p = \(L.number(prior, 2))\(m.terms[key] == nil ? " (not coded: \(p.code)'s precision)" : "").\n\n"
            // Form features apply only to matches of that form: show those of this term's forms.
            let stem = String(key.prefix(4))
            let sorted = m.weights.filter { !$0.key.hasPrefix("f:") || $0.key.dropFirst(2).hasPrefix(stem) }.sorted { abs($0.value) != abs($1.value) ? abs($0.value) > abs($1.value) : $0.key < $1.key }
            let up = sorted.filter { $0.value > 0 }.prefix(top), down = sorted.filter { $0.value < 0 }.prefix(top)
            func describe(_ feature: String) -> String {
                let parts = feature.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { return md(feature) }
                let word = "*\(md(parts[1]))*"
                switch parts[0] {
                case "l1": return nl ? "\(word) direct ervoor" : "\(word) right before"
                case "l2": return nl ? "\(word) twee woorden ervoor" : "\(word) two words before"
                case "r1": return nl ? "\(word) direct erna" : "\(word) right after"
                case "r2": return nl ? "\(word) twee woorden erna" : "\(word) two words after"
                case "f": return nl ? "de vorm \(word)" : "the form \(word)"
                default: return nl ? "\(word) in de buurt (\(model.window) woorden)" : "\(word) nearby (\(model.window) words)"
                }
            }
            func line(_ e: (key: String, value: Double)) -> String {
                let p = ContextModel.sigmoid(ContextModel.logit(prior) + e.value)
                return "- \(describe(e.key)): \(e.value >= 0 ? "+" : "−")\(L.number(abs(e.value), 2)) → p = \(L.number(p, 2))\n"
            }
            out += nl ? "De contextwoorden gelden voor alle termen van \(p.code); de kans erachter is die van een treffer van *\(md(term))* met alleen dat woord erbij.\n\n"
                      : "The context words hold for all of \(p.code)'s terms; the p after each is that of a match of *\(md(term))* with only that word beside it.\n\n"
            out += nl ? "Maakt een signaal waarschijnlijker:\n\n" : "Makes a signal more likely:\n\n"
            out += up.isEmpty ? "- —\n" : up.map(line).joined()
            out += nl ? "\nMaakt een signaal minder waarschijnlijk:\n\n" : "\nMakes a signal less likely:\n\n"
            out += down.isEmpty ? "- —\n" : down.map(line).joined()
            out += "\n"
        }
        return out.isEmpty ? nil : out
    }
}
