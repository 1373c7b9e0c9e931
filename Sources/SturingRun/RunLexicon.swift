import Foundation
import SturingCore
import SturingIngest
import SturingText

/// The lexicon and context model a run counts with: loaded, checked and compiled once, for
/// `analyze`, `score`, `kwic` and the workspace alike.
public struct RunLexicon: Sendable {
    /// The lexicon, compiled for the run's match setting.
    public let compiled: CompiledLexicon
    /// The context model that weighs each match (nil: raw counts), with its record.
    public let model: (model: ContextModel, record: Provenance.ModelRecord)?

    /// Loads lexicon `name` (a file, or a built-in name; nil: the default) for `match`, and the
    /// context model asked for: `modelPath`, or with `disambiguate` the lexicon's built-in one.
    /// `warn` hears a remark on the lexicon's labels.
    public init(_ name: String?, match: MatchSetting, disambiguate: Bool = false, modelPath: String? = nil,
                warn: (String) -> Void = { _ in }) throws {
        let loaded: Lexicon
        do {
            loaded = try LexiconLoader.loadNamed(name)
        } catch {
            throw RunError("\(error.description) (nothing was scored; fix the lexicon and run again)")
        }
        if let note = LexiconLanguageCheck.labelNote(loaded) { warn("\(loaded.path): \(note)") }
        compiled = try CompiledLexicon(loaded, setting: match)
        model = try Self.model(for: loaded, disambiguate: disambiguate, path: modelPath)
    }

    /// The context model for `lexicon`: the one in the file at `path`, or with `disambiguate` the
    /// lexicon's built-in one; nil when neither is asked for.
    public static func model(for lexicon: Lexicon, disambiguate: Bool, path: String?) throws -> (model: ContextModel, record: Provenance.ModelRecord)? {
        if let path {
            let loaded = try ContextModel.load(path: path, lexicon: lexicon.name)
            return (loaded, Provenance.ModelRecord(model: loaded, path: path))
        }
        guard disambiguate else { return nil }
        guard let json = BuiltinModel.json[lexicon.name], let fileName = BuiltinModel.fileName[lexicon.name] else {
            throw RunError("--disambiguate: the lexicon '\(lexicon.name)' has no built-in context model (built-in models: \(BuiltinModel.json.keys.sorted().joined(separator: ", ")); code a sample of its matches with `sturing validate sample`, train one with `sturing validate train SHEET... --out MODEL.json`, and give it with --model MODEL.json)")
        }
        let builtin = try ContextModel.decode(Data(json.utf8), file: "built-in:" + fileName, lexicon: lexicon.name)
        return (builtin, Provenance.ModelRecord(model: builtin, path: "built-in:" + fileName))
    }

    /// The provenance of a run with this lexicon and model, dated now.
    public var provenance: Provenance {
        var p = Self.provenance(compiled)
        p.model = model?.record
        return p
    }

    /// The provenance of a run with `compiled` (no model), dated now.
    public static func provenance(_ compiled: CompiledLexicon) -> Provenance {
        Provenance(lexiconName: compiled.lexicon.name, lexiconVersion: compiled.lexicon.version,
                   lexiconSHA256: compiled.lexicon.sha256, lexiconPath: compiled.lexicon.path,
                   match: compiled.setting, stemmer: compiled.stemmer, icu: WordTokenizer.icuVersion,
                   poppler: ExtractionLibraries.poppler, date: UTCTime.iso8601())
    }
}
