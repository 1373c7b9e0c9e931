import ArgumentParser
import SturingReport
import SturingRun

/// The closing lines of `analyze` and `merge` and their exit code: what was scored and written,
/// the run's warnings, then every failed file; exit 1 when a file failed.
enum Closing {
    /// Prints `summary` in its language (with `quiet`, only the failures) and throws exit code 1
    /// when a file failed.
    static func print(_ summary: RunSummary, quiet: Bool) throws {
        let labels = Labels(summary.language)
        if !quiet {
            let first = summary.shards.map { labels.merged(shards: $0, plans: summary.plans, errors: summary.failures.count) }
                ?? labels.scored(plans: summary.plans, errors: summary.failures.count, cache: summary.cache, resumed: summary.resumed)
            Swift.print("sturing: " + first)
            Swift.print("sturing: " + labels.wrote(Escape.terminal(summary.folder) + "/" + RunOutputs.names))
            for w in labels.warnings(summary.warnings, notices: summary.notices) { printWarning(w) }
            if let w = summary.lexiconLanguage { printWarning(w) }
        }
        for f in summary.failures { printError("\(f.file): \(labels.failure(f))") }
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}
