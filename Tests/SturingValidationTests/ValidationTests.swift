import Foundation
import SturingCore
import Testing
@testable import SturingValidation

/// Known answers for validation against human coding (issue 11).
@Suite struct ValidationTests {
    @Test func wilsonIntervalsByHand() throws {
        // Computed with the formula of Wilson (1927), z = 1.959964.
        let a = try #require(Wilson.interval(successes: 8, n: 10))
        #expect(abs(a.low - 0.4901625) < 1e-6 && abs(a.high - 0.9433178) < 1e-6)
        let b = try #require(Wilson.interval(successes: 0, n: 5))
        #expect(b.low == 0 && abs(b.high - 0.4344825) < 1e-6)
        let c = try #require(Wilson.interval(successes: 57, n: 100))
        #expect(abs(c.low - 0.4721539) < 1e-6 && abs(c.high - 0.6626670) < 1e-6)
        #expect(Wilson.interval(successes: 0, n: 0) == nil)
    }

    @Test func krippendorffsWorkedExample() throws {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units,
        // missing values; nominal alpha = 0.743.
        let a: [Int?] = [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil]
        let b: [Int?] = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3]
        let c: [Int?] = [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil]
        let d: [Int?] = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil]
        let units = (0..<12).map { u in [a[u], b[u], c[u], d[u]].compactMap { $0 } }
        let alpha = try #require(KrippendorffAlpha.nominal(units))
        #expect((alpha.value * 1000).rounded() / 1000 == 0.743)
        #expect(alpha.pairable == 40)
        #expect(KrippendorffAlpha.nominal([[1, 1], [0, 0], [1, 1], [0, 0]])?.value == 1)
    }

    static let sheetText = """
        id,kind,perspective,term,form,municipality,file,page,left,match,right,found,code,coder,note,run
        m1,match,PA,regelen,regels,A,a.txt,,de,regels,zijn,PA,1,an,,r1
        m2,match,PA,regelen,regels,A,a.txt,,wij,regelen,dat,PA,ja,an,,r1
        m3,match,PA,recht,recht,B,b.txt,,het,recht,op,PA,0,an,,r1
        m4,match,NPM,meten,meten,B,b.txt,,wij,meten,de,NPM,nee,an,,r1
        m5,match,NPM,meten,meet,A,a.txt,,hij,meet,het,NPM,1,an,,r1
        s1,sentence,,,,A,a.txt,,,Wij regelen de zorg samen.,,PA,PA+NPG,an,,r1
        s2,sentence,,,,B,b.txt,,,Iedereen doet mee.,,,SR,an,,r1
        s3,sentence,,,,B,b.txt,,,Het college besluit.,,PA,PA,an,,r1
        s4,sentence,,,,A,a.txt,,,Een mooie dag.,,,geen,an,,r1
        m6,match,SR,meedoen,meedoen,A,a.txt,,,meedoen,,SR,,an,,r1

        """

    @Test func precisionRecallAndF1FromOneSheet() throws {
        let sheet = try CodingSheet.parse(Self.sheetText, path: "an.csv")
        let score = try ValidationScore(sheets: [sheet])
        #expect(score.precision[.pa]?.value == 2.0 / 3.0 && score.precision[.pa]?.n == 3)
        #expect(score.precision[.npm]?.value == 0.5)
        #expect(score.precision[.sr] == nil)  // m6 is not coded yet
        #expect(score.uncoded == 1)
        #expect(score.recall[.pa]?.value == 1 && score.recall[.pa]?.n == 2)  // s1 and s3 express PA; both found
        #expect(score.recall[.npg]?.value == 0)  // s1 expresses NPG; the tool did not find it
        #expect(score.recall[.sr]?.value == 0)
        #expect(abs(score.f1[.pa]! - 0.8) < 1e-12)
        #expect(score.terms.first?.term == "recht" && score.terms.first?.falsePositives == ["het [recht] op"])
        #expect(score.alpha == nil)
    }

    @Test func agreementBetweenCoders() throws {
        let first = try CodingSheet.parse(Self.sheetText, path: "an.csv")
        let same = try CodingSheet.parse(Self.sheetText.replacingOccurrences(of: ",an,", with: ",bo,"), path: "bo.csv")
        let identical = try ValidationScore(sheets: [first, same])
        #expect(identical.alpha?.value == 1 && identical.alpha?.pairs == 5)
        #expect(identical.sentenceAlpha?.value == 1)
    }

    @Test func malformedSheetsNameTheRow() throws {
        func error(_ text: String) -> SheetError? {
            do { _ = try ValidationScore(sheets: [try CodingSheet.parse(text, path: "x.csv")]); return nil } catch { return error }
        }
        let header = "id,kind,perspective,term,found,code,run\n"
        #expect(error(header + "m1,match,PA,regelen,PA,misschien,r1\n")?.description == "x.csv:2: id m1: code 'misschien' (a match is coded 1 or 0, ja or nee, or ? for unclear)")
        #expect(error(header + "m1,match,PA,regelen,PA,1,r1\nm1,match,PA,regelen,PA,0,r1\n")?.line == 3)
        #expect(error(header + "s1,sentence,,,,PA+XY,r1\n")?.message.contains("PA+XY") == true)
        let other = try CodingSheet.parse(header + "m1,match,PA,regelen,PA,1,r2\n", path: "y.csv")
        let first = try CodingSheet.parse(header + "m1,match,PA,regelen,PA,1,r1\n", path: "x.csv")
        #expect(throws: SheetError.self) { try ValidationScore(sheets: [first, other]) }
        let extra = try CodingSheet.parse(header + "m9,match,PA,regelen,PA,1,r1\n", path: "z.csv")
        #expect(throws: SheetError.self) { try ValidationScore(sheets: [first, extra]) }
    }

    @Test func excelRoundTrip() throws {
        // A coder's Excel: semicolons, BOM, CRLF, the columns in another order, a quoted cell with
        // a semicolon and a line break, and our formula guard on a context.
        let text = "\u{FEFF}code;id;kind;perspective;term;found;left;match;right;run\r\n"
            + "1;m1;match;PA;regelen;PA;'- eerst;regels;\"daarna; en\r\nverder\";r1\r\n"
            + "nee;m2;match;PA;recht;PA;het;recht;op;r1\r\n"
        let sheet = try CodingSheet.parse(text, path: "excel.csv")
        #expect(sheet.rows.count == 2)
        #expect(sheet.rows[0].left == "- eerst" && sheet.rows[0].right == "daarna; en\r\nverder")
        let score = try ValidationScore(sheets: [sheet])
        #expect(score.precision[.pa]?.value == 0.5)
    }

    @Test func correctedShares() throws {
        let score = try ValidationScore(sheets: [try CodingSheet.parse(Self.sheetText.replacingOccurrences(of: "SR,,an", with: "SR,1,an"), path: "a.csv")])
        // No NPG precision yet: no estimate.
        #expect(score.correctedShares(counts: [10, 10, 10, 10]) == nil)
    }

    // MARK: - Sheets that cannot mislead (issue 21)

    @Test func everyColumnTheScoringNeedsIsRequired() throws {
        let full = "id,kind,perspective,term,code,run\nm1,match,PA,regelen,1,r1\n"
        #expect(try CodingSheet.parse(full, path: "x.csv").rows.count == 1)
        for column in ["id", "kind", "perspective", "code", "run"] {
            let header = ["id", "kind", "perspective", "term", "code", "run"].filter { $0 != column }
            let values = zip(["id", "kind", "perspective", "term", "code", "run"], ["m1", "match", "PA", "regelen", "1", "r1"]).filter { $0.0 != column }.map(\.1)
            let text = header.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n"
            do {
                _ = try CodingSheet.parse(text, path: "x.csv")
                Issue.record("a sheet without '\(column)' was accepted")
            } catch {
                #expect(error.message.contains("no '\(column)' column"), "\(error)")
            }
        }
        // An empty run id is refused too: it ties the row to its run.
        #expect(throws: SheetError.self) { try CodingSheet.parse("id,kind,perspective,code,run\nm1,match,PA,1,\n", path: "x.csv") }
    }

    @Test func unclearCodesGiveStrictAndLenientPrecision() throws {
        // PA: 2 yes, 1 no, 1 unclear → strict 2/4, lenient 2/3. NPM: 1 yes, 1 "onduidelijk" → 1/2 and 1/1.
        let text = """
            id,kind,perspective,term,found,code,run
            m1,match,PA,regelen,PA,1,r1
            m2,match,PA,regelen,PA,1,r1
            m3,match,PA,recht,PA,0,r1
            m4,match,PA,recht,PA,?,r1
            m5,match,NPM,meten,NPM,ja,r1
            m6,match,NPM,meten,NPM,onduidelijk,r1
            s1,sentence,,,PA,?,r1
            s2,sentence,,,PA,PA,r1

            """
        let v = try ValidationScore(sheets: [try CodingSheet.parse(text, path: "u.csv")])
        #expect(v.precision[.pa]?.value == 0.5 && v.precision[.pa]?.n == 4)
        #expect(v.lenient[.pa]?.value == 2.0 / 3.0 && v.lenient[.pa]?.n == 3)
        #expect(v.precision[.npm]?.value == 0.5 && v.lenient[.npm]?.value == 1)
        #expect(v.unclear[.pa] == 1 && v.unclear[.npm] == 1)
        // Overall: 3 of 6 strict, 3 of 4 lenient.
        #expect(v.precisionAll?.value == 0.5 && v.precisionAll?.n == 6)
        #expect(v.lenientAll?.value == 0.75 && v.lenientAll?.n == 4)
        // The unclear sentence is left out of recall: one sentence expresses PA, and it was found.
        #expect(v.recall[.pa]?.n == 1 && v.recall[.pa]?.value == 1)
        let recht = try #require(v.terms.first { $0.term == "recht" })
        #expect(recht.precision.value == 0 && recht.lenient?.value == 0 && recht.unclear == 1)
    }

    static let key = SampleKey(run: "r1", seed: 3, entries: [
        .init(id: "m1", kind: .match, perspective: .pa, term: "regelen", file: "a.txt", page: "", position: 4, found: [.pa]),
        .init(id: "m2", kind: .match, perspective: .npm, term: "meten", file: "a.txt", page: "", position: 9, found: [.npm]),
        .init(id: "s1", kind: .sentence, perspective: nil, term: "", file: "a.txt", page: "", position: 2, found: [.pa, .sr]),
    ])

    @Test func aBlindSheetIsJoinedWithItsKey() throws {
        let blind = "id,kind,perspective,term,file,code,run\nm1,match,PA,regelen,a.txt,1,r1\nm2,match,NPM,meten,a.txt,0,r1\ns1,sentence,,,a.txt,SR,r1\n"
        let sheet = try Self.key.apply(to: try CodingSheet.parse(blind, path: "b.csv"))
        #expect(sheet.rows[2].found == [.pa, .sr])
        let v = try ValidationScore(sheets: [sheet])
        #expect(v.recall[.sr]?.value == 1 && v.precision[.npm]?.value == 0)
        // The key round-trips through its CSV.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("key-seed3-m2-s1.csv").path
        let csv = Self.key.rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let back = try SampleKey.load(path: path)
        #expect(back.entries == Self.key.entries && back.run == "r1" && back.seed == 3)
        // Found beside the sheet by its run id; a sheet with neither key nor found column is refused.
        let sheetPath = dir.appendingPathComponent("coded.csv").path
        try Data(blind.utf8).write(to: URL(fileURLWithPath: sheetPath))
        #expect(try CodingSheet.loadChecked(path: sheetPath).rows[2].found == [.pa, .sr])
        try FileManager.default.removeItem(atPath: path)
        do {
            _ = try CodingSheet.loadChecked(path: sheetPath)
            Issue.record("a sheet without found column and key was accepted")
        } catch {
            #expect(error.message.contains("no 'found' column"))
        }
    }

    @Test func aSheetThatDepartsFromItsSampleIsRefused() throws {
        func refused(_ text: String) -> SheetError? {
            do { _ = try Self.key.apply(to: try CodingSheet.parse(text, path: "d.csv")); return nil } catch { return error }
        }
        let header = "id,kind,perspective,term,code,run\n"
        // A row moved from PA to NPM.
        #expect(refused(header + "m1,match,NPM,regelen,1,r1\n")?.message.contains("perspective NPM, but it was drawn as PA") == true)
        // An id that was never drawn.
        #expect(refused(header + "m9999,match,PA,regelen,1,r1\n")?.message.contains("was not drawn") == true)
        // Another term under a drawn id.
        #expect(refused(header + "m1,match,PA,recht,1,r1\n")?.line == 2)
        // Rows left out are not an error (they are not coded).
        #expect(refused(header + "m1,match,PA,regelen,1,r1\n") == nil)
    }
}
