import Foundation
import SturingTestSupport
import Testing

/// PDFs, scans, web pages and Word files are read by the `sturing-extract` helper beside
/// `sturing`; the main process loads none of their libraries (they cost about 25 ms of every
/// start) and still names their versions.
@Suite struct ExtractionHelperTests {
    static var helper: String {
        URL(fileURLWithPath: TestBinary.binary).deletingLastPathComponent().appendingPathComponent("sturing-extract").path
    }

    /// The shared libraries a binary needs, as the dynamic linker resolves them.
    static func sharedLibraries(_ binary: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        p.arguments = [binary]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = TestBinary.readAll(out)
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func mainProcessLoadsNoExtractionLibrary() throws {
        let main = try Self.sharedLibraries(TestBinary.binary)
        let helper = try Self.sharedLibraries(Self.helper)
        for library in ["libpoppler", "libtesseract", "libleptonica", "libcairo", "libxml2", "libzip", "libarchive", "libcurl"] {
            #expect(!main.contains(library), "sturing links \(library)")
        }
        for library in ["libpoppler-glib", "libtesseract", "libxml2", "libzip"] {
            #expect(helper.contains(library), "sturing-extract does not link \(library)")
        }
    }

    @Test func versionsNamedByTheMainProcessAreTheHelpersOwn() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.helper)
        p.arguments = ["--versions"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let loaded = String(decoding: TestBinary.readAll(out), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "the libraries loaded are not those sturing was built with: \(loaded)")
        let version = try TestBinary.run(["--version"]).stdout
        let parts = loaded.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: ", ")
        #expect(parts.count == 3 && parts[0].hasPrefix("poppler ") && parts[1].hasPrefix("tesseract ") && parts[2].hasPrefix("libzip "))
        for part in parts { #expect(version.contains(part), "--version lacks '\(part)': \(version)") }
    }

    @Test func missingHelperIsAClearErrorForThoseFilesOnly() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let alone = work.appendingPathComponent("sturing").path
        try FileManager.default.copyItem(atPath: TestBinary.binary, toPath: alone)
        let text = work.appendingPathComponent("plan.txt")
        try Data("De gemeente werkt samen met partners in de wijk.\n".utf8).write(to: text)
        let pdf = TestBinary.fixtures.appendingPathComponent("running-header.pdf").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: alone)
        p.arguments = ["score", text.path, pdf, "--format", "csv"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = String(decoding: TestBinary.readAll(out), as: UTF8.self)
        let stderr = String(decoding: TestBinary.readAll(err), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(stdout.contains("plan.txt"), "the text file is still scored: \(stdout)")
        #expect(stderr.contains("running-header.pdf") && stderr.contains("sturing-extract") && stderr.contains("make install"), "\(stderr)")
    }
}
