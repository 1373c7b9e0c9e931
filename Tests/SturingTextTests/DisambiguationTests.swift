import Foundation
import SturingCore
import Testing
@testable import SturingText

/// Issue 23: with a context model, each match counts its probability; hand-computed.
@Suite struct DisambiguationTests {
    static func model() -> ContextModel {
        ContextModel(lexicon: "test", tool: SturingVersion.current, window: 2, settings: .init(), trainedOn: [],
                     perspectives: [
                        "NPG": .init(prior: 0.5, terms: ["klant": 0.5], weights: ["l1:keten": 2, "l1:uitkering": -2, "b:geld": -1], calibrationSD: 0),
                        "SR": .init(prior: 0.6, terms: ["meedoen": 0.8], weights: [:], calibrationSD: 0),
                     ], crossValidation: [:])
    }

    @Test func correctedCountsAreTheSumOfTheMatchesProbabilities() throws {
        let lexicon = try LexiconLoader.loadYAML("name: test\nversion: \"1\"\nmatch: exact\nentries:\n  - {term: klant, perspective: NPG}\n  - {term: meedoen, perspective: SR}\n",
                                                 path: "t.yaml", sha256: "")
        let scorer = try DocumentScorer(lexicon: try CompiledLexicon(lexicon, setting: .lexicon))
        scorer.model = Self.model()
        let doc = Document(file: "t.txt", sha256: "", kind: .text, encoding: "UTF-8",
                           pages: ["De keten klant werkt. De uitkering klant krijgt geld. Inwoners Meedoen."], hasPages: false)
        let s = try scorer.score(doc)
        // klant after keten: σ(0 + 2) = 0.881 → 0.88 (the window of 2 does not reach "geld"); klant
        // after uitkering, with geld two words on: σ(0 − 2 − 1) = 0.047 → 0.05; meedoen: logit(0.8) → 0.80.
        // Each p is kept in hundredths.
        #expect(s.perspectives[.npg]?.count == 2)
        #expect(s.perspectives[.npg]?.expected == 0.93)
        #expect(s.perspectives[.sr]?.expected == 0.8)
        #expect(s.perspectives[.pa]?.expected == 0)
        #expect(abs(s.perspectives[.npg]!.share! - 93.0 / 1.73) < 1e-9)
        #expect(abs(s.perspectives[.npg]!.shareRaw! - 200.0 / 3) < 1e-9)
        #expect(s.terms[.npg]?.first?.expected == 0.93)
        // The bootstrap resamples the same expected counts, in hundredths per sentence.
        #expect(s.sentences?.vectors.map(\.counts).sorted { $0.lexicographicallyPrecedes($1) } == [[0, 0, 0, 80], [0, 0, 5, 0], [0, 0, 88, 0]])
        // Without the model: raw counts, no expected.
        scorer.model = nil
        let raw = try scorer.score(doc)
        #expect(raw.perspectives[.npg]?.expected == nil && !raw.isDisambiguated)
        #expect(abs(raw.perspectives[.npg]!.share! - 200.0 / 3) < 1e-9)
    }

    /// Each built-in model is the one `scripts/embed-model` made from Lexicons/NAME.model.json,
    /// one per built-in lexicon, trained on the sheets data/coded/README.md lists for it.
    @Test(arguments: [("nijdam-2019", ["municipal-documents-2026.csv", "wmo-excerpts-2026.csv"]),
                      ("nijdam-2019-plus", ["municipal-documents-2026.csv", "wmo-excerpts-2026.csv", "plus-terms-2026.csv", "plus-round2-2026.csv"])])
    func theBuiltInModelIsTheFileInTheRepository(lexicon name: String, sheets: [String]) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        let file = try String(contentsOf: root.appendingPathComponent("Lexicons/\(name).model.json"), encoding: .utf8)
        let json = try #require(BuiltinModel.json[name])
        #expect(json + "\n" == file || json == file)
        #expect(Set(BuiltinModel.json.keys) == Set(BuiltinLexicon.yaml.keys))
        let model = try ContextModel.decode(Data(json.utf8), file: "built-in", lexicon: name)
        #expect(model.trainedOn.map(\.file) == sheets)
        // Every perspective has a model, and every coded term is a term of the lexicon.
        let terms = Set(try LexiconLoader.builtin(name).entries.map { $0.term.lowercased() })
        for p in Perspective.allCases {
            let m = try #require(model.perspectives[p.code])
            #expect(Set(m.terms.keys).isSubset(of: terms), "\(p.code): \(Set(m.terms.keys).subtracting(terms))")
        }
    }
}
