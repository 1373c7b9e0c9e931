import Foundation
import SturingTestSupport
import Testing

/// End-to-end runs of the `sturing` binary built next to the test bundle.
@Suite struct CLITests {
    func lines(_ path: URL) throws -> [String] {
        try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func analyzeDemoCorpusThenCacheHits() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let cache = work.appendingPathComponent("cache").path
        let first = try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--cache", cache, "--top", "2"])
        #expect(first.status == 0, "\(first.stderr) \((try? String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)) ?? "")")
        // The command line speaks the run's language (issue 25): Dutch by default, with plurals.
        #expect(first.stdout.contains("sturing: 13 plannen gescoord, 0 fouten (tekstcache: 0 uit de cache, 13 gelezen)"), "\(first.stdout)")
        #expect(first.stdout.contains("sturing: geschreven: "))
        #expect(first.stderr.contains("[13/13]") && first.stderr.contains("pagina's") && !first.stderr.contains(" pages"), "\(first.stderr)")
        let scores = try lines(out.appendingPathComponent("scores.csv"))
        #expect(scores.count == 14)
        #expect(scores[0].hasPrefix("municipality,file,category,region,province,title,year,plan_type,tokens,pages,signal_words,ranked,PA_count,NPM_count,NPG_count,SR_count,PA_share,NPM_share,NPG_share,SR_share"))
        #expect(scores[1].hasPrefix("Regelrecht,Corpus/regelrecht-wmo-2015.pdf,100.000-,oost,Gelderland"))
        #expect(try lines(out.appendingPathComponent("documents.jsonl")).count == 13)
        #expect(try lines(out.appendingPathComponent("errors.csv")) == ["file,error"])
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("| rechtmatige overheid (PA) | Regelrecht | 1 |"))
        // The lexicon check speaks Dutch in a Dutch report (issue 25).
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("niets gevonden: &#39;opvangen&#39; (PA) vond niets in 13 documenten") && !report.contains("matched nothing"))
        // So do the documents' warnings: the demo scan's OCR note (issue 25).
        #expect(report.contains("Scanhoven: pagina&#39;s 1–4 zijn met OCR gelezen (tesseract") && !report.contains("read by OCR"), "\(report)")
        #expect(summary.contains("pagina's 1–4 zijn met OCR gelezen") && !summary.contains("read by OCR"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == [".sturing.lock", "corpus.json", "documents.jsonl", "errors.csv", "report.html", "run.json", "scores.csv", "scores.json", "scores.xlsx", "summary.md"])

        let second = try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--cache", cache, "--match", "exact", "--overwrite", "--lang", "en"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("13 plans scored, 0 errors (text cache: 13 hits, 0 misses)"), "\(second.stdout)")
        #expect(second.stderr.contains(" pages") && !second.stderr.contains("pagina"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("scores.json"))) as! [String: Any]
        #expect(json["match"] as? String == "exact")
        #expect((json["inputs"] as? [[String: String]])?.count == 13)
        // The scan, the web page and the Word plan of the demo are read in their formats.
        let documents = try lines(out.appendingPathComponent("documents.jsonl")).joined(separator: "\n")
        #expect(documents.contains("were read by OCR (tesseract") && documents.contains("\"encoding\":\"html\"") && documents.contains("\"encoding\":\"docx\""))
        #expect(documents.contains("\"kind\":\"ocr-pages\""))
        // The English report keeps the English sentence, read back from the cache's notices.
        let english = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(english.contains("pages 1-4 were read by OCR (tesseract"))
    }

    @Test func analyzeWithBadFilesReportsThemAndScoresTheRest() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let corpus = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let fm = FileManager.default
        try fm.copyItem(at: TestBinary.root.appendingPathComponent("Corpus/regelrecht-wmo-2015.pdf"), to: corpus.appendingPathComponent("regelrecht.pdf"))
        try fm.copyItem(at: TestBinary.root.appendingPathComponent("Corpus/meedoenburg-wmo-2015.txt"), to: corpus.appendingPathComponent("meedoenburg.txt"))
        try fm.copyItem(at: TestBinary.fixtures.appendingPathComponent("encrypted.pdf"), to: corpus.appendingPathComponent("geheim.pdf"))
        try fm.copyItem(at: TestBinary.fixtures.appendingPathComponent("empty.txt"), to: corpus.appendingPathComponent("leeg.txt"))
        try fm.copyItem(at: TestBinary.fixtures.appendingPathComponent("hyphenation.pdf"), to: corpus.appendingPathComponent("extra.pdf"))
        let manifest = """
            file;municipality;category;region;province
            regelrecht.pdf;Regelrecht;100.000-;oost;Gelderland
            meedoenburg.txt;Meedoenburg;100.000-;zuid;Limburg
            geheim.pdf;Geheimstad;100.000-;west;Utrecht
            leeg.txt;Leegdorp;100.000-;noord;Groningen
            ontbreekt.pdf;Nergens;100.000-;noord;Drenthe
            kapot.pdf;Kapot;reusachtig;noord;Drenthe

            """
        try Data(manifest.utf8).write(to: corpus.appendingPathComponent("manifest.csv"))
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyze", corpus.path, "--out", out.path, "--no-cache"])
        #expect(r.status == 1)
        let scores = try lines(out.appendingPathComponent("scores.csv"))
        #expect(scores.dropFirst().map { String($0.prefix { $0 != "," }) } == ["Regelrecht", "Meedoenburg", "extra"])
        let errors = try lines(out.appendingPathComponent("errors.csv")).joined(separator: "\n")
        #expect(errors.contains("manifest.csv:7"))
        #expect(errors.contains("unknown category 'reusachtig'"))
        #expect(errors.contains("ontbreekt.pdf"))
        #expect(errors.contains("geheim.pdf"))
        #expect(errors.contains("encrypted"))
        #expect(errors.contains("leeg.txt"))
        #expect(r.stderr.contains("extra.pdf staat niet in manifest.csv: gescoord als een eigen plan 'extra'"), "\(r.stderr)")
        #expect(try lines(out.appendingPathComponent("documents.jsonl")).count == 7)
        // The Dutch report explains the files it could not read in Dutch (errors.csv stays English),
        // also when it is made again from scores.json.
        for _ in 0..<2 {
            let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(report.contains("de PDF is met een wachtwoord versleuteld") && report.contains("leeg bestand, 0 bytes"))
            #expect(!report.contains("PDF is encrypted") && !report.contains("empty file"))
            #expect(report.contains("Leegdorp: geen enkel bestand kon worden gescoord") && !report.contains("no file could be scored"))
            #expect(try TestBinary.run(["report", out.path]).status == 0)
        }
    }

    @Test func exitCodes() throws {
        #expect(try TestBinary.run(["score", "Corpus/regelrecht-wmo-2015.pdf"]).status == 0)
        #expect(try TestBinary.run(["score", "Corpus/regelrecht-wmo-2015.pdf", "does-not-exist.pdf"]).status == 1)
        #expect(try TestBinary.run(["score", "--match", "fuzzy", "Corpus/regelrecht-wmo-2015.pdf"]).status == 2)
        #expect(try TestBinary.run(["frobnicate"]).status == 2)
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let bad = work.appendingPathComponent("bad.yaml")
        try Data("entries:\n  - {term: meten, perspective: XX}\n".utf8).write(to: bad)
        let r = try TestBinary.run(["score", "--lexicon", bad.path, "Corpus/regelrecht-wmo-2015.pdf"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:2: entry 'meten': unknown perspective 'XX'"))
        #expect(try TestBinary.run(["analyze", "no-such-folder"]).status == 2)
    }

    @Test func rankAndSelectOnAppendixG() throws {
        let rank = try TestBinary.run(["rank", TestBinary.appendixG, "--format", "json"])
        #expect(rank.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(rank.stdout.utf8)) as! [String: Any]
        let all = (json["means"] as! [String: Any])["all"] as! [String: Any]
        #expect(all["n"] as? Int == 49)
        #expect(((all["SR"] as! Double) * 10).rounded() / 10 == 31.1)
        #expect(rank.stderr.contains("Hoorn's shares add up to 101.3"))
        let select = try TestBinary.run(["select", TestBinary.appendixG, "--format", "json"])
        let cases = (try JSONSerialization.jsonObject(with: Data(select.stdout.utf8)) as! [String: Any])["cases"] as! [[String: Any]]
        #expect(cases.prefix(3).map { $0["municipality"] as? String } == ["Haarlemmermeer", "Zwolle", "Helmond"])
    }

    @Test func kwicShowsCountedOccurrences() throws {
        let r = try TestBinary.run(["kwic", "Tests/SturingIngestTests/Fixtures/running-header.pdf", "--term", "samenwerken", "--format", "csv"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 3)  // header + the two body occurrences; the running header is not counted
        #expect(rows[1].hasPrefix(",Tests/SturingIngestTests/Fixtures/running-header.pdf,2,NPG,samenwerken,Visie Wij willen,samenwerken,"))
        #expect(try TestBinary.run(["kwic", "Corpus", "--perspective", "XX"]).status == 2)
        let unknown = try TestBinary.run(["kwic", "Corpus", "--term", "kadres"])
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean 'kaders'"))
    }

    /// Issue 14: any word or pattern, with the municipality from the folder's manifest; CSV in both dialects.
    @Test func kwicFindsAnyWordOrPattern() throws {
        let cache = try DemoCache.copy()
        let words = try TestBinary.run(["kwic", "Corpus", "--word", "Regels", "--format", "csv", "--cache", cache])
        #expect(words.status == 0)
        let rows = words.stdout.split(separator: "\n").map(String.init)
        #expect(rows[0] == "municipality,file,page,perspective,term,left,match,right")
        #expect(rows.count > 5)
        #expect(rows.dropFirst().allSatisfy { $0.contains(",regels,") || $0.contains(",Regels,") })
        #expect(rows.contains { $0.hasPrefix("Regelrecht,Corpus/regelrecht-wmo-2015.pdf,") })
        // The same lines without the text cache: the cache gives the text the files give.
        let uncached = try TestBinary.run(["kwic", "Corpus", "--word", "Regels", "--format", "csv"])
        #expect(uncached.stdout == words.stdout)
        let pattern = try TestBinary.run(["kwic", "Corpus", "--pattern", "doel*", "--format", "csv", "--csv-dialect", "excel-nl", "--cache", cache])
        #expect(pattern.status == 0)
        #expect(pattern.stdout.hasPrefix("\u{FEFF}municipality;file;page"))
        #expect(pattern.stdout.contains(";doelmatig;") && pattern.stdout.contains(";doeltreffende;"))
        #expect(try TestBinary.run(["kwic", "Corpus", "--word", "doel*"]).status == 2)
        #expect(try TestBinary.run(["kwic", "Corpus", "--pattern", "doel"]).status == 2)
        #expect(try TestBinary.run(["kwic", "Corpus", "--word", "regels", "--term", "kaders"]).status == 2)
    }

    /// Issue 14: the cache lives beside the output folder; `cache info` shows it and `cache prune`
    /// removes what this version cannot use, then what is older or over a size.
    @Test func theCacheLivesBesideTheOutputAndCanBeTrimmed() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("runs/2024")
        #expect(try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--quiet"]).status == 0)
        let cache = work.appendingPathComponent("runs/.cache")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let info = try TestBinary.run(["cache", "info", cache.path])
        #expect(info.status == 0)
        #expect(info.stdout.contains("texts: 13 files"))
        try Data("x".utf8).write(to: cache.appendingPathComponent("ingest-1-poppler0-old.cache"))
        try Data("keep".utf8).write(to: cache.appendingPathComponent("notes.txt"))
        let stale = try TestBinary.run(["cache", "prune", cache.path])
        #expect(stale.stdout.contains("removed 1 file"))
        let all = try TestBinary.run(["cache", "prune", cache.path, "--max-size", "0"])
        #expect(all.stdout.contains("removed 26 files"))
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("notes.txt").path))
        #expect(try TestBinary.run(["cache", "prune", cache.path, "--older-than", "-1"]).status == 2)
    }

    /// Issue 14: `text --report` says per page what cleaning removed and joined.
    @Test func textReportShowsCleaningPerPage() throws {
        let r = try TestBinary.run(["text", "Tests/SturingIngestTests/Fixtures/running-header.pdf", "--report"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("Samenwerken aan zorg"))
        let pages = r.stderr.split(separator: "\n").filter { $0.hasPrefix("--- page ") }
        #expect(pages.count == 5)
        #expect(pages.allSatisfy { $0.contains("words; removed 'Samenwerken aan zorg'") })
        let hyphens = try TestBinary.run(["text", "Tests/SturingIngestTests/Fixtures/hyphenation.pdf", "--report"])
        #expect(hyphens.stderr.contains("line-end hyphens joined"))
    }

    /// Issue 14: --csv-dialect on rank and select.
    @Test func rankAndSelectWriteExcelCSV() throws {
        let rank = try TestBinary.run(["rank", TestBinary.appendixG, "--format", "csv", "--csv-dialect", "excel-nl"])
        #expect(rank.status == 0)
        #expect(rank.stdout.hasPrefix("\u{FEFF}list;group;n;perspective;rank;municipality;share\n"))
        #expect(rank.stdout.contains { $0 == "," })
        #expect(rank.stdout.hasSuffix("\n"))
        let select = try TestBinary.run(["select", TestBinary.appendixG, "--format", "csv", "--csv-dialect", "excel-nl"])
        #expect(select.status == 0)
        #expect(select.stdout.hasPrefix("\u{FEFF}role;municipality;rank;share;skipped;note\n"))
    }

    @Test func reportRedrawsFromScoresJSON() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        #expect(try TestBinary.run(["analyze", "Corpus", "--out", out.path, "--cache", try DemoCache.copy(), "--quiet", "--top", "2"]).status == 0)
        let original = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let target = work.appendingPathComponent("again.html")
        #expect(try TestBinary.run(["report", out.path, "--out", target.path]).status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8) == original)
        #expect(try TestBinary.run(["report", out.appendingPathComponent("scores.json").path, "--lang", "en", "--markdown"]).status == 0)
        let english = try String(contentsOf: out.appendingPathComponent("report.en.html"), encoding: .utf8)
        #expect(english.contains("Case selection"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.en.md").path))
        #expect(try TestBinary.run(["report", work.appendingPathComponent("nothing.json").path]).status == 2)
        // Issue 24: scores.json holds the run's settings whole (the schema's version with them),
        // and settings of a version this release does not read are refused, saying so.
        let scores = out.appendingPathComponent("scores.json")
        let json = try String(contentsOf: scores, encoding: .utf8)
        #expect(json.contains("\"corpus_plan_sha256\"") && json.contains("\"min_signal_words\": 20") && json.contains("\"version\": 1"))
        try Data(json.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 9").utf8).write(to: scores)
        let refused = try TestBinary.run(["report", scores.path, "--out", work.appendingPathComponent("v9.html").path])
        #expect(refused.status == 2 && refused.stderr.contains("version 9"), "\(refused.stderr)")
    }
}

extension CLITests {
    /// Issue 14: a typo in --exclude or --average is an error with the closest names.
    @Test func typosInNamesAreCaught() throws {
        let select = try TestBinary.run(["select", TestBinary.appendixG, "--exclude", "Haarlemermeer"])
        #expect(select.status == 2 && select.stderr.contains("did you mean 'Haarlemmermeer'"))
        let average = try TestBinary.run(["select", TestBinary.appendixG, "--average", "Amsterdm"])
        #expect(average.status == 2 && average.stderr.contains("'Amsterdam'"))
        #expect(try TestBinary.run(["select", TestBinary.appendixG, "--exclude", "Haarlemmermeer", "--average", "Zwolle"]).status == 0)
        let version = try TestBinary.run(["--version"])
        #expect(version.stdout.contains("ICU") && version.stdout.contains("poppler") && version.stdout.contains("tesseract"))
    }
}
