import Foundation
import SturingTestSupport
import Testing

/// Issue 9: an output folder holds exactly one run; the corpus is what the user meant.
@Suite struct RunFolderTests {
    static let demo = TestBinary.root.appendingPathComponent("Corpus")

    /// A corpus folder with `names` copied from the demo corpus (no manifest).
    static func corpus(_ work: URL, _ names: [String]) throws -> URL {
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: plans.appendingPathComponent(name))
        }
        return plans
    }

    static let texts = ["kaderkerk-wmo-2015.txt", "meedoenburg-wmo-2015.txt", "netwerkerveen-wmo-2015.txt"]

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func aSecondRunIntoTheSameFolderIsRefusedUnlessOverwrite() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = try Self.corpus(work, Self.texts)
        let out = work.appendingPathComponent("out")
        #expect(try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--quiet"]).status == 0)
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as! [String: Any]
        #expect(run["status"] as? String == "finished" && run["run_id"] is String && run["started"] is String && run["finished"] is String)
        #expect((run["settings"] as? [String: Any])?["match"] as? String == "lexicon")
        let again = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--quiet"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--resume") && again.stderr.contains("--overwrite"))
        // --overwrite removes what the run wrote, and nothing else.
        try Data("mijn aantekeningen".utf8).write(to: out.appendingPathComponent("notities.txt"))
        let jsonl = try read(out.appendingPathComponent("documents.jsonl"))
        #expect(try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--quiet", "--overwrite"]).status == 0)
        #expect(try read(out.appendingPathComponent("notities.txt")) == "mijn aantekeningen")
        #expect(try read(out.appendingPathComponent("documents.jsonl")).split(separator: "\n").count == jsonl.split(separator: "\n").count)
    }

    @Test(.timeLimit(.minutes(5))) func aSecondProcessOnTheSameFolderStops() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = try Self.corpus(work, Self.texts)
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let fd = open(out.appendingPathComponent(".sturing.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let r = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("another sturing process"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("scores.csv").path))
    }

    @Test func anUnwritableOutputFolderIsAClearErrorNotACrash() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = try Self.corpus(work, Self.texts)
        let blocker = work.appendingPathComponent("een-bestand")
        try Data("x".utf8).write(to: blocker)
        let r = try TestBinary.run(["analyze", plans.path, "--out", blocker.appendingPathComponent("out").path, "--no-cache", "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("een-bestand/out") && r.stderr.contains("cannot create the output folder"))
        let onFile = try TestBinary.run(["analyze", plans.path, "--out", blocker.path, "--no-cache", "--quiet"])
        #expect(onFile.status == 2 && onFile.stderr.contains("is a file, not a folder"))
    }

    /// kill -9 part-way, --resume, and the tables equal those of an uninterrupted run.
    @Test(.timeLimit(.minutes(5))) func resumeAfterKillGivesTheSameTables() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = try Self.corpus(work, Self.texts + ["regelrecht-wmo-2015.pdf", "prestadam-wmo-2015.pdf"])
        // Sorted after the demo plans: the run stalls on it, and is killed there.
        try HostilePDF.fanOut().write(to: plans.appendingPathComponent("zz-eindeloos.pdf"))
        try Data("Wij willen samenwerken met inwoners en partners in de wijk.".utf8).write(to: plans.appendingPathComponent("zzz-kort.txt"))
        let reference = work.appendingPathComponent("reference")
        let full = try TestBinary.run(["analyze", plans.path, "--out", reference.path, "--no-cache", "--quiet", "--jobs", "1", "--file-timeout", "1"])
        #expect(full.status == 1)

        let out = work.appendingPathComponent("out")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestBinary.binary)
        p.arguments = ["analyze", plans.path, "--out", out.path, "--no-cache", "--quiet", "--jobs", "1", "--file-timeout", "600"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let journal = out.appendingPathComponent("documents.jsonl")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let lines = (try? read(journal))?.split(separator: "\n").count ?? 0
            if lines >= 5 { break }
            usleep(50_000)
        }
        usleep(300_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(try read(journal).split(separator: "\n").count == 5)  // the hanging PDF is not journaled
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("scores.csv").path))

        let resumed = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--jobs", "1", "--file-timeout", "1", "--resume"])
        #expect(resumed.status == 1, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("5 behouden uit de onderbroken run"))
        for name in ["scores.csv", "errors.csv"] {
            #expect(try read(out.appendingPathComponent(name)) == read(reference.appendingPathComponent(name)), "\(name)")
        }
        // scores.json equals too, but for the run's date and cache figures.
        func stable(_ url: URL) throws -> String {
            try read(url).split(separator: "\n").filter { !$0.contains("\"date\"") }.joined(separator: "\n")
        }
        #expect(try stable(out.appendingPathComponent("scores.json")) == stable(reference.appendingPathComponent("scores.json")))
        #expect(try read(out.appendingPathComponent("documents.jsonl")).split(separator: "\n").count == 7)

        // Another match mode cannot resume this run.
        let other = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--resume", "--match", "exact"])
        #expect(other.status == 2)
        #expect(other.stderr.contains("other settings") && other.stderr.contains("match"))
        // A setting only one side has (a context model) is named too.
        let weighed = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--resume", "--disambiguate"])
        #expect(weighed.status == 2 && weighed.stderr.contains("context_model"), "\(weighed.stderr)")
    }

    @Test func theCorpusIsWhatTheUserMeant() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = try Self.corpus(work, ["kaderkerk-wmo-2015.txt", "meedoenburg-wmo-2015.txt"])
        let fm = FileManager.default
        // Outside the corpus: a secret next to it, reached by ../, an absolute path, and a link.
        try Data("Geheime regels en kaders van de gemeente.".utf8).write(to: work.appendingPathComponent("geheim.txt"))
        try fm.createSymbolicLink(atPath: plans.appendingPathComponent("link-naar-geheim.txt").path, withDestinationPath: work.appendingPathComponent("geheim.txt").path)
        // The same plan twice, and a regional plan shared byte for byte by two municipalities.
        try fm.copyItem(at: plans.appendingPathComponent("meedoenburg-wmo-2015.txt"), to: plans.appendingPathComponent("regio-kopie.txt"))
        // An earlier run's output folder inside the corpus, under any name.
        let old = plans.appendingPathComponent("oude-uitvoer")
        try fm.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("{\"tool\": {\"name\": \"sturing\"}, \"run_id\": \"x\"}".utf8).write(to: old.appendingPathComponent("run.json"))
        try Data("<html>regels kaders regels</html>".utf8).write(to: old.appendingPathComponent("report.html"))
        // A link loop in a subfolder.
        let sub = plans.appendingPathComponent("sub")
        try fm.createDirectory(at: sub, withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: sub.appendingPathComponent("lus").path, withDestinationPath: sub.path)
        let manifest = """
            file,municipality
            kaderkerk-wmo-2015.txt,Kaderkerk
            ./kaderkerk-wmo-2015.txt,Kaderkerk bis
            meedoenburg-wmo-2015.txt,Meedoenburg
            regio-kopie.txt,Regiodorp
            ../geheim.txt,Geheimstad
            \(work.appendingPathComponent("geheim.txt").path),Absoluutstad
            link-naar-geheim.txt,Linkstad

            """
        try Data(manifest.utf8).write(to: plans.appendingPathComponent("manifest.csv"))
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyze", plans.path, "--out", out.path, "--no-cache", "--min-signal-words", "0"])
        #expect(r.status == 1, "\(r.stderr)")
        let errors = TrustTests.csvRows(try read(out.appendingPathComponent("errors.csv")))
        let outside = errors.filter { $0[1].contains("outside the corpus folder") }.map { $0[0] }
        #expect(Set(outside) == ["../geheim.txt", work.appendingPathComponent("geheim.txt").path, "link-naar-geheim.txt"])
        let scores = TrustTests.csvRows(try read(out.appendingPathComponent("scores.csv")))
        #expect(scores.dropFirst().map { $0[0] } == ["Kaderkerk", "Meedoenburg", "Regiodorp"])
        let html = try read(out.appendingPathComponent("report.html"))
        #expect(!html.contains("Geheime"))
        #expect(r.stderr.contains("is hetzelfde bestand als kaderkerk-wmo-2015.txt"), "\(r.stderr)")
        #expect(r.stderr.contains("identieke bestanden:") && r.stderr.contains("regio-kopie.txt"))
        #expect(try read(out.appendingPathComponent("summary.md")).contains("identieke bestanden"))
        #expect(try read(out.appendingPathComponent("scores.json")).contains("identical files:"))  // the English sentence is kept
        #expect(r.stderr.contains("is een symbolische koppeling en wordt niet gevolgd"))

        // With --follow-links the loop is reported in errors.csv, never followed.
        let out2 = work.appendingPathComponent("out2")
        let r2 = try TestBinary.run(["analyze", plans.path, "--out", out2.path, "--no-cache", "--quiet", "--follow-links", "--no-manifest"])
        #expect(r2.status == 1)
        let errors2 = try read(out2.appendingPathComponent("errors.csv"))
        #expect(errors2.contains("symbolic link loop"))
        let scores2 = try read(out2.appendingPathComponent("scores.csv"))
        #expect(!errors2.contains("oude-uitvoer") && !scores2.contains("oude-uitvoer"))
    }
}
