import ArgumentParser
import Foundation
import SturingPipeline
import SturingReport

/// `sturing cache info|prune [FOLDER]`: what the text cache holds, and trimming it.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or trim the cache of extracted text and tokens (by default Output/.cache, beside the output folders).",
        subcommands: [Info.self, Prune.self])

    /// `sturing cache info`.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How many entries and bytes the cache holds, and how many this version can use.")

        @Argument(help: "The cache folder.")
        var folder: String = "Output/.cache"

        func run() throws {
            let entries = CacheInventory.scan(folder)
            guard FileManager.default.fileExists(atPath: folder) else {
                print(Escape.terminal("\(folder): no cache here yet (analyze fills it)"))
                return
            }
            func line(_ label: String, _ list: [CacheInventory.Entry]) -> String {
                "\(label): \(list.count) file\(list.count == 1 ? "" : "s"), \(Self.size(list.reduce(0) { $0 + $1.bytes }))"
            }
            print(Escape.terminal(folder))
            print("  " + line("texts", entries.filter { $0.kind == "text" && $0.current }))
            print("  " + line("tokens", entries.filter { $0.kind == "tokens" && $0.current }))
            let stale = entries.filter { $0.kind != "other" && !$0.current }
            print("  " + line("from other versions (unused; `sturing cache prune` removes them)", stale))
            if let oldest = entries.filter({ $0.kind != "other" }).map(\.modified).min() {
                print("  oldest entry written \(ISO8601DateFormatter().string(from: oldest))")
            }
        }

        static func size(_ bytes: Int) -> String {
            bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(bytes / 1024) KB"
        }
    }

    /// `sturing cache prune`.
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove entries this version cannot use and leftovers; optionally old entries, or the oldest until it fits a size.")

        @Argument(help: "The cache folder.")
        var folder: String = "Output/.cache"

        @Option(name: .long, help: ArgumentHelp("Also remove entries not written for this many days.", valueName: "days"))
        var olderThan: Double?

        @Option(name: .long, help: ArgumentHelp("Then remove the oldest entries until the cache holds at most this many MB.", valueName: "MB"))
        var maxSize: Int?

        func validate() throws {
            if let olderThan, !(olderThan >= 0) { throw ValidationError("--older-than must be 0 days or more") }
            if let maxSize, maxSize < 0 { throw ValidationError("--max-size must be 0 MB or more") }
        }

        func run() throws {
            guard FileManager.default.fileExists(atPath: folder) else {
                print(Escape.terminal("\(folder): no cache here (nothing to prune)"))
                return
            }
            let pruned = CacheInventory.prune(folder, olderThanDays: olderThan, maxBytes: maxSize.map { $0 << 20 })
            print(Escape.terminal("\(folder): removed \(pruned.files) file\(pruned.files == 1 ? "" : "s"), \(Info.size(pruned.bytes)) freed"))
        }
    }
}
