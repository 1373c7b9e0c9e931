import Foundation
import SturingCore
import Testing
@testable import SturingPipeline

@Suite struct ManifestTests {
    @Test func excelSemicolonWithBOMAndDutchHeaders() throws {
        let text = "\u{FEFF}bestand;gemeente;categorie;regio;provincie\na.pdf;Almere;100.000+;Oost;Flevoland\nb.pdf;Almere;100.000+;oost;Flevoland\n"
        let m = try Manifest.parse(text, path: "m.csv")
        #expect(m.rows.count == 2)
        #expect(m.rows[0].plan.municipality == "Almere")
        #expect(m.rows[0].plan.region == "oost")
        #expect(m.problems.isEmpty)
    }

    @Test func malformedRowsAreReportedWithLineNumbers() throws {
        let text = """
            file,municipality,category,region,province
            a.pdf,Almere,100.000+,oost,Flevoland
            b.pdf,,100.000+,oost,Flevoland
            c.pdf,Breda,groot,zuid,Noord-Brabant
            d.pdf,Delft,100.000-,midden,Zuid-Holland
            a.pdf,Almere,100.000+,oost,Flevoland
            ,Ede
            """
        let m = try Manifest.parse(text, path: "m.csv")
        #expect(m.rows.map(\.file) == ["a.pdf"])
        #expect(m.problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(m.problems[0].message.contains("no municipality"))
        #expect(m.problems[1].message.contains("unknown category 'groot'"))
        #expect(m.problems[2].message.contains("unknown region 'midden'"))
        #expect(m.problems[3].message.contains("listed twice"))
        #expect(m.problems[4].message.contains("no file name"))
    }

    @Test func headerWithoutRequiredColumnsIsFatal() {
        #expect(throws: ManifestError.self) { try Manifest.parse("naam,pad\nx,y\n", path: "m.csv") }
        #expect(throws: ManifestError.self) { try Manifest.parse("", path: "m.csv") }
    }

    @Test func unknownColumnsGiveAWarning() throws {
        let m = try Manifest.parse("file,municipality,inwoners\na.pdf,Ede,118000\n", path: "m.csv")
        #expect(m.rows.count == 1)
        #expect(m.warnings.count == 1)
    }

    @Test func corpusPlanJoinsRowsAndFlagsMissingAndUnlistedFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["a1.txt", "a2.txt", "b.txt", "extra.txt", "README.md", ".hidden.txt"] {
            try Data("tekst".utf8).write(to: dir.appendingPathComponent(name))
        }
        let text = "file,municipality,province\na1.txt,Almere,Flevoland\na2.txt,Almere,Flevoland\nb.txt,Breda,Noord-Brabant\nmissing.txt,Cuijk,Noord-Brabant\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        let manifest = try Manifest.load(path: dir.appendingPathComponent("manifest.csv").path)
        let plan = try CorpusPlan.make(directory: dir.path, manifest: manifest)
        #expect(plan.plans.map(\.municipality) == ["Almere", "Breda", "extra"])
        #expect(plan.plans[0].files.count == 2)
        #expect(plan.files.count == 4)
        #expect(plan.failures.map(\.file) == ["missing.txt"])
        #expect(plan.warnings.contains { $0.contains("extra.txt is not in manifest.csv") })
    }

    /// A manifest name that differs from a file's only in case matches it, with a warning; one
    /// that matches several files so is an error naming them.
    @Test func namesMatchIgnoringCaseWhenUnambiguous() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-case-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["Plan-Ede.PDF", "twee.txt", "TWEE.TXT"] { try Data("tekst".utf8).write(to: dir.appendingPathComponent(name)) }
        let text = "file,municipality\nplan-ede.pdf,Ede\ntwee.Txt,Tiel\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        let manifest = try Manifest.load(path: dir.appendingPathComponent("manifest.csv").path)
        let plan = try CorpusPlan.make(directory: dir.path, manifest: manifest)
        #expect(plan.plans.first?.municipality == "Ede")
        #expect(plan.plans.first?.files.first?.hasSuffix("Plan-Ede.PDF") == true)
        #expect(plan.warnings.contains { $0.contains("'plan-ede.pdf' matched") && $0.contains("when case is ignored") })
        #expect(plan.failures.count == 1)
        #expect(plan.failures.first?.error.contains("matches several files") == true)
    }

    @Test func shareTableChecks() throws {
        let text = "municipality;PA;NPM;NPG;SR;province\nA;20,0;30,0;25,0;25,0;P\nB;30;30;30;11,3;Q\nA;10;10;40;40;P\nC;10;;40;40;P\n"
        let t = try ShareTableReader.parse(text, path: "t.csv")
        #expect(t.rows.map(\.municipality) == ["A", "B", "A"])
        #expect(t.warnings.count == 3)
        #expect(t.warnings.contains { $0.contains("add up to 101.3") })
        #expect(t.warnings.contains { $0.contains("appears twice") })
        #expect(t.warnings.contains { $0.contains("no value for NPM") })
    }
}
