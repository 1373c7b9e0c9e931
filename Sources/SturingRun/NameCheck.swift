import Foundation
import SturingAnalysis

/// Checks municipality names given in options (`--exclude`, `--focus`, `--average`) against the
/// names of a corpus or table, before anything is scored or written.
public enum NameCheck {
    /// Throws for the first name of `given` that is not in `names` (case ignored), suggesting the
    /// closest ones; `path` names the option or file, `place` where the names come from.
    public static func check(_ given: [String], in names: [String], path: String, place: String = "the table") throws(RunError) {
        let known = Set(names.map { $0.lowercased() })
        for name in given where !known.contains(name.lowercased()) {
            let close = NameSuggestion.closest(to: name, in: names)
            throw RunError("\(path): '\(name)' is not a municipality in \(place)"
                + (close.isEmpty ? " (check the spelling)" : " (did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?)"))
        }
    }

    /// A comma-separated list ("a, b,,c") as its non-empty, trimmed items.
    public static func list(_ s: String?) -> [String] {
        (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
