import ArgumentParser
import Foundation

/// `--shard K/N` (or `--shards N` with a scheduler's index): score a deterministic part of the
/// corpus, for `sturing merge` to combine. Inside a Slurm array job the shard comes from
/// SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT; in a Kubernetes Indexed Job from
/// JOB_COMPLETION_INDEX with `--shards N`.
struct ShardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Score only shard K of N (1-based), e.g. 2/3.", valueName: "K/N"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp("Number of shards, with the shard index from JOB_COMPLETION_INDEX (0-based).", valueName: "N"))
    var shards: Int?

    /// The shard to score, where it came from, or nil for the whole corpus.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (k: Int, n: Int, source: String)? {
        if let shard {
            let parts = shard.split(separator: "/")
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else {
                throw ValidationError("--shard must be K/N with 1 <= K <= N, e.g. 2/3 (got '\(shard)')")
            }
            return (k, n, "--shard")
        }
        if let n = shards {
            guard n >= 1 else { throw ValidationError("--shards must be 1 or more") }
            guard let text = environment["JOB_COMPLETION_INDEX"], let index = Int(text), index >= 0, index < n else {
                throw ValidationError("--shards \(n) needs JOB_COMPLETION_INDEX between 0 and \(n - 1) (a Kubernetes Indexed Job sets it), or use --shard K/N")
            }
            return (index + 1, n, "JOB_COMPLETION_INDEX")
        }
        if let idText = environment["SLURM_ARRAY_TASK_ID"], let countText = environment["SLURM_ARRAY_TASK_COUNT"],
           let id = Int(idText), let n = Int(countText), n >= 1 {
            let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0
            let k = id - minimum + 1
            guard k >= 1 && k <= n else {
                throw ValidationError("SLURM_ARRAY_TASK_ID \(id) does not fit an array of \(n) tasks from \(minimum) (use --array=1-\(n), or --shard K/N)")
            }
            return (k, n, "SLURM_ARRAY_TASK_ID")
        }
        return nil
    }
}
