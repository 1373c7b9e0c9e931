import ArgumentParser
import Foundation
import SturingCore
import SturingText

/// The options that weigh a lexicon's matches by a context model: `--disambiguate` (the lexicon's
/// built-in model) and `--model FILE` (a user's own). Shared by the commands that count
/// (through `LexiconOptions`) and by those that work on a finished run (`report`, `validate sample`).
struct ModelOptions: ParsableArguments {
    @Flag(name: .long, help: "Weigh each match by the probability that it signals its perspective, from its context (the lexicon's built-in context model, or --model). Shares are then of the expected counts; the raw ones stay beside them.")
    var disambiguate = false

    @Option(name: .long, help: "A context model from `sturing validate train` (implies --disambiguate).")
    var model: String?

    /// True when a model is asked for.
    var wanted: Bool { disambiguate || model != nil }

    /// The context model the options ask for, checked against `lexicon` (nil: raw counts).
    func contextModel(for lexicon: Lexicon) throws -> (model: ContextModel, record: Provenance.ModelRecord)? {
        if let model {
            let loaded = try ContextModel.load(path: model, lexicon: lexicon.name)
            return (loaded, Provenance.ModelRecord(model: loaded, path: model))
        }
        guard disambiguate else { return nil }
        guard let json = BuiltinModel.json[lexicon.name], let fileName = BuiltinModel.fileName[lexicon.name] else {
            throw CLIError(description: "--disambiguate: the lexicon '\(lexicon.name)' has no built-in context model (built-in models: \(BuiltinModel.json.keys.sorted().joined(separator: ", ")); code a sample of its matches with `sturing validate sample`, train one with `sturing validate train SHEET... --out MODEL.json`, and give it with --model MODEL.json)")
        }
        let builtin = try ContextModel.decode(Data(json.utf8), file: "built-in:" + fileName, lexicon: lexicon.name)
        return (builtin, Provenance.ModelRecord(model: builtin, path: "built-in:" + fileName))
    }
}
