import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingText

/// One municipality's result: its plan, the combined score and the scores of its files.
public struct PlanResult: Sendable {
    /// The plan (manifest metadata and files).
    public var plan: Plan
    /// The combined score of the files that could be scored.
    public var score: DocumentScore
    /// The score of each file that could be scored.
    public var documents: [DocumentScore]
    /// Files of this plan that failed.
    public var failed: [FileFailure]
}

/// The outcome of a corpus run: plans with scores, failures and warnings.
public struct CorpusResult: Sendable {
    /// Plans with at least one scored file, in plan order.
    public var plans: [PlanResult]
    /// Everything that could not be scored (files and manifest rows).
    public var failures: [FileFailure]
    /// Remarks from planning and combining.
    public var warnings: [String]
    /// The remarks a report can word in its own language (see `Notice`).
    public var notices: [Notice] = []
    /// Documents kept from the interrupted run this one resumes.
    public var resumed: Int = 0
}

/// Scores a planned corpus in parallel and combines the files of each plan.
public enum CorpusRunner {
    /// Runs `corpus` with `jobs` workers; `cache` skips extraction of files seen before; each
    /// document keeps a seeded sample of `evidencePerPerspective` matches in context per perspective;
    /// `onOutcome` is called on the worker threads as each file finishes (calls may overlap), for
    /// streaming and progress.
    /// `reader` reads the files (plain text here, anything else in worker processes, under limits). `journaled` holds documents of an interrupted run: one whose file still has
    /// the same SHA-256 is kept as it is, the others are scored again. `retain` turns each
    /// document's score into what the result keeps (after `onOutcome` has seen it whole).
    public static func run(_ corpus: CorpusPlan, lexicon: CompiledLexicon, model: ContextModel? = nil, jobs: Int, cache: DocumentCache?,
                           reader: IsolatedReader, journaled: [String: DocumentScore] = [:], evidencePerPerspective: Int = 5,
                           onSlowFile: @escaping @Sendable (String, Double) -> Void = { _, _ in },
                           retain: (@Sendable (DocumentScore) -> DocumentScore)? = nil,
                           onOutcome: @escaping @Sendable (Int, FileOutcome) -> Void = { _, _ in }) throws(TextError) -> CorpusResult {
        var kept = [FileOutcome]()
        var toScore = [String]()
        for file in corpus.files {
            if let earlier = journaled[file], let bytes = try? DocumentReader.readBytes(path: file),
               SHA256Hex.digest(bytes) == earlier.sha256 {
                kept.append(.scored(retain.map { $0(earlier) } ?? earlier))
            } else {
                toScore.append(file)
            }
        }
        let scored = try BatchScorer.run(
            paths: toScore, lexicon: lexicon, model: model, jobs: jobs, evidencePerPerspective: evidencePerPerspective,
            tokenCache: cache.map { TokenCache(folder: $0.folder.path, textVersion: DocumentCache.formatVersion) },
            onSlowFile: onSlowFile,
            read: { path throws(IngestError) in try reader.read(path: path) },
            retain: retain,
            onOutcome: onOutcome)
        return assemble(corpus, outcomes: kept + scored, resumed: kept.count)
    }

    /// Combines the outcomes of the corpus's files into plans, failures and warnings, in the
    /// corpus's order: what a run reports, whichever process or shard scored each file.
    public static func assemble(_ corpus: CorpusPlan, outcomes: [FileOutcome], resumed: Int = 0) -> CorpusResult {
        var byFile = [String: FileOutcome]()
        for o in outcomes { byFile[o.file] = o }
        var plans = [PlanResult]()
        var failures = corpus.failures
        var warnings = corpus.warnings
        var notices = corpus.notices ?? []
        func add(_ notice: Notice) { warnings.append(notice.message); notices.append(notice) }
        for plan in withMetadata(corpus.plans, byFile, add) {
            var scored = [DocumentScore](), failed = [FileFailure]()
            for file in plan.files {
                switch byFile[file] {
                case .scored(let s): scored.append(s)
                case .failed(let f): failed.append(f)
                case nil: break
                }
            }
            failures += failed
            guard !scored.isEmpty else {
                add(.noFileScored(plan.municipality))
                continue
            }
            var combined = PlanAggregator.combine(scored, name: plan.municipality)
            if !failed.isEmpty {
                let note = Notice.someFilesFailed(failed.count, of: plan.files.count)
                combined.warnings.insert(note.message, at: 0)
                combined.notices.insert(note, at: 0)
                warnings.append("\(plan.municipality): \(note.message)")
                notices.append(note)
            }
            plans.append(PlanResult(plan: plan, score: combined, documents: scored, failed: failed))
        }
        identicalFiles(outcomes).forEach(add)
        return CorpusResult(plans: plans, failures: failures, warnings: warnings, notices: notices, resumed: resumed)
    }

    /// The plans with the fields their documents' metadata give where the manifest leaves them
    /// empty (the manifest always wins): title and year, and for a file without a manifest row
    /// the municipality its metadata names (said in a warning); names made distinct again.
    static func withMetadata(_ planned: [Plan], _ byFile: [String: FileOutcome], _ add: (Notice) -> Void) -> [Plan] {
        var plans = planned
        for i in plans.indices {
            let found = plans[i].files.compactMap { file -> DocumentMetadata? in
                if case .scored(let s) = byFile[file] { return s.metadata }
                return nil
            }
            guard let m = found.first else { continue }
            if plans[i].title == nil { plans[i].title = m.title }
            if plans[i].year == nil { plans[i].year = m.year }
            if plans[i].unlisted == true, plans[i].files.count == 1, let name = m.municipality, name != plans[i].municipality {
                add(.namedByMetadata(plans[i].files[0], plan: name, source: m.source))
                plans[i].municipality = name
            }
        }
        CorpusPlan.distinctNames(&plans).forEach(add)
        return plans
    }

    /// Warnings for byte-identical files under different names: both are scored (a regional plan
    /// can be shared by several municipalities), and the reader is told.
    static func identicalFiles(_ outcomes: [FileOutcome]) -> [Notice] {
        var bySHA = [String: [String]]()
        for case .scored(let s) in outcomes { bySHA[s.sha256, default: []].append(s.file) }
        return bySHA.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }.map(Notice.identicalFiles)
    }
}
