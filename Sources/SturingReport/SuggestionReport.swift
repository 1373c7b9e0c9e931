import Foundation
import SturingAnalysis
import SturingCore

/// The candidates of `sturing lexicon suggest` as a terminal table, CSV or JSON.
public enum SuggestionReport {
    /// What was suggested, with the examples to show.
    public struct Input: Sendable {
        /// The perspective the candidates are for.
        public var perspective: Perspective
        /// The lexicon's name.
        public var lexicon: String
        /// Documents read.
        public var documents: Int
        /// The ranked candidates and the sentence counts.
        public var result: LexiconSuggestion.Result
        /// Per candidate (by index): its examples.
        public var examples: [Int: [KWICLine]]
        /// Per file: the municipality its folder's manifest names, when that is not its file name.
        public var municipality: [String: String]
        /// Where the context profile came from, in words.
        public var profileSource: String
        /// Examples asked for per candidate (the CSV's example columns).
        public var examplesPerCandidate: Int

        /// An input of these parts.
        public init(perspective: Perspective, lexicon: String, documents: Int, result: LexiconSuggestion.Result, examples: [Int: [KWICLine]],
                    municipality: [String: String], profileSource: String, examplesPerCandidate: Int) {
            self.perspective = perspective; self.lexicon = lexicon; self.documents = documents; self.result = result
            self.examples = examples; self.municipality = municipality; self.profileSource = profileSource
            self.examplesPerCandidate = examplesPerCandidate
        }

        /// An example as one line: "municipality, file p.N: left [match] right".
        func example(_ line: KWICLine) -> String {
            let name = URL(fileURLWithPath: line.file).lastPathComponent
            let place = municipality[line.file].flatMap { $0 == URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent ? nil : $0 }
            return ((place.map { $0 + ", " } ?? "") + name + (line.page.map { " p.\($0)" } ?? "")) + ": \(line.left) [\(line.match)] \(line.right)"
        }
    }

    /// The table for the terminal (every line escaped for it).
    public static func table(_ s: Input) -> String {
        let r = s.result, code = s.perspective.code
        var lines = [Escape.terminal("\(code) in \(s.documents) document(s), lexicon \(s.lexicon): \(r.targetSentences) sentence(s) where \(code) is counted, \(r.otherSentences) other(s); context profile from \(s.profileSource); \(r.eligible) words and phrases considered")]
        lines.append("rank  word or phrase              freq  docs  in \(code.padding(toLength: 4, withPad: " ", startingAt: 0)) other       G²  log ratio  similarity")
        for (c, candidate) in r.candidates.enumerated() {
            lines.append(Escape.terminal(String(format: "%4d  ", c + 1) + candidate.text.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(format: " %5d %5d %7d %5d %8.1f %10.2f %11.3f", candidate.frequency, candidate.documents, candidate.target, candidate.reference,
                         candidate.g2, candidate.logRatio, candidate.similarity)))
            for line in s.examples[c] ?? [] { lines.append(Escape.terminal("        " + s.example(line))) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV, one row per candidate with its examples in columns.
    public static func csv(_ s: Input, dialect: CSVDialect) -> String {
        let n = s.examplesPerCandidate
        var rows = [["rank", "candidate", "frequency", "documents", "in_perspective_sentences", "in_other_sentences", "g2", "log_ratio",
                     "similarity", "keyness_rank", "similarity_rank"] + (0..<n).map { "example_\($0 + 1)" }]
        for (c, candidate) in s.result.candidates.enumerated() {
            let shown = (s.examples[c] ?? []).map(s.example)
            rows.append(["\(c + 1)", candidate.text, "\(candidate.frequency)", "\(candidate.documents)", "\(candidate.target)", "\(candidate.reference)",
                         dialect.number(candidate.g2), dialect.number(candidate.logRatio), dialect.number(candidate.similarity),
                         "\(candidate.keynessRank)", "\(candidate.similarityRank)"]
                + (0..<n).map { $0 < shown.count ? shown[$0] : "" })
        }
        return dialect.write(rows)
    }

    /// JSON, with each example's file, page and context.
    public static func json(_ s: Input) -> String {
        let r = s.result
        return JSONValue.object([
            ("perspective", .string(s.perspective.code)), ("lexicon", .string(s.lexicon)), ("documents", .int(s.documents)),
            ("perspective_sentences", .int(r.targetSentences)), ("other_sentences", .int(r.otherSentences)),
            ("profile", .string(s.profileSource)), ("considered", .int(r.eligible)),
            ("candidates", .array(r.candidates.enumerated().map { c, candidate in .object([
                ("rank", .int(c + 1)), ("candidate", .string(candidate.text)), ("frequency", .int(candidate.frequency)), ("documents", .int(candidate.documents)),
                ("in_perspective_sentences", .int(candidate.target)), ("in_other_sentences", .int(candidate.reference)), ("g2", .double(candidate.g2)),
                ("log_ratio", .double(candidate.logRatio)), ("similarity", .double(candidate.similarity)), ("keyness_rank", .int(candidate.keynessRank)),
                ("similarity_rank", .int(candidate.similarityRank)),
                ("examples", .array((s.examples[c] ?? []).map { l in .object([("file", .string(l.file)), ("page", l.page.map { .int($0) } ?? .null),
                                                                            ("left", .string(l.left)), ("match", .string(l.match)), ("right", .string(l.right))]) })),
            ]) })),
        ]).pretty()
    }
}
