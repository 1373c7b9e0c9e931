import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingText

/// `score`: files scored one by one (no ranking across them), each with share intervals from
/// resampling its own sentences.
public enum ScoreRun {
    /// What was scored.
    public struct Result: Sendable {
        /// The lexicon, model and libraries.
        public var provenance: Provenance
        /// The scored files, in the order given.
        public var scores: [DocumentScore]
        /// The files that could not be scored.
        public var failures: [FileFailure]
        /// Each file's share intervals (nil: no replicates, or a file without sentence profile).
        public var bootstrap: Bootstrap?
    }

    /// Scores `files` with `lexicon` on `jobs` threads, readers under `limits`, and resamples each
    /// file's sentences `replicates` times with `seed` (the model's spread drawn along).
    public static func run(_ files: [String], lexicon: RunLexicon, jobs: Int, limits: IsolatedReader.Limits,
                           replicates: Int, seed: UInt64) throws -> Result {
        let provenance = lexicon.provenance
        let reader = IsolatedReader(limits: limits, cache: nil, textThreads: IsolatedReader.textThreads(jobs: jobs, files: files.count))
        let outcomes = try BatchScorer.run(paths: files, lexicon: lexicon.compiled, model: lexicon.model?.model, jobs: jobs,
                                           read: { path throws(IngestError) in try reader.read(path: path) })
        var scores = [DocumentScore](), failures = [FileFailure]()
        for o in outcomes {
            switch o {
            case .scored(let s): scores.append(s)
            case .failed(let f): failures.append(f)
            }
        }
        var bootstrap: Bootstrap?
        let profiles = scores.compactMap(\.sentences)
        if replicates > 0 && profiles.count == scores.count && !scores.isEmpty {
            let spread = provenance.model?.spread
            bootstrap = Bootstrap(profiles: profiles, ranked: scores.map { _ in false }, replicates: replicates, seed: seed, modelSpread: spread)
        }
        return Result(provenance: provenance, scores: scores, failures: failures, bootstrap: bootstrap)
    }
}
