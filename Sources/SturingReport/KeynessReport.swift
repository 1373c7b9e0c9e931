import Foundation
import SturingAnalysis

/// The words of `sturing keyness` as JSON, CSV or a terminal table.
public enum KeynessReport {
    /// JSON: the target plans, the number of reference plans and the words.
    public static func json(target: [String], referencePlans: Int, words: [Keyness.Word]) -> String {
        JSONValue.object([
            ("target", .array(target.map { .string($0) })), ("reference_plans", .int(referencePlans)),
            ("words", .array(words.map { w in .object([("word", .string(w.word)), ("target", .int(w.target)), ("reference", .int(w.reference)),
                                                      ("plans", .int(w.plans)), ("g2", .double(w.g2)), ("log_ratio", .double(w.logRatio)),
                                                      ("in_lexicon", .bool(w.inLexicon)), ("context", .string(w.context))]) })),
        ]).pretty()
    }

    /// CSV, one row per word.
    public static func csv(_ words: [Keyness.Word]) -> String {
        CSVText.write([["word", "target", "reference", "plans", "g2", "log_ratio", "in_lexicon", "context"]]
            + words.map { [$0.word, "\($0.target)", "\($0.reference)", "\($0.plans)", String(format: "%.4f", $0.g2), String(format: "%.4f", $0.logRatio), $0.inLexicon ? "yes" : "no", $0.context] })
    }

    /// A table for the terminal (every line escaped for it).
    public static func table(target: [String], referencePlans: Int, words: [Keyness.Word]) -> String {
        var lines = [Escape.terminal("target: \(target.count) plan(s) (\(target.prefix(8).joined(separator: ", "))\(target.count > 8 ? ", …" : "")); reference: \(referencePlans) plan(s)"),
                     "word                      target  ref   plans       G²  log ratio  lexicon  context"]
        for w in words {
            let line = w.word.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: " %7d %5d %6d %9.1f %9.2f  ", w.target, w.reference, w.plans, w.g2, w.logRatio)
                + (w.inLexicon ? "yes      " : "         ") + w.context
            lines.append(Escape.terminal(line))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
