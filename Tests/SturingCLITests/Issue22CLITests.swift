import Foundation
import SturingTestSupport
import Testing

/// Issue 22 end to end: what a corpus folder of mixed formats gives (items 3, 4 and 9).
@Suite struct Issue22CLITests {
    static let cvdr = """
        <?xml version="1.0" encoding="utf-8"?><cvdr xmlns:dcterms="http://purl.org/dc/terms/"><meta><owmskern>\
        <dcterms:identifier>112779_1</dcterms:identifier><dcterms:title>Verordening maatschappelijke ondersteuning</dcterms:title>\
        <dcterms:creator scheme="overheid:Gemeente">Spijkenisse</dcterms:creator></owmskern><owmsmantel><dcterms:issued>2015-01-06</dcterms:issued>\
        </owmsmantel></meta><body><regeling><al>Wij regelen de toegang tot de zorg binnen kaders en met rechtsbescherming.</al>\
        <al>Samen met partners werken wij in wijkteams; inwoners doen mee.</al></regeling></body></cvdr>
        """

    @Test func aMixedFolderIsReadAndNamed() throws {
        let dir = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("plannen")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: corpus.appendingPathComponent(name)) }
        let plan = "Wij regelen de zorg binnen kaders. Samen met partners werken wij. Inwoners doen mee."
        try write("bgr.html", "<html><body><p>\(plan)</p></body></html>")
        try write("bgr.txt", plan)
        try write("cvdr112779.xml", Self.cvdr)
        try write("toelichting.md", "# Toelichting\n\nWij [regelen](https://regels.nl/kaders/regelen) de zorg samen met **inwoners**.\n")
        try write("instellingen.json", "{\"kleur\": \"blauw\"}")
        try write("gegevens.csv", "a,b\n1,2\n")
        try write("README.md", "# Over deze map\n")
        let out = dir.appendingPathComponent("out")
        let run = try TestBinary.run(["analyze", corpus.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
        let names = rows.map { String($0.prefix { $0 != "," }) }.sorted()
        // Before: two rows named "bgr" (no warning), the JSON, CSV and Markdown skipped silently, and
        // the CVDR file a plan "cvdr112779" whose tag names and metadata were counted.
        #expect(names == ["Spijkenisse", "bgr (bgr.html)", "bgr (bgr.txt)", "toelichting"])
        let spijkenisse = try #require(rows.first { $0.hasPrefix("Spijkenisse,") })
        #expect(spijkenisse.contains(",Verordening maatschappelijke ondersteuning,2015,"))
        // The run's warnings in its language (Dutch by default); the JSON-file reason comes from the sniffer.
        #expect(run.stderr.contains("zouden allemaal het plan 'bgr' zijn"), "\(run.stderr)")
        #expect(run.stderr.contains("instellingen.json is not read: JSON, but not an Open Raadsinformatie or Notubiz export"))
        #expect(run.stderr.contains("niet als plannen gelezen: \(corpus.path)/gegevens.csv"))
        #expect(run.stderr.contains("de gemeente die de metadata (CVDR) noemen"))
        #expect(!run.stderr.contains("README"))
        let documents = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
        #expect(documents.contains("\"metadata\":{\"source\":\"CVDR\",\"title\":\"Verordening maatschappelijke ondersteuning\",\"municipality\":\"Spijkenisse\",\"date\":\"2015-01-06\",\"identifier\":\"112779_1\"}"))
    }

    @Test func rankNoLongerSaysUnrankedDuplicatesAreRanked() throws {
        let dir = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("scores.csv")
        try Data("municipality,PA,NPM,NPG,SR,signal_words\nbgr,25,25,25,25,4\nbgr,40,20,20,20,5\nAlfa,25,25,25,25,100\n".utf8).write(to: table)
        let run = try TestBinary.run(["rank", table.path])
        #expect(!run.stderr.contains("both rows are ranked"))
        #expect(run.stderr.contains("bgr appears twice (first on line 2); the rows are kept as two plans"))
        #expect(run.stderr.contains("bgr is not ranked"))
    }
}

extension Issue22CLITests {
    /// Item 1: a scan under OCR at a tight memory limit is read in full or stopped with a message
    /// that names the limit; it never comes out with fewer words than without a limit.
    @Test func aScanUnderATightMemoryLimitIsReadInFullOrNamed() throws {
        let dir = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("plannen")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestBinary.root.appendingPathComponent("Corpus/scanhoven-wmo-2015.pdf"),
                                         to: corpus.appendingPathComponent("scanhoven-wmo-2015.pdf"))
        func tokens(_ memory: String) throws -> (Int?, TestBinary.Run) {
            let out = dir.appendingPathComponent("out-\(memory)")
            let run = try TestBinary.run(["analyze", corpus.path, "--out", out.path, "--bootstrap", "0", "--file-memory", memory, "--no-cache"])
            let rows = (try? String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8))?.split(separator: "\n") ?? []
            guard rows.count == 2 else { return (nil, run) }
            let header = rows[0].split(separator: ",", omittingEmptySubsequences: false)
            let column = try #require(header.firstIndex(of: "tokens"))
            return (Int(rows[1].split(separator: ",", omittingEmptySubsequences: false)[column]), run)
        }
        let (free, freeRun) = try tokens("0")
        let full = try #require(free, "\(freeRun.stderr)")
        #expect(full > 300)
        let (tight, tightRun) = try tokens("300")
        if let tight {
            #expect(tight == full)
        } else {
            #expect(tightRun.stderr.contains("memory limit of 300 MB"), "\(tightRun.stderr)")
        }
    }
}
