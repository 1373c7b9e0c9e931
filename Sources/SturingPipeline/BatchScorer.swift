import Dispatch
import Foundation
import SturingCore
import SturingIngest
import SturingText
import Synchronization

/// Scores many files in parallel: each worker thread has its own tokenizer, stemmer and match
/// cache; a failure in one file never stops the others; results come back in input order.
public enum BatchScorer {
    /// Scores `paths` with `jobs` worker threads. `onOutcome` is called on the worker thread as
    /// each file finishes, with its input index; calls may overlap, so it must be thread-safe.
    public static func run(paths: [String], lexicon: CompiledLexicon, jobs: Int, evidencePerPerspective: Int = 0,
                           tokenCache: TokenCache? = nil,
                           read: @escaping @Sendable (String) throws(IngestError) -> Document = { p throws(IngestError) in try DocumentReader.read(path: p) },
                           onOutcome: @escaping @Sendable (Int, FileOutcome) -> Void = { _, _ in }) throws(TextError) -> [FileOutcome] {
        let workers = max(1, min(jobs, paths.count))
        let state = Mutex(State(outcomes: Array(repeating: nil, count: paths.count)))
        let setupError = Mutex<TextError?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let scorer: DocumentScorer
            do throws(TextError) {
                scorer = try DocumentScorer(lexicon: lexicon)
                scorer.evidencePerPerspective = evidencePerPerspective
                scorer.tokenCache = tokenCache
            } catch {
                setupError.withLock { $0 = error }
                return
            }
            while let index = state.withLock({ $0.takeNext(limit: paths.count) }) {
                let outcome = scoreOne(path: paths[index], scorer: scorer, read: read)
                state.withLock { $0.outcomes[index] = outcome }
                onOutcome(index, outcome)
            }
        }
        if let error = setupError.withLock({ $0 }) { throw error }
        return state.withLock { $0.outcomes.map { $0! } }
    }

    /// Reads and scores one file, turning every problem into a failure record.
    public static func scoreOne(path: String, scorer: DocumentScorer,
                                read: (String) throws(IngestError) -> Document) -> FileOutcome {
        let document: Document
        do throws(IngestError) {
            document = try read(path)
        } catch {
            return .failed(FileFailure(file: path, error: error.description))
        }
        do throws(ScoringError) {
            return .scored(try scorer.score(document))
        } catch {
            return .failed(FileFailure(file: path, error: error.description))
        }
    }

    struct State: ~Copyable {
        var outcomes: [FileOutcome?]
        var next = 0

        mutating func takeNext(limit: Int) -> Int? {
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
