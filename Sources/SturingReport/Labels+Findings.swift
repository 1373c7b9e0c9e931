import SturingCore

/// The lexicon check's findings in a report's language. A finding without the values of its
/// kind (one read from a scores.json of 0.3.0 or earlier) keeps its English sentence.
extension Labels {
    /// "1 document" / "13 documenten".
    func documents(_ n: Int) -> String { counted(n, ("document", "documenten"), ("document", "documents")) }

    /// A finding's kind as a label ("niets gevonden" / "never-matched").
    func findingKind(_ kind: String) -> String {
        guard nl else { return kind }
        switch kind {
        case "never-matched": return "niets gevonden"
        case "dominant-term": return "dominante term"
        case "frequent-form": return "frequente vorm"
        case "language": return "taal"
        case "cannot-match": return "kan niet vinden"
        case "duplicate": return "dubbel"
        case "two-perspectives": return "twee perspectieven"
        case "swallows": return "overlapt"
        default: return kind
        }
    }

    /// The finding as a sentence in this language.
    public func finding(_ f: LexiconFinding) -> String {
        let prefix = f.kind.isEmpty ? "" : "\(findingKind(f.kind)): "
        guard nl else { return prefix + f.message }
        switch f.kind {
        case "never-matched":
            if let p = f.perspective, let n = f.documents, !f.term.isEmpty {
                return prefix + "'\(f.term)' (\(p.code)) vond niets in \(documents(n))"
            }
            if let n = f.documents, let none = f.count, let all = f.total, let examples = f.examples {
                return prefix + "\(count(none)) van de \(count(all)) termen vonden niets in \(documents(n)), onder meer \(examples.joined(separator: ", ")) (lexicon check --corpus OUT --format json geeft het aantal van elke term)"
            }
        case "dominant-term":
            if let p = f.perspective, let c = f.count, let t = f.total, let s = f.share {
                return prefix + "'\(f.term)' draagt \(percent(s, decimals: 0)) van \(p.code) (\(count(c)) van \(count(t))): het aandeel van dat perspectief rust vooral op één woord (controleer de vormen)"
            }
        case "frequent-form":
            if let form = f.form, let c = f.count, let rate = f.perThousand {
                return prefix + "'\(form)' telt \(count(c))× voor '\(f.term)' (\(number(rate, 2)) per 1.000 tokens): een zeer frequent woord; controleer of het betekent wat de term bedoelt, of sluit het uit"
            }
        default:
            break
        }
        return prefix + f.message
    }
}
