import ArgumentParser
import Foundation
import SturingCore
import SturingPipeline
import SturingReport

/// `sturing score FILE...`: scores each file and prints a table, JSON or CSV.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score policy plans (PDF or text): signal words per steering perspective.")

    /// Output formats of `score`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Argument(help: "PDF or text files.")
    var files: [String]

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(name: .long, help: "table | json | csv")
    var format: Format = .table

    @Option(name: .long, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Files scored in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        let compiled = try lexiconOptions.compile()
        let provenance = LexiconOptions.provenance(compiled)
        let outcomes = try BatchScorer.run(paths: files, lexicon: compiled, jobs: jobs)
        var scores = [DocumentScore](), failures = [FileFailure]()
        for o in outcomes {
            switch o {
            case .scored(let s): scores.append(s)
            case .failed(let f): failures.append(f)
            }
        }
        let text: String
        switch format {
        case .table: text = ScoreTable.render(provenance: provenance, scores: scores, failures: failures)
        case .json: text = ScoreJSON.report(provenance: provenance, scores: scores, failures: failures).pretty()
        case .csv: text = ScoreCSV.render(scores: scores, failures: failures)
        }
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        for f in failures {
            FileHandle.standardError.write(Data("sturing: error: \(f.file): \(f.error)\n".utf8))
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
