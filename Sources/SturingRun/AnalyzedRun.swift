import Foundation
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText

/// An analyze output folder read back for the commands that work on a finished run (sensitivity,
/// validate sample, keyness): its run.json, its corpus and its lexicon.
public struct AnalyzedRun: Sendable {
    /// The folder.
    public let folder: String
    /// run.json.
    public let record: JSONValue
    /// The whole corpus (corpus.json).
    public let corpus: CorpusPlan
    /// The run's settings.
    public let settings: RunSettings

    /// Reads `folder`, or says why it is not a run of this version.
    public init(_ folder: String) throws {
        self.folder = folder
        guard let text = try? String(contentsOfFile: (folder as NSString).appendingPathComponent("run.json"), encoding: .utf8),
              let record = try? JSONValue.parse(text),
              let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("corpus.json")),
              let corpus = try? JSONDecoder().decode(CorpusPlan.self, from: data) else {
            throw RunError("\(folder): not an analyze output folder of this version (no run.json and corpus.json)")
        }
        settings = try RunSettings.read(record["settings"], source: (folder as NSString).appendingPathComponent("run.json"))
        self.record = record
        self.corpus = corpus
    }

    /// A file in the folder.
    public func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// The run's match setting.
    public var match: MatchSetting { settings.match }

    /// The run's lexicon as it is now (a warning when it changed since the run).
    public func lexicon(warn: (String) -> Void = { _ in }) throws -> Lexicon {
        let path = settings.lexicon.path
        let lexicon: Lexicon
        do { lexicon = path.hasPrefix("built-in:") ? try LexiconLoader.loadNamed(path) : try LexiconLoader.load(path: path) } catch {
            throw RunError("\(path): the run's lexicon cannot be read: \(error)")
        }
        if lexicon.sha256 != settings.lexicon.sha256 {
            warn("\(path) has changed since the run (its sha256 differs); it is used as it is now")
        }
        return lexicon
    }

    /// The run's lexicon compiled for its match setting.
    public func compiledLexicon(warn: (String) -> Void = { _ in }) throws -> CompiledLexicon {
        try CompiledLexicon(try lexicon(warn: warn), setting: match)
    }

    /// The run's text cache, when it had one, for OCR setting `ocr`.
    public func cache(ocr: OCRMode) -> DocumentCache? {
        settings.cache.map { DocumentCache(folder: $0, ocr: ocr) }
    }
}
