import ArgumentParser
import Foundation
import SturingCore
import SturingIngest
import SturingText

/// The options that choose and compile the lexicon, shared by the commands that match words.
struct LexiconOptions: ParsableArguments {
    @Option(name: .long, help: "Lexicon file (YAML, or CSV 'perspective,term'). Default: the built-in nijdam-2019 lexicon.")
    var lexicon: String?

    @Option(name: .long, help: "exact | stem | lexicon. exact/stem apply that pure mode to every term and ignore include/exclude lists.")
    var match: MatchSetting = .lexicon

    @Flag(name: .long, help: "Weigh each match by the probability that it signals its perspective, from its context (the lexicon's built-in context model, or --model). Shares are then of the expected counts; the raw ones stay beside them.")
    var disambiguate = false

    @Option(name: .long, help: "A context model from `sturing validate train` (implies --disambiguate).")
    var model: String?

    /// The context model the options ask for, checked against `compiled` (nil: raw counts).
    func contextModel(for compiled: CompiledLexicon) throws -> (model: ContextModel, record: Provenance.ModelRecord)? {
        if let model {
            let loaded = try ContextModel.load(path: model, lexicon: compiled.lexicon.name)
            return (loaded, Provenance.ModelRecord(model: loaded, path: model))
        }
        guard disambiguate else { return nil }
        guard compiled.lexicon.name == "nijdam-2019" else {
            throw CLIError(description: "--disambiguate: the lexicon '\(compiled.lexicon.name)' has no built-in context model (code a sample of its matches with `sturing validate sample`, train one with `sturing validate train SHEET... --out MODEL.json`, and give it with --model MODEL.json)")
        }
        let builtin = try ContextModel.decode(Data(BuiltinModel.json.utf8), file: "built-in:" + BuiltinModel.fileName, lexicon: compiled.lexicon.name)
        return (builtin, Provenance.ModelRecord(model: builtin, path: "built-in:" + BuiltinModel.fileName))
    }

    /// Loads and compiles the chosen lexicon, or throws a CLIError naming the problem.
    func compile() throws -> CompiledLexicon {
        let loaded: Lexicon
        do {
            loaded = try lexicon.map { try LexiconLoader.load(path: $0) } ?? LexiconLoader.builtin()
        } catch let error as LexiconError {
            throw CLIError(description: "\(error.description) (nothing was scored; fix the lexicon and run again)")
        }
        if let note = LexiconLanguageCheck.labelNote(loaded) { printWarning("\(loaded.path): \(note)") }
        do {
            return try CompiledLexicon(loaded, setting: match)
        } catch {
            throw CLIError(description: error.description)
        }
    }

    /// The provenance of a run with `compiled`.
    static func provenance(_ compiled: CompiledLexicon) -> Provenance {
        Provenance(lexiconName: compiled.lexicon.name, lexiconVersion: compiled.lexicon.version,
                   lexiconSHA256: compiled.lexicon.sha256, lexiconPath: compiled.lexicon.path,
                   match: compiled.setting, stemmer: compiled.stemmer, icu: WordTokenizer.icuVersion,
                   poppler: ExtractionLibraries.poppler, date: UTCTime.iso8601())
    }
}

extension MatchSetting: ExpressibleByArgument {}
