import Foundation
import SturingAnalysis
import SturingCore
import Testing
@testable import SturingReport

/// scores.xlsx written for a small run and read back with openpyxl.
@Suite(.enabled(if: WorkbookDump.hasPython, "python3 is missing, so scores.xlsx cannot be read back with openpyxl (install python3 and python3-openpyxl)"))
struct ScoreWorkbookTests {
    static let hostile = "=HYPERLINK(\"x\")"

    /// Five ranked plans (one of them named like a formula, each the top of a perspective or the
    /// average) and one with too few signal words to be ranked.
    static func input() -> CorpusReportInput {
        let plans: [(String, String, String, [Int])] = [
            (hostile, "100.000-", "Utrecht", [60, 20, 10, 10]), ("Beta", "G4", "Drenthe", [10, 60, 20, 10]),
            ("Gamma", "100.000+", "Limburg", [10, 10, 60, 20]), ("Delta", "100.000-", "Zeeland", [10, 20, 10, 60]),
            ("Epsilon", "100.000-", "Friesland", [25, 25, 25, 25]), ("Zeta", "100.000-", "Groningen", [1, 0, 0, 0]),
        ]
        var entries = [(plan: Plan, score: DocumentScore, documents: [DocumentScore])]()
        for (name, category, province, counts) in plans {
            var s = ScoreJSONTests.score(counts: counts)
            s.file = "\(name.lowercased()).pdf"
            entries.append((Plan(municipality: name, category: category, region: "west", province: province, files: [s.file]), s, [s]))
        }
        return CorpusReportInput(provenance: ScoreJSONTests.provenance, plans: entries,
                                 failures: [FileFailure(file: "kapot.pdf", error: "PDF is damaged")], warnings: [], k: 1)
    }

    static func write(_ input: CorpusReportInput, language: Language = .dutch) throws -> [WorkbookDump.Sheet] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("scores.xlsx").path
        try ScoreWorkbook.write(input, language: language, to: path)
        // Written atomically: only the workbook is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["scores.xlsx"])
        return try WorkbookDump.read(path)
    }

    @Test func sheetsFrozenHeadersAndNumbersAsNumbers() throws {
        let sheets = try Self.write(Self.input())
        #expect(sheets.map(\.name) == ["Plannen", "Gemiddelden", "Termen", "Fouten", "Toelichting"])
        for sheet in sheets { #expect(sheet.freeze == "A2", "\(sheet.name) has no frozen header row") }
        let plans = try #require(sheets.first)
        #expect(plans.rows.first?.map(\.v) == PlanTable.header(.dutch).map { .text($0) })
        #expect(plans.rows.count == 7)
        for header in ["tokens", "signaalwoorden", "PA_aantal", "PA_aandeel", "SR_per_10k", "PA_logratio"] {
            #expect(plans.column(header).allSatisfy { $0.t == "n" }, "\(header) holds text")
        }
        #expect(plans.column("PA_aandeel").first?.v == .number(60))
        #expect(plans.column("tokens").first?.v == .number(200))
        #expect((plans.widths["A"] ?? 0) >= 20)
        // Unranked: no rank, "nee".
        #expect(plans.column("gerangschikt").map(\.v).last == .text("nee"))
        #expect(plans.column("PA_rang").last?.v == nil)
        let means = sheets[1]
        #expect(means.rows[1].map(\.v).prefix(3) == [.text("alle"), .text("alle plannen"), .number(5)])
        #expect(means.rows[1][3].v == .number(23) && means.rows[1][3].t == "n")
        #expect(means.rows.contains { $0.first?.v == .text("provincie") && $0[1].v == .text("Utrecht") })
        let terms = sheets[2]
        #expect(terms.rows.count == 1 + 6 * 4)
        #expect(terms.column("aantal").allSatisfy { $0.t == "n" })
        #expect(sheets[3].rows.count == 2 && sheets[3].rows[1].map(\.v) == [.text("kapot.pdf"), .text("PDF is damaged")])
    }

    @Test func labelsAndHostileNamesStayText() throws {
        let plans = try #require(try Self.write(Self.input()).first)
        let categories = plans.column("categorie")
        #expect(categories.first?.v == .text("100.000-") && categories.allSatisfy { $0.t == "s" })
        #expect(categories.map(\.v).contains(.text("100.000+")))
        let name = try #require(plans.column("gemeente").first)
        #expect(name.v == .text(Self.hostile) && name.t == "s")
        #expect(!plans.rows.joined().contains { $0.t == "f" })
    }

    @Test func selectionColumnMatchesTheReportsSelection() throws {
        let input = Self.input()
        let selection = try #require(input.analysis.selection)
        let plans = try #require(try Self.write(input).first)
        let chosen = Dictionary(uniqueKeysWithValues: zip(plans.column("gemeente").compactMap(\.text), plans.column("gekozen").map(\.text)))
        let expected = selection.cases.compactMap { c in c.municipality.map { ($0, c.role == "average" ? "gemiddeld" : c.role) } }
        #expect(expected.count == 5)
        for (municipality, role) in expected { #expect(chosen[municipality] == .some(role), "\(municipality)") }
        #expect(chosen.values.compactMap { $0 }.count == 5)
        // The ranks are the report's ranking.
        let ranks = input.analysis.ranking.ranks(.npm)
        #expect(plans.column("NPM_rang").prefix(5).map(\.v) == ranks.map { .number(Double($0)) })
    }

    @Test func everyColumnIsExplainedAndEnglishFollowsTheLanguage() throws {
        let dutch = try Self.write(Self.input())
        let guide = try #require(dutch.last)
        for sheet in dutch.dropLast() {
            for header in sheet.rows[0].compactMap(\.v) {
                #expect(guide.rows.contains { $0[0].v == .text(sheet.name) && $0[1].v == header && $0[2].v != nil }, "\(sheet.name) \(header) is not explained")
            }
        }
        let english = try Self.write(Self.input(), language: .english)
        #expect(english.map(\.name) == ["Plans", "Means", "Terms", "Errors", "Explanation"])
        #expect(english[0].rows[0].first?.v == .text("municipality") && english[0].column("selected_for").first?.v == .text("PA"))
        #expect(english[0].column("selected_for").map(\.v).contains(.text("average")))
    }

    @Test func cellTextIsCutAtExcelsLimitAndControlCharactersReplaced() {
        #expect(ScoreWorkbook.cellText("a\u{1}b\tc\nd") == "a\u{FFFD}b\tc\nd")
        let long = String(repeating: "x", count: 40_000)
        let cut = ScoreWorkbook.cellText(long)
        #expect(cut.utf16.count == ScoreWorkbook.maxCellCharacters && cut.hasSuffix("…"))
        #expect(ScoreWorkbook.cellText(String(repeating: "y", count: ScoreWorkbook.maxCellCharacters)).hasSuffix("y"))
    }
}
