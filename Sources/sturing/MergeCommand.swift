import ArgumentParser
import Foundation
import SturingAnalysis
import SturingCore
import SturingPipeline
import SturingReport
import SturingText

/// `sturing merge SHARD... --out DIR`: combines the runs of `analyze --shard K/N` into exactly the
/// outputs one run over the whole corpus gives.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output folders of `analyze --shard K/N` runs into the outputs of one run.",
        discussion: "Refuses shards that do not fit together (another lexicon, match mode, corpus listing or version) and names a missing shard.")

    @Argument(help: "The --out folders of the shards (all N of them).")
    var shards: [String]

    @Option(name: .long, help: "Output folder for the merged run.")
    var out: String

    @Flag(name: .long, help: "Replace the run in --out.")
    var overwrite = false

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shard folders to merge") }
    }

    func run() throws {
        let merged = try ShardMerger(folders: shards)
        let provenance = merged.provenance
        let n = merged.shards[0].n
        var settings = merged.settings
        settings.shard = nil
        settings.mergedFrom = merged.shards.map { RunSettings.MergedShard(folder: $0.folder, k: $0.k, n: n) }
        let folder: RunFolder
        folder = try RunFolder.open(path: out, mode: overwrite ? .overwrite : .fresh,
                                    fingerprint: merged.shards[0].record["fingerprint"]?.stringValue ?? "", settings: settings)
        try folder.write("corpus.json", RunOutputs.corpusJSON(merged.corpus))
        for file in merged.corpus.files {
            if let line = merged.documentLines[file] { folder.journal.append(line) }
        }
        let result = CorpusRunner.assemble(merged.corpus, outcomes: merged.outcomes)
        for f in result.failures { folder.journal.append(CorpusReport.errorLine(f)) }
        if let failure = folder.journal.failure {
            throw CLIError(description: "\(folder.journal.path): cannot write: \(failure) (free disk space or choose another --out)")
        }
        var input = CorpusReportInput(provenance: provenance, plans: result.plans.map { ($0.plan, $0.score, $0.documents) },
                                      failures: result.failures, warnings: result.warnings, k: settings.top)
        input.apply(settings)
        // The shards' own lexicon ("built-in:NAME" or a path), for the lexicon check's findings.
        let compiled = (try? LexiconCommand.load(settings.lexicon.path))
            .flatMap { try? CompiledLexicon($0, setting: merged.provenance.match) }
        let dialect = settings.csvDialect
        let language = settings.lang
        try RunOutputs.write(folder, input: input, findings: compiled.map { c in { AnalyzeCommand.lexiconFindings(c, result) } },
                             failures: result.failures, dialect: dialect, language: language, cache: nil,
                             threads: ProcessInfo.processInfo.activeProcessorCount)
        try folder.finish()
        let labels = Labels(language)
        print("sturing: " + labels.merged(shards: n, plans: result.plans.count, errors: result.failures.count))
        print("sturing: " + labels.wrote(Escape.terminal(out) + "/" + RunOutputs.names))
        for w in result.warnings { printWarning(w) }
        for f in result.failures { printError("\(f.file): \(f.error)") }
        if !result.failures.isEmpty { throw ExitCode(1) }
    }
}
