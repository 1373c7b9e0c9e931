import Foundation
import SturingCore
import Testing
@testable import SturingValidation

/// Issue 23: context models learned from coded matches, with known answers.
@Suite struct ContextModelTests {
    /// A sheet where NPG *klant* is true only right after *keten* ("ketenklant" written apart)
    /// and false after *uitkering*, in 20 documents; SR *meedoen* is always true.
    static func constructed() -> [CodedMatch] {
        var rows = [CodedMatch]()
        for d in 0..<20 {
            for i in 0..<3 {
                let filler = ["gemeente", "zorg", "plan", "jaar"][(d + i) % 4]
                rows.append(CodedMatch(document: "doc\(d)", perspective: .npg, term: "klant", form: "klant",
                                       features: ContextFeatures.of(form: "klant", left: [filler, "de", "keten"], right: ["werkt", "samen"]), signals: true))
                rows.append(CodedMatch(document: "doc\(d)", perspective: .npg, term: "klant", form: "klant",
                                       features: ContextFeatures.of(form: "klant", left: [filler, "de", "uitkering"], right: ["krijgt", "geld"]), signals: false))
            }
            rows.append(CodedMatch(document: "doc\(d)", perspective: .sr, term: "meedoen", form: "meedoen",
                                   features: ContextFeatures.of(form: "meedoen", left: ["inwoners"], right: ["mee"]), signals: true))
        }
        return rows
    }

    @Test func aTermTrueOnlyAfterOneWordIsLearnedThere() {
        let trainer = ContextModelTrainer()
        let (model, cv) = trainer.train(Self.constructed(), sources: [], lexicon: "nijdam-2019", tool: SturingVersion.current)
        let after = model.probability(.npg, term: "klant", features: ContextFeatures.of(form: "klant", left: ["de", "keten"], right: ["werkt"]))
        let elsewhere = model.probability(.npg, term: "klant", features: ContextFeatures.of(form: "klant", left: ["de", "uitkering"], right: ["krijgt"]))
        #expect(after > 0.9, "\(after)")
        #expect(elsewhere < 0.1, "\(elsewhere)")
        // Without any known context word a match keeps its term's smoothed precision: 60 of 120
        // true, pulled toward NPG's (61/122) by 4 pseudo-matches: (60 + 4 · 61/122) / 124 = 0.5.
        #expect(abs(model.probability(.npg, term: "klant", features: []) - 0.5) < 1e-6)
        // A term never coded falls back to its perspective's precision: (60 + 1) / (120 + 2).
        #expect(abs(model.perspectives["NPG"]!.prior - 0.5) < 1e-6)
        // Held out, by document, the model still separates the two senses.
        let npg = cv.perspectives["NPG"]!
        #expect(npg.lexiconPrecision == 0.5)
        #expect(npg.modelPrecision == 1 && npg.keptShare == 1)
        // SR meedoen, 20 of 20 true: (20 + 4 · 21/22) / 24.
        #expect(abs(model.perspectives["SR"]!.terms["meedoen"]! - ContextModelTrainer.rounded((20 + 4 * 21.0 / 22) / 24)) < 1e-9)
    }

    @Test func theSameSheetsAndSeedGiveTheSameModelByteForByte() {
        let rows = Self.constructed()
        let a = ContextModelTrainer().train(rows, sources: [], lexicon: "nijdam-2019", tool: "0.3.0").model.encoded()
        let b = ContextModelTrainer().train(rows, sources: [], lexicon: "nijdam-2019", tool: "0.3.0").model.encoded()
        #expect(a == b && !a.isEmpty)
        // Another seed deals other folds, so the cross-validated figures may differ, the fit not.
        let other = ContextModelTrainer(settings: .init(seed: 7)).train(rows, sources: [], lexicon: "nijdam-2019", tool: "0.3.0").model
        #expect(other.perspectives["NPG"]!.weights == ContextModelTrainer().fit(rows)["NPG"]!.weights)
    }

    @Test func foldsAreSplitByDocument() {
        let rows = Self.constructed()
        let trainer = ContextModelTrainer(settings: .init(folds: 5, seed: 3))
        let folds = trainer.folds(documents: rows.map(\.document))
        #expect(folds.count == 20)
        #expect(Set(folds.values) == Set(0..<5))
        #expect(Dictionary(grouping: folds.values) { $0 }.values.allSatisfy { $0.count == 4 })
        #expect(folds == trainer.folds(documents: rows.map(\.document).reversed()))
        // A document's rows are predicted by a model that never saw that document: its held-out
        // p equals the p of a model trained on the other folds.
        let cv = trainer.crossValidate(rows)
        let fold = folds["doc0"]!
        let without = ContextModel(lexicon: "", tool: "", window: 20, settings: trainer.settings, trainedOn: [],
                                   perspectives: trainer.fit(rows.filter { folds[$0.document] != fold }), crossValidation: [:])
        for (i, r) in rows.enumerated() where r.document == "doc0" {
            #expect(cv.heldOut[i] == without.probability(r.perspective, term: r.term, features: r.features))
        }
    }

    @Test func aModelForAnotherLexiconOrReleaseIsRefused() throws {
        let model = ContextModelTrainer().train(Self.constructed(), sources: [], lexicon: "nijdam-2019", tool: SturingVersion.current).model
        let data = model.encoded()
        #expect(try ContextModel.decode(data, file: "m.json", lexicon: "nijdam-2019") == model)
        #expect(throws: ContextModelError.self) { try ContextModel.decode(data, file: "m.json", lexicon: "mijn-lexicon") }
        do {
            _ = try ContextModel.decode(data, file: "m.json", lexicon: "mijn-lexicon")
        } catch {
            #expect(error.description.contains("trained for the lexicon 'nijdam-2019', not for 'mijn-lexicon'"))
        }
        var old = model
        old.tool = "0.1.4"
        do {
            _ = try ContextModel.decode(old.encoded(), file: "m.json", lexicon: nil)
            Issue.record("a model of another release was accepted")
        } catch {
            #expect(error.description.contains("trained by sturing 0.1.4"))
        }
        #expect(throws: ContextModelError.self) { try ContextModel.decode(Data("{\"a\":1}".utf8), file: "x.json", lexicon: nil) }
    }

    @Test func sheetsOfBothShapesAreRead() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let features = dir.appendingPathComponent("f.csv")
        try Data("""
            id,source_url,perspective,term,form,occurrence,left2,left1,right1,right2,bag_left,bag_right,code
            w1,https://a,NPG,taak,taak,1,als,nieuwe,mee,te,als de nieuwe,mee te,0
            w2,https://a,NPG,taak,taak,2,de,wettelijke,van,de,de wettelijke,de van,?
            """.utf8).write(to: features)
        let loaded = try CodedMatches.load(path: features.path)
        #expect(loaded.matches.count == 1 && loaded.skipped == 1)
        #expect(loaded.matches[0].features == ["f:taak", "l1:nieuwe", "l2:als", "r1:mee", "r2:te", "b:als", "b:de", "b:nieuwe", "b:mee", "b:te"])
        #expect(loaded.matches[0].document == "https://a" && !loaded.matches[0].signals)
        let sheet = dir.appendingPathComponent("s.csv")
        try Data("""
            id,kind,perspective,term,form,municipality,file,page,left,match,right,code,coder,note,run
            m1,match,NPG,klant,klant,A,a.pdf,1,"voor de keten,",klant,"werkt samen.",1,,,r1
            s1,sentence,,,,A,a.pdf,1,,Een zin.,,,,,r1
            """.utf8).write(to: sheet)
        let drawn = try CodedMatches.load(path: sheet.path)
        #expect(drawn.matches.map(\.features) == [["f:klant", "l1:keten", "l2:de", "r1:werkt", "r2:samen", "b:voor", "b:de", "b:keten", "b:werkt", "b:samen"]])
    }
}
