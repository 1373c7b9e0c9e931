import Foundation
import SturingCore
import SturingPipeline
import SturingReport
import SturingText

/// `merge`: the output folders of `analyze --shard K/N` runs combined into exactly the outputs
/// one run over the whole corpus gives.
public enum MergeRun {
    /// Checks the shards in `folders` (`ShardMerger`), and writes the merged run into `out`
    /// (`overwrite`: replacing a run there).
    public static func run(folders: [String], out: String, overwrite: Bool = false) throws -> RunSummary {
        let merged = try ShardMerger(folders: folders)
        let provenance = merged.provenance
        let n = merged.shards[0].n
        var settings = merged.settings
        settings.shard = nil
        settings.mergedFrom = merged.shards.map { RunSettings.MergedShard(folder: $0.folder, k: $0.k, n: n) }
        let folder = try RunFolder.open(path: out, mode: overwrite ? .overwrite : .fresh,
                                        fingerprint: merged.shards[0].record["fingerprint"]?.stringValue ?? "", settings: settings)
        try folder.write("corpus.json", RunOutputs.corpusJSON(merged.corpus))
        for file in merged.corpus.files {
            if let line = merged.documentLines[file] { folder.journal.append(line) }
        }
        let result = CorpusRunner.assemble(merged.corpus, outcomes: merged.outcomes)
        for f in result.failures { folder.journal.append(CorpusReport.errorLine(f)) }
        if let failure = folder.journal.failure {
            throw RunError("\(folder.journal.path): cannot write: \(failure) (free disk space or choose another --out)")
        }
        var input = CorpusReportInput(provenance: provenance, plans: result.plans.map { ($0.plan, $0.score, $0.documents) },
                                      failures: result.failures, warnings: result.warnings, k: settings.top)
        input.notices = result.notices
        input.apply(settings)
        // The shards' own lexicon ("built-in:NAME" or a path), for the lexicon check's findings.
        let compiled = (try? LexiconLoader.loadNamed(settings.lexicon.path))
            .flatMap { try? CompiledLexicon($0, setting: merged.provenance.match) }
        try RunOutputs.write(folder, input: input, findings: compiled.map { c in { AnalysisRun.lexiconFindings(c, result) } },
                             failures: result.failures, dialect: settings.csvDialect, language: settings.lang, cache: nil,
                             threads: ProcessInfo.processInfo.activeProcessorCount)
        try folder.finish()
        return RunSummary(folder: out, plans: result.plans.count, failures: result.failures, warnings: result.warnings, notices: result.notices,
                          lexiconLanguage: nil, cache: nil, resumed: 0, shards: n, language: settings.lang)
    }
}
