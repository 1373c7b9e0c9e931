import ArgumentParser
import Foundation
import SturingRun
import SturingCore
import SturingIngest
import SturingText

/// The `sturing` command: measures how municipalities steer in their social-domain policy plans.
@main
struct Sturing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sturing",
        abstract: "Meet sturing in gemeentelijke beleidsplannen (signal-word counts per steering perspective).",
        discussion: "Reads \(ReadFormats.list). Exit codes: 0 all inputs scored, 1 some inputs failed (listed), 2 usage or configuration error.",
        version: versionText,
        subcommands: [AnalyzeCommand.self, ScoreCommand.self, RankCommand.self, SelectCommand.self, ReportCommand.self, KWICCommand.self, TextCommand.self, MergeCommand.self, SensitivityCommand.self, LexiconCommand.self, ValidateCommand.self, CompareCommand.self, KeynessCommand.self, CacheCommand.self])

    /// The version, with the libraries that decide what is read and counted.
    static let versionText = "sturing \(SturingVersion.current) (ICU \(WordTokenizer.icuVersion), poppler \(ExtractionLibraries.poppler), "
        + "\(SnowballStemmer.identification), tesseract \(ExtractionLibraries.tesseract), libxml2 \(ExtractionLibraries.libxml2), "
        + "libzip \(ExtractionLibraries.libzip))"

    /// Runs the command line with the exit codes of the design: usage errors exit 2, not 64; a
    /// mistyped command is named with the closest one (in Dutch, in English with --lang en).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = CommandSuggestion.unknownCommand(arguments, root: Sturing.self, language: CommandLanguage(arguments)) {
            printNote(message)
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as CLIError {
            printError(error.description)
            Foundation.exit(2)
        } catch let error as UserError {
            printError(error.description)
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
