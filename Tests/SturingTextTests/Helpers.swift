import SturingCore
@testable import SturingText

/// Scores `text` (one page) against a YAML lexicon body (entries only, or a full file).
func score(_ text: String, entries: String, match: String = "stem", setting: MatchSetting = .lexicon) throws -> DocumentScore {
    let yaml = "name: test\nversion: \"1\"\nmatch: \(match)\nentries:\n" + entries
    let lexicon = try LexiconLoader.loadYAML(yaml, path: "test.yaml", sha256: "")
    return try scoreWith(lexicon, text, setting: setting)
}

/// Scores `text` with a loaded lexicon.
func scoreWith(_ lexicon: Lexicon, _ text: String, setting: MatchSetting = .lexicon) throws -> DocumentScore {
    let compiled = try CompiledLexicon(lexicon, setting: setting)
    let scorer = try DocumentScorer(lexicon: compiled)
    let doc = Document(file: "t.txt", sha256: "", kind: .text, encoding: "UTF-8", pages: [text], hasPages: false)
    return try scorer.score(doc)
}

extension DocumentScore {
    /// The count of `term` (any perspective); 0 when the score does not list it (it counted nothing).
    func count(_ term: String) -> Int {
        terms.values.flatMap { $0 }.first { $0.term == term }?.count ?? 0
    }
    /// The matched forms of `term` as a dictionary.
    func forms(_ term: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (terms.values.flatMap { $0 }.first { $0.term == term }?.forms ?? []).map { ($0.form, $0.count) })
    }
    /// The excluded forms of `term`.
    func excludedForms(_ term: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (excluded.values.flatMap { $0 }.first { $0.term == term }?.forms ?? []).map { ($0.form, $0.count) })
    }
    /// The count of perspective `p`.
    func count(_ p: Perspective) -> Int { perspectives[p]?.count ?? -1 }
}
