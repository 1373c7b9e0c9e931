import Foundation
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText

/// An analyze output folder read back for the commands that work on a finished run (sensitivity,
/// validate sample, keyness): its run.json, its corpus and its lexicon.
struct AnalyzedRun {
    /// The folder.
    let folder: String
    /// run.json.
    let record: JSONValue
    /// The whole corpus (corpus.json).
    let corpus: CorpusPlan
    /// The run's settings.
    let settings: RunSettings

    /// Reads `folder`, or says why it is not a run of this version.
    init(_ folder: String) throws {
        self.folder = folder
        guard let text = try? String(contentsOfFile: (folder as NSString).appendingPathComponent("run.json"), encoding: .utf8),
              let record = try? JSONValue.parse(text),
              let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("corpus.json")),
              let corpus = try? JSONDecoder().decode(CorpusPlan.self, from: data) else {
            throw CLIError(description: "\(folder): not an analyze output folder of this version (no run.json and corpus.json)")
        }
        settings = try RunSettings.read(record["settings"], source: (folder as NSString).appendingPathComponent("run.json"))
        self.record = record
        self.corpus = corpus
    }

    /// A file in the folder.
    func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// The run's match setting.
    var match: MatchSetting { settings.match }

    /// The run's lexicon as it is now (a warning when it changed since the run).
    func lexicon() throws -> Lexicon {
        let path = settings.lexicon.path
        let lexicon: Lexicon
        do { lexicon = path.hasPrefix("built-in:") ? try LexiconLoader.loadNamed(path) : try LexiconLoader.load(path: path) } catch {
            throw CLIError(description: "\(path): the run's lexicon cannot be read: \(error)")
        }
        if lexicon.sha256 != settings.lexicon.sha256 {
            printWarning("\(path) has changed since the run (its sha256 differs); it is used as it is now")
        }
        return lexicon
    }

    /// The run's lexicon compiled for its match setting.
    func compiledLexicon() throws -> CompiledLexicon {
        try CompiledLexicon(try lexicon(), setting: match)
    }

    /// The run's text cache, when it had one.
    func cache(_ isolation: IsolationOptions) -> DocumentCache? {
        settings.cache.map { isolation.cache($0) }
    }
}
