import Foundation

/// The built `sturing` binary and the repository it was built from, for end-to-end tests.
public enum TestBinary {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    /// The document fixtures (PDFs, web pages, Word files).
    public static let fixtures = root.appendingPathComponent("Tests/SturingIngestTests/Fixtures")
    /// Nijdam's appendix G, a share table with known ranks.
    public static let appendixG = root.appendingPathComponent("data/nijdam-2019-bijlage-g.csv").path
    /// The demo corpus.
    public static let demoCorpus = root.appendingPathComponent("Corpus")

    /// The `sturing` executable built beside the test bundle.
    public static var binary: String {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("sturing").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/sturing").path
    }

    /// What one run of the binary gave.
    public struct Run: Sendable {
        /// Its exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// Runs `sturing ARGS` in `cwd` (the repository by default), with `environment` added to
    /// this process's, and waits for it.
    @discardableResult
    public static func run(_ args: [String], cwd: URL = root, environment: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = cwd
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = readAll(out)
        let e = readAll(err)
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Everything a pipe gives until its writer closes it, reading again after an interrupted
    /// call (Foundation's `readDataToEndOfFile` stops the whole test process on EINTR).
    public static func readAll(_ pipe: Pipe) -> Data {
        let fd = pipe.fileHandleForReading.fileDescriptor
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 { data.append(contentsOf: buffer[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            return data
        }
    }
}
