import Foundation
import Testing
@testable import SturingAnalysis

/// Known answers for keyness (issue 15).
@Suite struct KeynessTests {
    @Test func g2AndLogRatioByHand() {
        // 10 in 1,000 target tokens, 0 in 1,000 reference tokens: E1 = 5, E2 = 5;
        // G² = 2 · 10 · ln(10 / 5) = 20 ln 2; log ratio = log2((10/1000) / (0.5/1000)) = log2 20.
        #expect(abs(Keyness.g2(10, 0, 1000, 1000) - 20 * log(2.0)) < 1e-12)
        #expect(abs(Keyness.logRatio(10, 0, 1000, 1000) - log2(20.0)) < 1e-12)
        // Equal relative frequencies: G² 0.
        #expect(abs(Keyness.g2(5, 10, 1000, 2000)) < 1e-12)
    }

    @Test func aWordOnlyInTheTargetIsFoundAndLexiconWordsFlagged() {
        typealias Counts = [String: (count: Int, inLexicon: Bool, context: String)]
        let target: [Counts] = [["wijkplatform": (6, false, "het [wijkplatform]"), "de": (94, false, ""), "regels": (5, true, "")],
                                ["wijkplatform": (4, false, ""), "de": (96, false, ""), "regels": (5, true, "")]]
        let reference: [Counts] = [["de": (190, false, ""), "regels": (10, true, "")]]
        let words = Keyness.words(target: target, reference: reference, minFrequency: 5, minPlans: 2)
        #expect(words.first?.word == "wijkplatform")
        let w = words[0]
        #expect(w.target == 10 && w.reference == 0 && w.plans == 2 && w.context == "het [wijkplatform]")
        // c = 210, d = 200: E1 = 210·10/410, G² = 2 · 10 · ln(10 / E1).
        let e1 = 210.0 * 10 / 410
        #expect(abs(w.g2 - 2 * 10 * log(10 / e1)) < 1e-9)
        #expect(abs(w.logRatio - log2((10.0 / 210) / (0.5 / 200))) < 1e-12)
        #expect(!words.contains { $0.word == "regels" })  // not over-represented (5+5 in 210 vs 10 in 200)
    }
}
