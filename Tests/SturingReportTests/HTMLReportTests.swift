import Foundation
import SturingAnalysis
import SturingCore
import Testing
@testable import SturingReport

@Suite struct HTMLReportTests {
    static func input() -> CorpusReportInput {
        let shares: [(String, String, [Int])] = [("Alfa", "Utrecht", [10, 20, 30, 40]), ("Beta", "Drenthe", [40, 30, 20, 10]),
                                                 ("Gamma", "Limburg", [25, 25, 25, 25]), ("Delta", "Zeeland", [5, 15, 50, 30])]
        var plans = [(plan: Plan, score: DocumentScore, documents: [DocumentScore])]()
        for (i, (name, province, counts)) in shares.enumerated() {
            var s = ScoreJSONTests.score(counts: counts)
            s.file = "\(name.lowercased()).pdf"
            s.evidence = [.pa: [KWICLine(file: s.file, page: 1, perspective: .pa, term: "regelen", left: "wij <b>", match: "regels", right: "& meer")]]
            plans.append((Plan(municipality: name, category: i == 0 ? "G4" : "100.000-", region: "west", province: province, files: [s.file]), s, [s]))
        }
        return CorpusReportInput(provenance: ScoreJSONTests.provenance, plans: plans,
                                 failures: [FileFailure(file: "kapot.pdf", error: "PDF is damaged")], warnings: ["let op"], k: 1)
    }

    @Test func selfContainedAndComplete() {
        let input = Self.input()
        let html = HTMLReport.render(input)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<link") && !html.contains("src=") && !html.contains("https://"))
        for section in ["samenvatting", "profiel", "rangorde", "overzicht", "casussen", "termen", "problemen", "herkomst"] {
            #expect(html.contains("id=\"\(section)\""), "missing section \(section)")
        }
        #expect(html.contains("rechtmatige overheid (PA)"))
        #expect(html.contains("kapot.pdf") && html.contains("PDF is damaged"))
        #expect(html.contains("wij &lt;b&gt;") && html.contains("&amp; meer"))  // escaped evidence
        #expect(html.contains("sha256"))
    }

    /// Token and signal-word counts are written with thousands separators in every view (the
    /// summary once showed "7926" beside a report's "19.741").
    @Test func countsHaveThousandsSeparators() {
        var input = Self.input()
        input.plans[0].score.tokens = 12_345
        let md = SummaryMarkdown.render(input, language: .dutch)
        #expect(md.contains("| 12.345 |") && !md.contains("12345"))
        #expect(SummaryMarkdown.render(input, language: .english).contains("| 12,345 |"))
        let html = HTMLReport.render(input, language: .dutch)
        #expect(html.contains("data-v=\"12345\">12.345</td>"))
    }

    /// Issue 25: a top or bottom table with ties shows k rows and says how many more tie with
    /// the last one, instead of listing them all (here 6 of 8 plans at 0 % PA, k = 5).
    @Test func aTableWithTiesShowsKRowsAndSaysHowManyTie() throws {
        var input = Self.manyPlans(8)
        for i in input.plans.indices {
            input.plans[i].score.perspectives = PerspectiveScore.from(counts: [.pa: i < 2 ? 10 + i : 0, .npm: 30, .npg: 30, .sr: 40], tokens: 5000)
        }
        input.table.top = 5
        let html = HTMLReport.render(input, language: .dutch)
        let start = try #require(html.range(of: "<caption>Laagste 5</caption>"))
        let table = html[start.upperBound...].components(separatedBy: "</table>")[0]
        #expect(table.components(separatedBy: "<tr><td>1</td>").count - 1 == 5)
        #expect(table.contains("… en nog 1 gemeente met hetzelfde aandeel als plaats 1 (0,0 %): 6 gemeenten delen die plaats (alle staan in scores.csv)"))
        let en = HTMLReport.render(input, language: .english)
        #expect(en.contains("… and 1 more municipality with the same share as place 1 (0.0%): 6 municipalities share that place"), "\(en)")
        // The top 5 ties at place 3 (the six at 0 %): two plans above it, three of the six shown.
        let top = try #require(html.range(of: "<caption>Top 5</caption>"))
        let topTable = html[top.upperBound...].components(separatedBy: "</table>")[0]
        #expect(topTable.components(separatedBy: "<tr><td>3</td>").count - 1 == 3)
        #expect(topTable.contains("… en nog 3 gemeenten met hetzelfde aandeel als plaats 3 (0,0 %): 6 gemeenten delen die plaats"))
    }

    @Test func dutchAndEnglish() {
        let input = Self.input()
        let nl = HTMLReport.render(input, language: .dutch)
        let en = HTMLReport.render(input, language: .english)
        #expect(nl.contains("lang=\"nl\"") && nl.contains("Selectie van casussen") && nl.contains("40,0 %"))
        #expect(en.contains("lang=\"en\"") && en.contains("Case selection") && en.contains("40.0%") && en.contains("Public Administration (PA)"))
        // Singular and plural, Dutch thousands separators.
        #expect(nl.contains("<b>1 fout</b>") && en.contains("<b>1 error</b>"))
        #expect(Labels(.dutch).counted(1, ("plan", "plannen"), ("plan", "plans")) == "1 plan")
        #expect(Labels(.dutch).counted(12_345, ("plan", "plannen"), ("plan", "plans")) == "12.345 plannen")
        #expect(Labels(.english).counted(1, ("fout", "fouten"), ("error", "errors")) == "1 error")
        #expect(Labels(.dutch).number(-0.04) == "0,0" && Labels(.dutch).percent(-0.01) == "0,0 %" && Labels(.dutch).number(-0.06) == "-0,1")
    }

    @Test func deterministic() {
        let input = Self.input()
        #expect(HTMLReport.render(input) == HTMLReport.render(input))
    }

    @Test func ringChartHasFourSegmentsPerRingAndReadableLabels() {
        let svg = SVGCharts.ring(title: "Alfa", subtitle: "rechtmatige overheid (PA)", profile: ShareProfile([10, 20, 30, 40]),
                                 mean: ShareProfile([25, 25, 25, 25]), labels: Labels(.dutch))
        #expect(svg.components(separatedBy: "<path").count - 1 == 8)
        #expect(svg.contains("<title>Alfa — rechtmatige overheid (PA)</title>"))
        #expect(svg.contains("PA 10,0 %") && svg.contains("gem. 25,0 %"))
        #expect(svg.contains("#0072B2") && svg.contains("#CC79A7"))
        // A segment's tooltip is a Dutch percentage like every other number in the report.
        #expect(svg.contains("<title>PA 10,0 %</title>") && !svg.contains("<title>PA 10.0"))
        // No label inside or on the rings (centre 115,135; outer radius 95): the key is below them.
        let texts = svg.components(separatedBy: "<text x=\"").dropFirst().compactMap { part -> (Double, Double)? in
            let xs = part.prefix { $0 != "\"" }
            guard let y = part.components(separatedBy: "y=\"").dropFirst().first?.prefix(while: { $0 != "\"" }),
                  let x = Double(xs), let yy = Double(y) else { return nil }
            return (x, yy)
        }
        #expect(texts.count >= 9)
        #expect(texts.allSatisfy { ($0.0 - 115) * ($0.0 - 115) + ($0.1 - 135) * ($0.1 - 135) > 95 * 95 })
        #expect(svg.contains("buitenring: gemeente · binnenring: gemiddelde"))
    }

    @Test func rankedBarsAreSortedWithTheMeanMarked() {
        let svg = SVGCharts.rankedBars(title: "PA", perspective: .pa, rows: [("Laag", 5), ("Hoog", 50), ("Midden", 20)], mean: 25, labels: Labels(.dutch))
        let hoog = svg.range(of: ">Hoog<")!.lowerBound, midden = svg.range(of: ">Midden<")!.lowerBound, laag = svg.range(of: ">Laag<")!.lowerBound
        #expect(hoog < midden && midden < laag)
        #expect(svg.contains("gemiddelde 25,0 %"))
        #expect(svg.contains("stroke-dasharray"))
        // Names and values are drawn at 12 px, on a canvas narrow enough to stay legible on a phone.
        #expect(svg.contains("font-size=\"12.0\" text-anchor=\"end\">Hoog<"))
        let width = Double(svg.components(separatedBy: "width=\"")[1].prefix { $0 != "\"" }) ?? 0
        #expect(width > 300 && width <= 500)
    }

    /// The fixture input with `n` copies of its first plan, in 12 provinces.
    static func manyPlans(_ n: Int) -> CorpusReportInput {
        var input = Self.input()
        let template = input.plans[0]
        input.plans = (0..<n).map { i in
            var e = template
            e.plan.municipality = "Gemeente \(i)"
            e.plan.province = "Provincie \(i % 12)"
            return e
        }
        return input
    }

    @Test func fourHundredMunicipalitiesStayUnderThreeMegabytes() {
        let input = Self.manyPlans(400)
        let html = HTMLReport.render(input)
        #expect(html.utf8.count < 3_000_000)
    }

    @Test func scoresJSONRoundTripGivesTheSameReport() throws {
        var input = Self.input()
        input.table.distinct = .region
        // What the report words from notices and reasons comes back from the files too: a plan's
        // own notice, a document's, the run's, and a failure's reason.
        let failed = Notice.someFilesFailed(1, of: 2), ocr = Notice.ocrPages([2], engine: "tesseract 5.3.0", confidence: 77)
        input.plans[0].score.warnings = [failed.message, "alfa.pdf: " + ocr.message]
        input.plans[0].score.notices = [failed, ocr]
        input.plans[0].documents[0].warnings = [ocr.message]
        input.plans[0].documents[0].notices = [ocr]
        let none = Notice.noFileScored("Leegdorp")
        input.warnings = [none.message]
        input.notices = [none]
        input.failures = [FileFailure(file: "leeg.txt", reason: .empty)]
        let dutch = HTMLReport.render(input)
        #expect(dutch.contains("1 van de 2 bestanden kon niet worden gescoord") && dutch.contains("Leegdorp: geen enkel bestand")
                && dutch.contains("pagina 2 is met OCR gelezen") && dutch.contains("leeg bestand, 0 bytes"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("scores.json").path
        try AtomicFile.write(CorpusReport.scoresJSON(input, cache: nil).pretty(), to: path)
        // The documents are in documents.jsonl beside it, as analyze writes them.
        let lines = input.plans.flatMap { e in e.documents.map { CorpusReport.documentLine($0, plan: e.plan) } }
        try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: dir.appendingPathComponent("documents.jsonl").path)
        let back = try ScoresJSONReader.load(path: path)
        #expect(back.table.distinct == .region)
        #expect(HTMLReport.render(back) == HTMLReport.render(input))
    }

    @Test func excelDialect() {
        let csv = CorpusReport.scoresCSV(Self.input(), dialect: .excelNL)
        #expect(csv.hasPrefix("\u{FEFF}gemeente;bestand;"))
        #expect(csv.contains(";10,0;20,0;30,0;40,0;"))
        #expect(CorpusReport.scoresCSV(Self.input()).contains(",10.0,20.0,30.0,40.0,"))
    }
}

@Suite struct LongRankingTests {
    /// Issue 10: outputs stay usable however many plans there are. The time limit catches an
    /// analysis worked out again on every edit of a plan (20,000 × 20,000), which once hung CI.
    @Test(.timeLimit(.minutes(3))) func twentyThousandPlansGiveABoundedReportAndSummary() {
        var input = HTMLReportTests.manyPlans(20_000)
        for i in input.plans.indices {  // distinct profiles, as real plans have
            input.plans[i].score.perspectives = PerspectiveScore.from(counts: [.pa: 10 + i % 97, .npm: 20 + i % 89, .npg: 30 + i % 83, .sr: 40 + i % 79], tokens: 5000)
        }
        let html = HTMLReport.render(input)
        #expect(html.utf8.count < 5_000_000)
        #expect(html.contains("de hoogste en de laagste 50; de volledige rangorde staat in scores.csv"))
        #expect(html.contains("rechtmatige overheid (PA) (19951–20000 van 20000)"))
        #expect(html.contains("De eerste 500 van 20.000 gemeenten"))
        let md = SummaryMarkdown.render(input)
        #expect(md.utf8.count < 1_000_000)
        let json = CorpusReport.scoresJSON(input, cache: nil).serialized()
        #expect(json.utf8.count < 60_000_000 && !json.contains("\"evidence\""))
    }

    @Test func longRankingsAreChunkedForPrinting() {
        let html = HTMLReport.render(HTMLReportTests.manyPlans(120))
        #expect(html.contains("rechtmatige overheid (PA) (1–50 van 120)"))
        #expect(html.contains("rechtmatige overheid (PA) (101–120 van 120)"))
    }
}
