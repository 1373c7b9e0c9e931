import ArgumentParser
import Foundation
import SturingCore
import SturingReport
import SturingText

/// `sturing lexicon show|check`: what a lexicon holds, and where it is weak.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon", abstract: "Show, check, import or export a lexicon, explain its context model, or suggest new signal words.", subcommands: [Show.self, Check.self, Import.self, Export.self, Explain.self, Suggest.self])

    /// Loads LEXICON or the built-in one.
    static func load(_ path: String?) throws -> Lexicon {
        try LexiconLoader.loadNamed(path)
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
                    if !e.separable.isEmpty { line += " split: \(e.separable.joined(separator: " | "))" }
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
            check = try LexiconCheck(l, setting: match, documents: documents)
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

    /// `sturing lexicon import FILE`: a LIWC, LIWC-22, WordStat, quanteda or Lexicoder dictionary as a lexicon.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a LIWC .dic, LIWC-22 .dicx, WordStat .cat, quanteda YAML or Lexicoder .lc3 dictionary as a sturing lexicon.",
            discussion: "Run it with --list first to see the file's categories, then map them with --map.")

        @Argument(help: "The dictionary file.")
        var file: String

        @Option(name: .long, help: "dic | dicx | cat | yaml | lc3 (default: from the extension).")
        var format: DictionaryImport.Format?

        @Option(name: .long, help: "Categories to perspectives, e.g. \"1=PA,2=NPM,regels=PA\", or paths in nested files (\"africa/east=SR\"); categories named PA, NPM, NPG, SR map themselves.")
        var map: String?

        @Option(name: .long, help: "The language of the dictionary's words, written into the lexicon (default: und, unknown; nl for Dutch).")
        var language: String = "und"

        @Flag(name: .long, help: "List the file's categories (number or path, name, words) and how to map them; import nothing.")
        var list = false

        @Option(name: .long, help: "Write the lexicon (YAML) here; otherwise it is printed.")
        var out: String?

        func run() throws {
            let dictionary: DictionaryImport.Dictionary
            let mapping: DictionaryMapping
            dictionary = try DictionaryImport.read(path: file, format: format)
            mapping = try DictionaryMapping(parsing: map ?? "")
            if list {
                print(Escape.terminal("\(file): \(dictionary.format.rawValue) dictionary, \(dictionary.categories.count) categories, \(dictionary.wordCount) words"))
                for c in dictionary.categories { print(Escape.terminal("  \(c.description)")) }
                print("map them with --map, e.g. --map " + Escape.terminal(dictionary.example())
                      + " (categories named PA, NPM, NPG or SR map themselves; a path such as a/b maps every category below it)")
                for s in dictionary.skipped { printWarning(s) }
                return
            }
            let result: DictionaryImport.Result
            result = try dictionary.lexicon(mapping: mapping, language: language)
            let note = "Imported by sturing from \(file) (\(result.lexicon.entries.count) terms).\n" + result.skipped.map { "Not carried over: \($0)" }.joined(separator: "\n")
            let yaml = LexiconWriter.yaml(result.lexicon, note: note)
            if let out {
                try AtomicFile.write(yaml, to: out)
                printNote("wrote \(out): \(result.lexicon.entries.count) terms")
            } else {
                print(yaml, terminator: "")
            }
            for s in result.skipped { printWarning(s) }
            if !LexiconLanguageCheck.isDutch(language) {
                printWarning("the lexicon is labelled '\(language)', not Dutch: give --language nl when its words are Dutch (sturing scores Dutch plans; a dictionary for another language counts only chance words there)")
            }
        }
    }

    /// `sturing lexicon export`: a lexicon (or the forms it matched on a run) as LIWC .dic or quanteda YAML.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a lexicon as a LIWC .dic or quanteda YAML, or with --corpus the word forms it matched there (frozen).")

        @Argument(help: "A lexicon file (default: the built-in nijdam-2019).")
        var lexicon: String?

        @Option(name: .long, help: "dic | yaml")
        var format: String = "dic"

        @Option(name: .long, help: "An analyze output folder: export the forms the lexicon matched in its documents.")
        var corpus: String?

        @Option(name: .long, help: "Write here; otherwise print.")
        var out: String?

        func run() throws {
            let l = try LexiconCommand.load(lexicon)
            var frozen: [Perspective: [String]]?
            if let corpus {
                var forms = [Perspective: Set<String>]()
                for line in JSONLinesFile.lines(path: (corpus as NSString).appendingPathComponent("documents.jsonl")) {
                    guard let v = try? JSONValue.parse(line), v["error"] == nil, let d = ScoreJSON.decodeDocument(v) else { continue }
                    for p in Perspective.allCases { for t in d.terms[p] ?? [] { for f in t.forms { forms[p, default: []].insert(f.form) } } }
                }
                frozen = forms.mapValues { Array($0) }
            }
            let (terms, notes) = DictionaryExport.terms(l, frozenForms: frozen)
            let text: String
            switch format {
            case "dic": text = DictionaryExport.dic(terms)
            case "yaml", "yml": text = DictionaryExport.yaml(terms)
            default: throw CLIError(description: "--format must be dic or yaml")
            }
            if let out {
                try AtomicFile.write(text, to: out)
                printNote("wrote \(out): \(terms.count) terms")
            } else {
                print(text, terminator: "")
            }
            for n in Set(notes).sorted() { printWarning(n) }
        }
    }
}

extension DictionaryImport.Format: ExpressibleByArgument {}
