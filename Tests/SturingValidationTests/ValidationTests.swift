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
        #expect(error(header + "m1,match,PA,regelen,PA,misschien,r1\n")?.description == "x.csv:2: id m1: code 'misschien' (a match is coded 1 or 0, or ja or nee)")
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
}
