import ArgumentParser
import SturingAnalysis

/// A mistyped subcommand (`sturing hlep`, `sturing analyz`, `sturing lexicon chek`), found before
/// the argument parser sees it, so the message names the word and suggests the closest command
/// instead of the parser's "Unexpected argument".
enum CommandSuggestion {
    /// The message for `arguments` (without the program name) when a word where a subcommand must
    /// stand names none; nil when the arguments start with a known command (or an option).
    static func unknownCommand(_ arguments: [String], root: ParsableCommand.Type, language: CommandLanguage) -> String? {
        var command = root
        var path = [String]()
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, command.configuration.defaultSubcommand == nil, !word.hasPrefix("-"), word != "help" else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { $0._commandName } + (path.isEmpty ? ["help"] : [])
            let given = (path + [word]).joined(separator: " ")
            let prefix = path.isEmpty ? "" : path.joined(separator: " ") + " "
            let nl = language == .dutch
            if let best = NameSuggestion.closest(to: word, in: names, k: 1).first {
                return nl ? "onbekende opdracht '\(given)'; bedoelde u '\(prefix + best)'?" : "unknown command '\(given)'; did you mean '\(prefix + best)'?"
            }
            return nl ? "onbekende opdracht '\(given)'; de opdrachten zijn: \(names.joined(separator: ", ")) (sturing \(prefix)--help)"
                      : "unknown command '\(given)'; the commands are: \(names.joined(separator: ", ")) (sturing \(prefix)--help)"
        }
        return nil
    }
}

/// The language of command-line messages: Dutch, unless `--lang en` is given.
enum CommandLanguage {
    /// Dutch (the default).
    case dutch
    /// English (`--lang en`).
    case english

    /// The language `arguments` ask for.
    init(_ arguments: [String]) {
        let english = zip(arguments, arguments.dropFirst()).contains { $0 == "--lang" && $1 == "en" } || arguments.contains("--lang=en")
        self = english ? .english : .dutch
    }
}
