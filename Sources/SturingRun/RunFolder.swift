import Foundation
import SturingAnalysis
import SturingCore
import SturingReport
#if canImport(Glibc)
import Glibc
#endif

/// An output folder that holds exactly one run: `run.json` (run id, settings, started/finished), a
/// lock that a second process on the same folder cannot take, and `documents.jsonl`, the run's
/// append-only journal, which `--resume` reads to continue an interrupted run.
public final class RunFolder: @unchecked Sendable {
    /// What to do with a folder that holds an earlier run.
    public enum Mode: Sendable {
        /// Refuse it (exit 2).
        case fresh
        /// Remove the files an earlier run wrote, then start.
        case overwrite
        /// Continue it: keep its documents with the same content hash and settings.
        case resume
    }

    /// The files a run writes (and `--overwrite` removes); nothing else in the folder is touched.
    public static let runFiles = ["run.json", "corpus.json", "documents.jsonl", "scores.csv", "scores.json", "errors.csv",
                                  "scores.xlsx", "scores.en.xlsx", "summary.md", "summary.en.md", "report.html", "report.en.html"]
    /// The lock file's name.
    public static let lockName = ".sturing.lock"

    /// The folder.
    public let path: String
    /// This run's id.
    public let runID: String
    /// When this run (or the run it resumes) started.
    public let started: String
    /// Documents of the interrupted run, by file path, that may be kept (the caller checks hashes).
    public let journaled: [String: DocumentScore]
    /// The journal, open for appending.
    public let journal: JSONLinesFile
    private let lockFD: Int32
    private let settings: RunSettings
    private let fingerprint: String

    /// Opens `path` for a run with `settings` (what the run.json records) whose scoring-relevant
    /// part is `fingerprint`: a resumed run must have the same one.
    public static func open(path: String, mode: Mode, fingerprint: String, settings: RunSettings) throws(RunFolderError) -> RunFolder {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
            throw RunFolderError(path: path, message: "is a file, not a folder (choose another --out)")
        }
        do { try fm.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw RunFolderError(path: path, message: "cannot create the output folder: \(Self.cause(error)) (check the path and free space, or choose another --out)")
        }
        let lockPath = (path as NSString).appendingPathComponent(lockName)
        let fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunFolderError(path: path, message: "cannot write in the output folder: \(String(cString: strerror(errno))) (choose another --out)")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOfFile: lockPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            Glibc.close(fd)
            throw RunFolderError(path: path, message: "another sturing process\(holder.isEmpty ? "" : " (pid \(holder))") is writing to this folder (wait for it to finish, or choose another --out)")
        }
        _ = ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        // Temporary files of a writer killed before its rename (it no longer holds the lock).
        AtomicFile.removeLeftovers(in: path)

        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        let focusPages = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasPrefix("focus-") && $0.hasSuffix(".html") }.sorted()
        let earlier = runFiles.filter { fm.fileExists(atPath: file($0)) } + focusPages
        let previous = (try? String(contentsOfFile: file("run.json"), encoding: .utf8)).flatMap { try? JSONValue.parse($0) }
        var journaled = [String: DocumentScore]()
        var started = Self.now()
        var runID = Self.newRunID()
        var append = false
        if !earlier.isEmpty {
            switch mode {
            case .fresh:
                let what = previous.map { "the run \($0["run_id"]?.stringValue ?? "?") of \($0["started"]?.stringValue ?? "?")" } ?? "the outputs of an earlier run (\(earlier.joined(separator: ", ")))"
                Glibc.close(fd)
                throw RunFolderError(path: path, message: "holds \(what) (continue it with --resume, replace it with --overwrite, or choose another --out)")
            case .overwrite:
                for name in earlier {
                    do { try fm.removeItem(atPath: file(name)) } catch {
                        Glibc.close(fd)
                        throw RunFolderError(path: file(name), message: "cannot remove the earlier run's file: \(Self.cause(error))")
                    }
                }
            case .resume:
                guard let previous else {
                    Glibc.close(fd)
                    throw RunFolderError(path: path, message: "has no run.json, so there is no run to resume (use --overwrite to start again)")
                }
                let theirs = previous["fingerprint"]?.stringValue ?? ""
                if theirs != fingerprint {
                    // Every key either side has (a field that does not apply is left out, as null).
                    let mine = settings.json, theirSettings = previous["settings"]
                    var keys = (mine.objectValue ?? []).map(\.0)
                    for (key, _) in theirSettings?.objectValue ?? [] where !keys.contains(key) { keys.append(key) }
                    let differing = keys.sorted().filter { key in
                        (theirSettings?[key] ?? .null).serialized() != (mine[key] ?? .null).serialized()
                    }
                    Glibc.close(fd)
                    throw RunFolderError(path: path, message: "holds a run made with other settings (\(differing.isEmpty ? "tool or ingest version" : differing.joined(separator: ", "))); it cannot be resumed with these (use --overwrite to start again)")
                }
                started = previous["started"]?.stringValue ?? started
                runID = previous["run_id"]?.stringValue ?? runID
                for line in JSONLinesFile.lines(path: file("documents.jsonl")) {
                    guard let value = try? JSONValue.parse(line), value["error"] == nil,
                          let score = ScoreJSON.decodeDocument(value) else { continue }
                    journaled[score.file] = score
                }
                for name in earlier where name != "run.json" && name != "documents.jsonl" && name != "corpus.json" {
                    try? fm.removeItem(atPath: file(name))
                }
                append = true
            }
        }
        let journal: JSONLinesFile
        do { journal = try JSONLinesFile(path: file("documents.jsonl"), append: append) } catch {
            Glibc.close(fd)
            throw RunFolderError(path: file("documents.jsonl"), message: "cannot write: \(Self.cause(error)) (free disk space or choose another --out)")
        }
        let folder = RunFolder(path: path, runID: runID, started: started, journaled: journaled, journal: journal,
                               lockFD: fd, settings: settings, fingerprint: fingerprint)
        try folder.writeRecord(finished: nil)
        return folder
    }

    private init(path: String, runID: String, started: String, journaled: [String: DocumentScore], journal: JSONLinesFile,
                 lockFD: Int32, settings: RunSettings, fingerprint: String) {
        self.path = path
        self.runID = runID
        self.started = started
        self.journaled = journaled
        self.journal = journal
        self.lockFD = lockFD
        self.settings = settings
        self.fingerprint = fingerprint
    }

    deinit {
        Glibc.close(lockFD)  // releases the lock
    }

    /// Marks the run finished in run.json.
    public func finish() throws(RunFolderError) {
        try writeRecord(finished: Self.now())
    }

    /// Writes `name` in the folder atomically; an error names the file and the cause.
    public func write(_ name: String, _ text: String) throws(RunFolderError) {
        let target = (path as NSString).appendingPathComponent(name)
        do { try AtomicFile.write(text, to: target) } catch {
            throw RunFolderError(path: target, message: "cannot write: \(error.reason) (free disk space or choose another --out; nothing partial was left under this name)")
        }
    }

    /// Writes the workbook of `input` as `name` in the folder atomically (`ScoreWorkbook`).
    public func writeWorkbook(_ name: String, _ input: CorpusReportInput, language: Language) throws(RunFolderError) {
        let target = (path as NSString).appendingPathComponent(name)
        do { try ScoreWorkbook.write(input, language: language, to: target) } catch {
            throw RunFolderError(path: target, message: "cannot write: \(error.reason) (free disk space or choose another --out; nothing partial was left under this name)")
        }
    }

    /// Writes `json`, indented, into the folder a piece at a time (atomically: `write`).
    public func write(_ name: String, json: JSONValue) throws(RunFolderError) {
        let target = (path as NSString).appendingPathComponent(name)
        do {
            try AtomicFile.write(to: target) { (sink) throws(AtomicFileError) in
                var failure: AtomicFileError?
                json.writePretty { piece in
                    guard failure == nil else { return }
                    do throws(AtomicFileError) { try sink(piece) } catch { failure = error }
                }
                if let failure { throw failure }
            }
        } catch {
            throw RunFolderError(path: target, message: "cannot write: \(error.reason) (free disk space or choose another --out; nothing partial was left under this name)")
        }
    }

    private func writeRecord(finished: String?) throws(RunFolderError) {
        var record = JSONValue.object([
            ("tool", .object([("name", .string("sturing")), ("version", .string(SturingVersion.current))])),
            ("run_id", .string(runID)),
            ("status", .string(finished == nil ? "running" : "finished")),
            ("started", .string(started)),
            ("finished", finished.map { .string($0) } ?? .null),
            ("fingerprint", .string(fingerprint)),
            ("settings", settings.json),
        ])
        // What the journal held when the run finished: merge, report and compare refuse a
        // documents.jsonl changed since.
        if finished != nil, case .object(var pairs) = record {
            pairs.append(("documents_sha256", .string(journal.sha256)))
            record = .object(pairs)
        }
        try write("run.json", record.pretty())
    }

    static func cause(_ error: Error) -> String {
        if let e = error as? CocoaError, let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if let e = error as? CocoaError, let text = e.userInfo[NSLocalizedDescriptionKey] as? String { return text }
        return error.localizedDescription
    }

    static func now() -> String { UTCTime.iso8601() }

    static func newRunID() -> String {
        UTCTime.compact() + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }
}

/// An output folder that cannot be used (exit code 2).
public struct RunFolderError: UserError, Sendable {
    /// The folder or file.
    public var path: String
    /// What is wrong and what to do.
    public var message: String
    public var description: String { "\(path): \(message)" }
}
