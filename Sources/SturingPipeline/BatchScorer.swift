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
    /// `retain` turns each score into what the returned outcomes keep (after `onOutcome`).
    /// `onSlowFile` is called for a file still being read after `slowAfter` seconds (and again
    /// every `slowAfter` seconds after that); a slow file the timer missed is named when it ends.
    /// `read` turns a path into a document: an `IsolatedReader`'s `read`, or
    /// `DocumentExtractor.read` (module SturingExtract) to read everything in this process.
    public static func run(paths: [String], lexicon: CompiledLexicon, model: ContextModel? = nil, jobs: Int, evidencePerPerspective: Int = 0,
                           tokenCache: TokenCache? = nil,
                           slowAfter: Double = 60,
                           onSlowFile: @escaping @Sendable (String, Double) -> Void = { _, _ in },
                           read: @escaping @Sendable (String) throws(IngestError) -> Document,
                           streamTextAbove: Int = TextGroups.streamAbove,
                           retain: (@Sendable (DocumentScore) -> DocumentScore)? = nil,
                           onOutcome: @escaping @Sendable (Int, FileOutcome) -> Void = { _, _ in }) throws(TextError) -> [FileOutcome] {
        let workers = max(1, min(jobs, paths.count))
        let state = Mutex(State(outcomes: Array(repeating: nil, count: paths.count)))
        let setupError = Mutex<TextError?>(nil)
        // A watchdog names files that take unusually long (a damaged PDF can keep poppler busy),
        // so a long run is never silent.
        let inFlight = Mutex([Int: (start: Double, reported: Double)]())
        let watchdog = DispatchSource.makeTimerSource(queue: .global())
        watchdog.schedule(deadline: .now() + slowAfter, repeating: slowAfter / 2)
        watchdog.setEventHandler {
            let now = Date().timeIntervalSince1970
            let slow = inFlight.withLock { files -> [(Int, Double)] in
                var result = [(Int, Double)]()
                for (index, entry) in files where now - entry.start >= slowAfter && now - entry.reported >= slowAfter {
                    files[index]?.reported = now
                    result.append((index, now - entry.start))
                }
                return result
            }
            for (index, seconds) in slow { onSlowFile(paths[index], seconds) }
        }
        watchdog.resume()
        defer { watchdog.cancel() }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let scorer: DocumentScorer
            do throws(TextError) {
                scorer = try DocumentScorer(lexicon: lexicon)
                scorer.evidencePerPerspective = evidencePerPerspective
                scorer.tokenCache = tokenCache
                scorer.model = model
                // Fewer files than jobs: the cores left over score a large file's chunks.
                scorer.threads = max(1, jobs / workers)
            } catch {
                setupError.withLock { $0 = error }
                return
            }
            while let index = state.withLock({ $0.takeNext(limit: paths.count) }) {
                let start = Date().timeIntervalSince1970
                inFlight.withLock { $0[index] = (start, 0) }
                let outcome = scoreOne(path: paths[index], scorer: scorer, read: read, streamTextAbove: streamTextAbove)
                let reported = inFlight.withLock { $0.removeValue(forKey: index)?.reported ?? 0 }
                // The timer runs on the shared thread pool, which a busy machine can starve; a
                // slow file it never got to name is named when it finishes.
                let seconds = Date().timeIntervalSince1970 - start
                if reported == 0 && seconds >= slowAfter { onSlowFile(paths[index], seconds) }
                onOutcome(index, outcome)
                // What is kept for the rest of the run (e.g. without the evidence lines the journal has).
                var kept = outcome
                if let retain, case .scored(let s) = outcome { kept = .scored(retain(s)) }
                state.withLock { $0.outcomes[index] = kept }
            }
        }
        if let error = setupError.withLock({ $0 }) { throw error }
        return state.withLock { $0.outcomes.map { $0! } }
    }

    /// Reads and scores one file, turning every problem into a failure record. A plain text
    /// larger than `streamTextAbove` bytes is read a group of pages at a time (`LargeTextScoring`).
    public static func scoreOne(path: String, scorer: DocumentScorer,
                                read: (String) throws(IngestError) -> Document,
                                streamTextAbove: Int = TextGroups.streamAbove) -> FileOutcome {
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
           TextGroups.qualifies(path: path, size: Int(st.st_size), threshold: streamTextAbove) {
            do throws(IngestError) {
                return .scored(try LargeTextScoring.score(path: path, scorer: scorer, threads: scorer.threads))
            } catch {
                return .failed(FileFailure(file: path, reason: error))
            }
        }
        let document: Document
        do throws(IngestError) {
            document = try read(path)
        } catch {
            return .failed(FileFailure(file: path, reason: error))
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
