import Foundation
import SturingTestSupport
import Testing

/// Issue 25: `analyse` is `analyze`, a mistyped command is named with a suggestion (exit 2), and
/// the help texts name every format read.
@Suite struct CommandLineTests {
    @Test func analyseIsAnAliasOfAnalyze() throws {
        let work = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TrustTests.demo.appendingPathComponent("kaderkerk-wmo-2015.txt"), to: plans.appendingPathComponent("kaderkerk.txt"))
        let out = work.appendingPathComponent("out")
        let r = try TestBinary.run(["analyse", plans.path, "--out", out.path, "--no-cache", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("scores.xlsx").path))
        #expect(try TestBinary.run(["analyse", "--help"]).stdout.contains("USAGE: sturing analyze"))
    }

    @Test func mistypedCommandsAreNamedWithASuggestion() throws {
        let cases = [(["hlep"], "sturing: onbekende opdracht 'hlep'; bedoelde u 'help'?"),
                     (["analyz", "Corpus"], "sturing: onbekende opdracht 'analyz'; bedoelde u 'analyze'?"),
                     (["lexicon", "chek"], "sturing: onbekende opdracht 'lexicon chek'; bedoelde u 'lexicon check'?"),
                     (["hlep", "--lang", "en"], "sturing: unknown command 'hlep'; did you mean 'help'?")]
        for (arguments, message) in cases {
            let r = try TestBinary.run(arguments)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stderr == message + "\n", "\(arguments): \(r.stderr)")
        }
        let far = try TestBinary.run(["frobnicate"])
        #expect(far.status == 2)
        #expect(far.stderr.hasPrefix("sturing: onbekende opdracht 'frobnicate'; de opdrachten zijn: analyze, score,"))
        // Known commands and options still reach the parser.
        #expect(try TestBinary.run(["help"]).status == 0)
        #expect(try TestBinary.run(["--version"]).status == 0)
        #expect(try TestBinary.run(["lexicon", "show"]).status == 0)
    }

    @Test func helpNamesEveryFormatRead() throws {
        let formats = ["PDF", "text", "Markdown", "web page", "Word .docx", "OpenDocument .odt", "CVDR", "BWB",
                       "officielebekendmakingen", "rechtspraak", "Open Raadsinformatie", "Notubiz JSON"]
        for command in [["--help"], ["analyze", "--help"], ["score", "--help"], ["text", "--help"], ["kwic", "--help"]] {
            // The help is wrapped at the terminal width: compare with the line breaks taken out.
            let help = try TestBinary.run(command).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for format in formats { #expect(help.contains(format), "\(command) does not name \(format)") }
        }
    }
}
