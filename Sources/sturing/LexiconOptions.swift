import ArgumentParser
import Foundation
import SturingCore
import SturingRun
import SturingText

/// The options that choose and compile the lexicon, shared by the commands that match words.
struct LexiconOptions: ParsableArguments {
    @Option(name: .long, help: "Lexicon file (YAML, or CSV 'perspective,term'), or the name of a built-in one: nijdam-2019 (the default, Nijdam's 64 words) or nijdam-2019-plus (with phrases, separable verbs and word families).")
    var lexicon: String?

    @Option(name: .long, help: "exact | stem | lexicon. exact/stem apply that pure mode to every term and ignore include/exclude lists.")
    var match: MatchSetting = .lexicon

    @OptionGroup var modelOptions: ModelOptions

    /// The lexicon and model the options ask for, loaded and checked (warnings printed).
    func load() throws -> RunLexicon {
        try RunLexicon(lexicon, match: match, disambiguate: modelOptions.disambiguate, modelPath: modelOptions.model, warn: { printWarning($0) })
    }

    /// The context model the options ask for, checked against `compiled` (nil: raw counts).
    func contextModel(for compiled: CompiledLexicon) throws -> (model: ContextModel, record: Provenance.ModelRecord)? {
        try modelOptions.contextModel(for: compiled.lexicon)
    }

    /// Loads and compiles the chosen lexicon, or throws an error naming the problem.
    func compile() throws -> CompiledLexicon {
        try RunLexicon(lexicon, match: match, warn: { printWarning($0) }).compiled
    }
}

extension MatchSetting: ExpressibleByArgument {}
