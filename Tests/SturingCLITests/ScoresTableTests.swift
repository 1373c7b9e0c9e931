import Foundation
import SturingTestSupport
import Testing

/// Issue 25: scores.csv lets a reader rebuild the report's selection (rank and selected_for
/// columns), excel-nl gives Dutch headers, the commands that read scores.csv back still do, and
/// analyze and report write scores.xlsx.
@Suite struct ScoresTableTests {
    /// The seven plans of the demo corpus that are not PDFs, with their manifest rows (fast, and
    /// with --top 1 one of them is left for the average case).
    static func plans(in work: URL) throws -> URL {
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        let names = ["kaderkerk-wmo-2015.txt", "meedoenburg-wmo-2015.txt", "netwerkerveen-wmo-2015.txt", "veerkrachtveen-wmo-2015.txt",
                     "zelfredzaamwoude-wmo-2015.txt", "webdorp-wmo-2015.html", "woordwijk-wmo-2015.docx"]
        for name in names {
            try FileManager.default.copyItem(at: TrustTests.demo.appendingPathComponent(name), to: plans.appendingPathComponent(name))
        }
        let manifest = try String(contentsOf: TrustTests.demo.appendingPathComponent("manifest.csv"), encoding: .utf8).split(separator: "\n")
        let rows = [String(manifest[0])] + manifest.dropFirst().filter { line in names.contains { line.hasPrefix($0 + ",") } }.map(String.init)
        #expect(rows.count == 8)
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: plans.appendingPathComponent("manifest.csv"))
        return plans
    }

    /// The header before issue 25, which merge, report, rank and tests read back.
    static let earlierHeader = "municipality,file,category,region,province,title,year,plan_type,tokens,pages,signal_words,ranked,PA_count,NPM_count,NPG_count,SR_count,PA_share,NPM_share,NPG_share,SR_share,PA_per_10k,NPM_per_10k,NPG_per_10k,SR_per_10k,PA_log_ratio,NPM_log_ratio,NPG_log_ratio,SR_log_ratio,PA_share_low,PA_share_high,PA_rank_low,PA_rank_high,PA_p_top1,NPM_share_low,NPM_share_high,NPM_rank_low,NPM_rank_high,NPM_p_top1,NPG_share_low,NPG_share_high,NPG_rank_low,NPG_rank_high,NPG_p_top1,SR_share_low,SR_share_high,SR_rank_low,SR_rank_high,SR_p_top1,warnings"

    /// The cases `select` finds in a scores.csv, role → municipality.
    static func selected(_ csv: URL) throws -> [String: String] {
        let r = try TestBinary.run(["select", csv.path, "--format", "json", "--top", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let cases = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["cases"] as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: cases.compactMap { c in (c["municipality"] as? String).map { (c["role"] as! String, $0) } })
    }

    @Test func rankAndSelectedForColumnsRebuildTheSelection() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyze", try Self.plans(in: work).path, "--out", out.path, "--no-cache", "--quiet", "--top", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = out.appendingPathComponent("scores.csv")
        let rows = TrustTests.csvRows(try String(contentsOf: csv, encoding: .utf8))
        #expect(rows[0].joined(separator: ",") == Self.earlierHeader + ",PA_rank,NPM_rank,NPG_rank,SR_rank,selected_for,PA_expected,NPM_expected,NPG_expected,SR_expected,PA_share_raw,NPM_share_raw,NPG_share_raw,SR_share_raw")
        #expect(rows.count == 8 && rows.allSatisfy { $0.count == rows[0].count })
        let column = Dictionary(uniqueKeysWithValues: rows[0].enumerated().map { ($1, $0) })
        // The selection rebuilt from the CSV is the one `select` (and the report) makes.
        var rebuilt = [String: String]()
        for row in rows.dropFirst() where !row[column["selected_for"]!].isEmpty { rebuilt[row[column["selected_for"]!]] = row[0] }
        let cases = try Self.selected(csv)
        #expect(rebuilt == cases && rebuilt.count == 5, "\(rebuilt) vs \(cases)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("| rechtmatige overheid (PA) | \(rebuilt["PA"] ?? "?") | 1 |"))
        // Ranks: competition ranks of the shares, 1 for the highest.
        for p in ["PA", "NPM", "NPG", "SR"] {
            let shares = rows.dropFirst().map { Double($0[column["\(p)_share"]!])! }
            let ranks = rows.dropFirst().map { Int($0[column["\(p)_rank"]!])! }
            for (share, rank) in zip(shares, ranks) { #expect(rank == 1 + shares.filter { $0 > share }.count) }
        }
        // The readers of scores.csv still read it.
        #expect(try TestBinary.run(["rank", csv.path, "--top", "2"]).status == 0)
        // The workbook is beside it; report writes the English one.
        let xlsx = try Data(contentsOf: out.appendingPathComponent("scores.xlsx"))
        #expect(xlsx.prefix(2) == Data("PK".utf8))
        let report = try TestBinary.run(["report", out.path, "--lang", "en"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("scores.en.xlsx"))
        #expect(try Data(contentsOf: out.appendingPathComponent("scores.en.xlsx")).prefix(2) == Data("PK".utf8))
    }

    @Test func excelDialectHasDutchHeadersAndIsReadBack() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = try Self.plans(in: work)
        let out = work.appendingPathComponent("out"), standard = work.appendingPathComponent("standard")
        for (folder, extra) in [(out, ["--csv-dialect", "excel-nl"]), (standard, [])] {
            let r = try TestBinary.run(["analyze", plans.path, "--out", folder.path, "--no-cache", "--quiet", "--top", "1"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let csv = out.appendingPathComponent("scores.csv")
        let text = String(decoding: try Data(contentsOf: csv), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}gemeente;bestand;categorie;regio;provincie;titel;jaar;plansoort;tokens;paginas;signaalwoorden;gerangschikt;PA_aantal;"))
        let rows = TrustTests.csvRows(text, delimiter: ";")
        #expect(rows[0].dropLast(8).suffix(6) == ["waarschuwingen", "PA_rang", "NPM_rang", "NPG_rang", "SR_rang", "gekozen"])
        #expect(rows[0].suffix(2) == ["NPG_aandeel_ruw", "SR_aandeel_ruw"])
        #expect(rows[0].contains("PA_aandeel") && rows[0].contains("SR_kans_eerste"))
        #expect(rows.dropFirst().allSatisfy { $0[11] == "ja" })
        #expect(rows.dropFirst().contains { $0[$0.count - 9] == "gemiddeld" })
        #expect(rows.dropFirst().allSatisfy { $0[16].contains(",") })  // decimal comma
        #expect(String(decoding: try Data(contentsOf: out.appendingPathComponent("errors.csv")), as: UTF8.self) == "\u{FEFF}bestand;fout\n")
        // select and rank read the Dutch headers: the same cases as from the standard table.
        #expect(try Self.selected(csv) == Self.selected(standard.appendingPathComponent("scores.csv")))
        #expect(try TestBinary.run(["rank", csv.path, "--top", "2"]).status == 0)
        // score's CSV too.
        let score = try TestBinary.run(["score", plans.appendingPathComponent("kaderkerk-wmo-2015.txt").path, "--format", "csv", "--csv-dialect", "excel-nl"])
        #expect(score.stdout.hasPrefix("\u{FEFF}bestand;tokens;paginas;signaalwoorden;PA_aantal;"), "\(score.stdout.prefix(80))")
        #expect(score.stdout.split(separator: "\n").first?.hasSuffix(";sha256;waarschuwingen;fout") == true)
    }
}
