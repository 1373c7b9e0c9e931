import ArgumentParser
import Foundation
import SturingCore
import SturingIngest
import SturingText

/// The options that choose and compile the lexicon, shared by the commands that match words.
struct LexiconOptions: ParsableArguments {
    @Option(name: .long, help: "Lexicon file (YAML, or CSV 'perspective,term'), or the name of a built-in one: nijdam-2019 (the default, Nijdam's 64 words) or nijdam-2019-plus (with phrases, separable verbs and word families).")
    var lexicon: String?

    @Option(name: .long, help: "exact | stem | lexicon. exact/stem apply that pure mode to every term and ignore include/exclude lists.")
    var match: MatchSetting = .lexicon

    @OptionGroup var modelOptions: ModelOptions

    /// The context model the options ask for, checked against `compiled` (nil: raw counts).
    func contextModel(for compiled: CompiledLexicon) throws -> (model: ContextModel, record: Provenance.ModelRecord)? {
        try modelOptions.contextModel(for: compiled.lexicon)
    }

    /// Loads and compiles the chosen lexicon, or throws a CLIError naming the problem.
    func compile() throws -> CompiledLexicon {
        let loaded: Lexicon
        do {
            loaded = try LexiconLoader.loadNamed(lexicon)
        } catch {
            throw CLIError(description: "\(error.description) (nothing was scored; fix the lexicon and run again)")
        }
        if let note = LexiconLanguageCheck.labelNote(loaded) { printWarning("\(loaded.path): \(note)") }
        return try CompiledLexicon(loaded, setting: match)
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
