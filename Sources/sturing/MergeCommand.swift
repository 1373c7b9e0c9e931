import ArgumentParser
import Foundation
import SturingReport
import SturingRun

/// `sturing merge SHARD... --out DIR`: combines the runs of `analyze --shard K/N` into exactly the
/// outputs one run over the whole corpus gives.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output folders of `analyze --shard K/N` runs into the outputs of one run.",
        discussion: "Refuses shards that do not fit together (another lexicon, match mode, corpus listing or version) and names a missing shard.")

    @Argument(help: "The --out folders of the shards (all N of them).")
    var shards: [String]

    @Option(name: .long, help: "Output folder for the merged run.")
    var out: String

    @Flag(name: .long, help: "Replace the run in --out.")
    var overwrite = false

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shard folders to merge") }
    }

    func run() throws {
        let summary = try MergeRun.run(folders: shards, out: out, overwrite: overwrite)
        try Closing.print(summary, quiet: false)
    }
}
