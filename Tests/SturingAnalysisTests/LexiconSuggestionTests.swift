import Foundation
import SturingCore
import Testing
@testable import SturingAnalysis

/// `lexicon suggest`'s two measures on tiny cases counted by hand.
@Suite struct LexiconSuggestionTests {
    /// PPMI with context smoothing 0.75, by hand. Columns: x 2 + 4 = 6, y 2; smoothed 6^0.75 and
    /// 2^0.75. Row a = {x 2, y 2}: P(x|a) = 0.5 is below Pα(x) (PMI < 0, dropped), y gives
    /// log(0.5 / Pα(y)). Row b = {x 4}: log(1 / Pα(x)). A probe of y alone points only at a.
    @Test func ppmiAndCosineByHand() {
        let rows: [String: [String: Double]] = ["a": ["x": 2, "y": 2], "b": ["x": 4]]
        let sx = pow(6.0, 0.75), sy = pow(2.0, 0.75), total = sx + sy
        let v = PPMI.vectors(rows: rows, probe: ["y": 1])
        #expect(v.rows["a"]?["x"] == nil)
        #expect(abs(v.rows["a"]!["y"]! - log(0.5 / (sy / total))) < 1e-12)
        #expect(abs(v.rows["b"]!["x"]! - log(1 / (sx / total))) < 1e-12)
        #expect(abs(v.probe["y"]! - log(1 / (sy / total))) < 1e-12)
        let cos = PPMI.cosines(rows: rows, to: ["y": 1])
        #expect(abs(cos["a"]! - 1) < 1e-12 && cos["b"] == 0)
        #expect(PPMI.cosine([:], ["x": 1]) == 0)
    }

    /// Four documents of two sentences each. The first sentence holds an NPG match
    /// (*samenwerking*) and *ketenpartners*; the second holds *begroting*. So *ketenpartners*
    /// stands 4 times in the 4 NPG sentences and never elsewhere; *begroting* 4 times elsewhere
    /// (not over-represented, not listed); *de* is a stopword and *samenwerking* is counted.
    static func documents(p: Double = 1) -> [WordSequence] {
        (0..<4).map { _ in
            let words = ["wij", "samenwerking", "met", "ketenpartners", "in", "de", "regio",
                         "de", "begroting", "van", "de", "gemeente", "sluit", "regio"]
            let sentence: [Int32] = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]
            return WordSequence(words: words, sentence: sentence,
                                matches: [.init(token: 1, length: 1, perspective: .npg, term: "samenwerking", p: p)])
        }
    }

    static let stop: @Sendable (String) -> Bool = { ["de", "in", "met", "van", "wij"].contains($0) }

    @Test func aWordOfThePerspectivesSentencesRanksFirstWithHandCountedKeyness() {
        var options = LexiconSuggestion.Options()
        options.minFrequency = 4
        options.phrases = false  // phrases add rows; they have their own test
        let result = LexiconSuggestion.suggest(Self.documents(), perspective: .npg, options: options, leaveOut: Self.stop)
        #expect(result.targetSentences == 4 && result.otherSentences == 4)
        let first = try! #require(result.candidates.first)
        #expect(first.text == "ketenpartners")
        // Target tokens: 7 per first sentence less the counted match = 6, times 4 = 24; other: 7 × 4 = 28.
        #expect(first.target == 4 && first.reference == 0)
        #expect(abs(first.g2 - Keyness.g2(4, 0, 24, 28)) < 1e-12)
        #expect(abs(first.logRatio - log2((4.0 / 24) / (0.5 / 28))) < 1e-12)
        // The context rows, counted by hand (content words within 5 words, in the sentence; each
        // document adds 4 × the same): the eligible words and the NPG match's profile.
        let rows: [String: [String: Double]] = [
            "ketenpartners": ["samenwerking": 4, "regio": 4],
            "regio": ["samenwerking": 4, "ketenpartners": 4, "begroting": 4, "gemeente": 4, "sluit": 4],
            "begroting": ["gemeente": 4, "sluit": 4, "regio": 4],
            "gemeente": ["begroting": 4, "sluit": 4, "regio": 4],
            "sluit": ["begroting": 4, "gemeente": 4, "regio": 4],
        ]
        let expected = PPMI.cosines(rows: rows, to: ["ketenpartners": 4, "regio": 4])
        #expect(abs(first.similarity - expected["ketenpartners"]!) < 1e-12)
        let regio = try! #require(result.candidates.first { $0.text == "regio" })
        #expect(abs(regio.similarity - expected["regio"]!) < 1e-12)
        let texts = Set(result.candidates.map(\.text))
        #expect(!texts.contains("begroting") && !texts.contains("gemeente"))
        #expect(!texts.contains("de") && !texts.contains("samenwerking"))
        #expect(first.examples.first == .init(document: 0, token: 3, length: 1))
    }

    @Test func phrasesOfTwoContentWordsAreCandidates() {
        var options = LexiconSuggestion.Options()
        options.minFrequency = 4
        let docs = Self.documents().map { doc in
            var d = doc
            d.words[5] = "eigen"; d.words[6] = "kracht"
            return d
        }
        let result = LexiconSuggestion.suggest(docs, perspective: .npg, options: options, leaveOut: Self.stop)
        #expect(result.candidates.contains { $0.text == "eigen kracht" && $0.target == 4 })
        // A phrase never spans two sentences: "kracht" ends the first, "de" starts the second anyway.
        options.phrases = false
        let words = LexiconSuggestion.suggest(docs, perspective: .npg, options: options, leaveOut: Self.stop)
        #expect(!words.candidates.contains { $0.text.contains(" ") })
        // Punctuation (or a number, which is no word here) between two words breaks a phrase.
        options.phrases = true
        let broken = docs.map { doc in
            var d = doc
            d.followsDirectly[6] = false  // "eigen, kracht"
            return d
        }
        #expect(!LexiconSuggestion.suggest(broken, perspective: .npg, options: options, leaveOut: Self.stop).candidates.contains { $0.text == "eigen kracht" })
    }

    /// With a context model, a sentence is the perspective's when its matches' p add up to 0.5.
    @Test func sentencesBelowHalfAProbabilityAreNotThePerspectives() {
        var options = LexiconSuggestion.Options()
        options.minFrequency = 4
        let result = LexiconSuggestion.suggest(Self.documents(p: 0.4), perspective: .npg, options: options, leaveOut: Self.stop)
        #expect(result.targetSentences == 0 && result.candidates.isEmpty)
        #expect(abs(result.profileWeight - 1.6) < 1e-12)
    }

    /// Coded true matches replace the corpus's matches as the profile.
    @Test func codedTrueMatchesFormTheProfileWhenGiven() {
        var options = LexiconSuggestion.Options()
        options.minFrequency = 4
        let coded = LexiconSuggestion.suggest(Self.documents(), perspective: .npg, options: options, leaveOut: Self.stop,
                                              coded: [["gemeente", "sluit"], ["gemeente"]])
        #expect(coded.profileWeight == 2)
        let plain = LexiconSuggestion.suggest(Self.documents(), perspective: .npg, options: options, leaveOut: Self.stop)
        let a = try! #require(coded.candidates.first { $0.text == "ketenpartners" }), b = try! #require(plain.candidates.first { $0.text == "ketenpartners" })
        #expect(a.g2 == b.g2 && a.similarity < b.similarity)
    }

    @Test func keynessLeavesOutWhatItIsToldWithoutChangingTheOthers() {
        typealias Counts = [String: (count: Int, inLexicon: Bool, context: String)]
        let target: [Counts] = [["de": (50, false, ""), "wijkteam": (10, false, "")], ["de": (40, false, ""), "wijkteam": (8, false, "")]]
        let reference: [Counts] = [["de": (60, false, ""), "begroting": (30, false, "")]]
        let all = Keyness.words(target: target, reference: reference, minFrequency: 5, minPlans: 2)
        let filtered = Keyness.words(target: target, reference: reference, minFrequency: 5, minPlans: 2, leaveOut: Stopwords.leaveOut(language: "nl"))
        #expect(all.map(\.word).contains("de") && !filtered.map(\.word).contains("de"))
        #expect(all.first { $0.word == "wijkteam" } == filtered.first { $0.word == "wijkteam" })
    }

    @Test func stopwordsHoldFunctionWordsNotPerspectiveWords() {
        let nl = Stopwords.set(language: "nl")
        #expect(Stopwords.snowballDutch.count == 101)
        for w in ["de", "het", "wij", "we", "onze", "daarnaast", "zodat"] { #expect(nl.contains(w), "\(w)") }
        for w in ["eigen", "samen", "mee", "regie", "kracht", "partner"] { #expect(!nl.contains(w), "\(w)") }
        #expect(Stopwords.set(language: "en").isEmpty)
        #expect(Stopwords.isNumeric("2024") && Stopwords.isNumeric("1e") && !Stopwords.isNumeric("wmo"))
    }
}
