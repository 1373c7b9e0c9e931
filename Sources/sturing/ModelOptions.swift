import ArgumentParser
import Foundation
import SturingCore
import SturingRun
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
        try RunLexicon.model(for: lexicon, disambiguate: disambiguate, path: model)
    }
}
