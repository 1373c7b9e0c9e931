import ArgumentParser
import Foundation
import SturingCore
import SturingReport
import SturingText

/// `sturing lexicon show|check`: what a lexicon holds, and where it is weak.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon", abstract: "Show or check a lexicon.", subcommands: [Show.self, Check.self])

    /// Loads LEXICON or the built-in one.
    static func load(_ path: String?) throws -> Lexicon {
        do { return try path.map { try LexiconLoader.load(path: $0) } ?? LexiconLoader.builtin() } catch {
            throw CLIError(description: "\(error)")
        }
    }

    /// `sturing lexicon show [LEXICON]`: terms, rules and notes.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the terms of a lexicon with their rules and notes.")

        @Argument(help: "A lexicon file (default: the built-in nijdam-2019).")
        var lexicon: String?

        func run() throws {
            let l = try LexiconCommand.load(lexicon)
            print(Escape.terminal("\(l.name) \(l.version) (\(l.entries.count) terms, default match \(l.defaultMatch.rawValue), sha256 \(l.sha256.prefix(12))…)"))
            for p in Perspective.allCases {
                print("\n\(p.code) \(l.labels[p] ?? p.dutchLabel)")
                for e in l.entries where e.perspective == p {
                    var line = "  \(e.term) [\(e.match.rawValue)]"
                    if !e.include.isEmpty { line += " +\(e.include.joined(separator: ","))" }
                    if !e.exclude.isEmpty { line += " −\(e.exclude.joined(separator: ","))" }
                    if !e.excludePhrases.isEmpty { line += " not in: \(e.excludePhrases.joined(separator: " | "))" }
                    print(Escape.terminal(line))
                    if !e.note.isEmpty { print("      " + Escape.terminal(e.note)) }
                }
            }
        }
    }

    /// `sturing lexicon check [LEXICON] [--corpus OUT]`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find overlapping terms, and on a run's documents: terms never matched, their forms, very frequent forms, dominant terms.")

        @Argument(help: "A lexicon file (default: the built-in nijdam-2019).")
        var lexicon: String?

        @Option(name: .long, help: "An analyze output folder whose documents (documents.jsonl) to check the lexicon on.")
        var corpus: String?

        @Option(name: .long, help: "table | json")
        var format: TableFormat = .table

        @Option(name: .long, help: "exact | stem | lexicon")
        var match: MatchSetting = .lexicon

        func run() throws {
            let l = try LexiconCommand.load(lexicon)
            var documents = [DocumentScore]()
            if let corpus {
                let journal = (corpus as NSString).appendingPathComponent("documents.jsonl")
                guard FileManager.default.fileExists(atPath: journal) else {
                    throw CLIError(description: "\(corpus): no documents.jsonl (give an analyze output folder)")
                }
                documents = JSONLinesFile.lines(path: journal).compactMap { line in
                    (try? JSONValue.parse(line)).flatMap { $0["error"] == nil ? ScoreJSON.decodeDocument($0) : nil }
                }
                printNote("checking on \(documents.count) document(s) of \(corpus) (scored with that run's lexicon and match mode)")
            }
            let check: LexiconCheck
            do { check = try LexiconCheck(l, setting: match, documents: documents) } catch { throw CLIError(description: "\(error)") }
            if format == .json {
                let json = JSONValue.object([
                    ("lexicon", .object([("name", .string(l.name)), ("version", .string(l.version)), ("sha256", .string(l.sha256))])),
                    ("findings", .array(check.findings.map { .object([("kind", .string($0.kind)), ("term", .string($0.term)), ("message", .string($0.message))]) })),
                    ("terms", .array(check.terms.map { t in
                        .object([("term", .string(t.term)), ("perspective", .string(t.perspective.code)), ("count", .int(t.count)),
                                 ("share_of_perspective", .double(t.shareOfPerspective)),
                                 ("forms", .object(t.forms.map { ($0.form, .int($0.count)) })),
                                 ("excluded", .object(t.excluded.map { ($0.form, .int($0.count)) }))])
                    })),
                ])
                print(json.pretty(), terminator: "")
                return
            }
            print(check.findings.isEmpty ? "no findings" : "\(check.findings.count) finding(s):")
            for f in check.findings { print(Escape.terminal("  [\(f.kind)] \(f.message)")) }
            if !check.terms.isEmpty {
                print("\nforms matched per term (count, share of its perspective):")
                for t in check.terms where t.count > 0 {
                    let forms = t.forms.prefix(6).map { "\($0.form) \($0.count)" }.joined(separator: ", ")
                    let ex = t.excluded.isEmpty ? "" : "; excluded: " + t.excluded.prefix(4).map { "\($0.form) \($0.count)" }.joined(separator: ", ")
                    print(Escape.terminal("  \(t.perspective.code) \(t.term): \(t.count) (\(String(format: "%.1f", t.shareOfPerspective)) %) — \(forms)\(ex)"))
                }
            }
        }
    }
}
