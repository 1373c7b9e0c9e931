import SturingCore
import Testing
@testable import SturingReport

/// The lexicon check's findings in the report's language (issue 25): worded in Dutch from their
/// values, in English as `lexicon check` says them, and read back from either form of scores.json.
@Suite struct LexiconFindingTests {
    static let never = LexiconFinding(kind: "never-matched", term: "opvangen", message: "'opvangen' (PA) matched nothing in 13 document(s)",
                                      perspective: .pa, documents: 13)
    static let many = LexiconFinding(kind: "never-matched", term: "", message: "12 of the 64 terms matched nothing in 1 document(s), among them 'a' (PA), 'b' (SR) (…)",
                                     documents: 1, count: 12, total: 64, examples: ["'a' (PA)", "'b' (SR)"])
    static let dominant = LexiconFinding(kind: "dominant-term", term: "klant", message: "'klant' carries 48 % of NPG (1234 of 2571): …",
                                         perspective: .npg, count: 1234, total: 2571, share: 47.996)
    static let frequent = LexiconFinding(kind: "frequent-form", term: "regelen", message: "'regel' counts 90x for 'regelen' (1.25 per 1,000 tokens): …",
                                         perspective: .pa, count: 90, form: "regel", perThousand: 1.2514)

    @Test func dutchFromTheValues() {
        let L = Labels(.dutch)
        #expect(L.finding(Self.never) == "niets gevonden: 'opvangen' (PA) vond niets in 13 documenten")
        #expect(L.finding(Self.many) == "niets gevonden: 12 van de 64 termen vonden niets in 1 document, onder meer 'a' (PA), 'b' (SR) (lexicon check --corpus OUT --format json geeft het aantal van elke term)")
        #expect(L.finding(Self.dominant) == "dominante term: 'klant' draagt 48 % van NPG (1.234 van 2.571): het aandeel van dat perspectief rust vooral op één woord (controleer de vormen)")
        #expect(L.finding(Self.frequent) == "frequente vorm: 'regel' telt 90× voor 'regelen' (1,25 per 1.000 tokens): een zeer frequent woord; controleer of het betekent wat de term bedoelt, of sluit het uit")
    }

    @Test func englishAsTheCheckSaysIt() {
        let L = Labels(.english)
        #expect(L.finding(Self.never) == "never-matched: 'opvangen' (PA) matched nothing in 13 document(s)")
        #expect(L.finding(Self.dominant) == "dominant-term: " + Self.dominant.message)
    }

    @Test func scoresJSONHoldsTheValuesAndOldLinesStillRead() throws {
        for f in [Self.never, Self.many, Self.frequent] {
            let read = ScoreJSON.decodeFinding(try JSONValue.parse(ScoreJSON.finding(f).serialized()))
            #expect(read == f)
        }
        // The share is written with four decimals, as every number.
        #expect(ScoreJSON.decodeFinding(ScoreJSON.finding(Self.dominant))?.share == 47.996)
        let old = try #require(ScoreJSON.decodeFinding(.string("never-matched: 'opvangen' (PA) matched nothing in 13 document(s)")))
        #expect(old.kind == "never-matched" && old.documents == nil)
        // Without its values an old finding keeps its English sentence, under a Dutch label.
        #expect(Labels(.dutch).finding(old) == "niets gevonden: 'opvangen' (PA) matched nothing in 13 document(s)")
    }
}
