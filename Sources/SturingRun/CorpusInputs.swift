import Foundation
import SturingCore
import SturingIngest
import SturingPipeline

/// The plan files named on a command line (files, or folders whose manifest.csv names the
/// municipalities), for the commands that read a corpus without a run (`kwic`, `lexicon suggest`).
public struct CorpusInputs: Sendable {
    /// The files, in the order given (a folder's in its corpus order).
    public var files: [String] = []
    /// The municipality of each file that a folder's manifest (or file name) gives.
    public var municipality: [String: String] = [:]

    /// Lists `inputs`; a folder's manifest problems are thrown.
    public init(_ inputs: [String]) throws {
        for input in inputs {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue else {
                files.append(input)
                continue
            }
            let manifestPath = URL(fileURLWithPath: input).appendingPathComponent("manifest.csv").path
            var manifest: Manifest?
            if FileManager.default.fileExists(atPath: manifestPath) {
                manifest = try Manifest.load(path: manifestPath)
            }
            let corpus: CorpusPlan
            corpus = try CorpusPlan.make(directory: input, manifest: manifest)
            files += corpus.files
            for plan in corpus.plans { for f in plan.files { municipality[f] = plan.municipality } }
        }
    }
}
