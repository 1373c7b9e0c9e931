import Foundation
import SturingAnalysis
import SturingCore

/// The language of user-facing reports.
public enum Language: String, Sendable, CaseIterable {
    /// Dutch (default).
    case dutch = "nl"
    /// English.
    case english = "en"
}

/// User-facing labels and number notation for one language.
public struct Labels: Sendable {
    /// The language.
    public let language: Language

    /// Labels for `language`.
    public init(_ language: Language) { self.language = language }

    var nl: Bool { language == .dutch }
    /// `dutch` or `english`, in this language: a sentence said once, inline where it is used.
    public func text(_ dutch: String, _ english: String) -> String { nl ? dutch : english }
    /// "Gemiddelden" / "Means".
    public var means: String { nl ? "Gemiddelden" : "Means" }
    /// "groep" / "group".
    public var group: String { nl ? "groep" : "group" }
    /// "alle plannen" / "all plans".
    public var all: String { nl ? "alle plannen" : "all plans" }
    /// "Top" (same in both).
    public var top: String { "Top" }
    /// "Laagste" / "Bottom".
    public var bottom: String { nl ? "Laagste" : "Bottom" }

    /// "rechtmatige overheid (PA)" / "Public Administration (PA)".
    public func perspective(_ p: Perspective) -> String { "\(nl ? p.dutchLabel : p.englishLabel) (\(p.code))" }

    /// A percentage with one decimal (or `decimals`): "31,1 %" in Dutch, "31.1%" in English.
    public func percent(_ d: Double, decimals: Int = 1) -> String {
        let s = Self.fixed(d, decimals)
        return nl ? Self.decimalComma(s) + " %" : s + "%"
    }

    /// `d` with `decimals` decimals; a value that rounds to zero has no minus sign ("0,0", not "-0,0").
    static func fixed(_ d: Double, _ decimals: Int) -> String {
        var s = FixedDecimal.string(d, decimals: decimals)
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
        return s
    }

    /// A count with its noun in the report's language, singular for 1: "1 plan", "12.345 plannen".
    public func counted(_ n: Int, _ dutch: (one: String, many: String), _ english: (one: String, many: String)) -> String {
        let words = language == .dutch ? dutch : english
        return "\(count(n)) \(n == 1 ? words.one : words.many)"
    }

    /// A whole number with thousands separators in the language's notation (12.345 / 12,345).
    public func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(nl ? "." : ",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A number with `decimals` decimals in the language's notation.
    public func number(_ d: Double, _ decimals: Int = 1) -> String {
        let s = Self.fixed(d, decimals)
        return nl ? Self.decimalComma(s) : s
    }

    /// A formatted number with a decimal comma instead of its decimal point ("12.5" → "12,5"),
    /// byte by byte (the reports write thousands of them).
    public static func decimalComma(_ number: String) -> String {
        String(decoding: number.utf8.map { $0 == 0x2E ? 0x2C : $0 }, as: UTF8.self)
    }
}


extension Labels {
    /// Why a plan is not ranked: its shares rest on too few signal words.
    public func notRanked(signalWords n: Int, minimum: Int) -> String {
        nl ? "niet gerangschikt: \(n) signaalwoord\(n == 1 ? "" : "en"), minder dan \(minimum) (--min-signal-words); telt niet mee in rangordes, gemiddelden en de selectie van casussen"
           : "not ranked: \(n) signal word\(n == 1 ? "" : "s"), fewer than \(minimum) (--min-signal-words); left out of ranks, means and the case selection"
    }

    /// A case-selection reason in this language.
    public func reason(_ r: CaseSelection.Reason) -> String {
        guard nl else { return r.description }
        switch r {
        case .excluded: return "uitgesloten (--exclude)"
        case .alreadyChosen(let role): return "al gekozen voor \(role)"
        case .clash(let rule, let group, let other, let role):
            return "zelfde \(rule == .province ? "provincie" : "regio") (\(group)) als \(other), gekozen voor \(role)"
        case .listed(let lists):
            return "staat in " + lists.map { $0.replacingOccurrences(of: "bottom", with: "laagste") }.joined(separator: ", ")
        }
    }

    /// A case-selection note in this language.
    public func note(_ n: CaseSelection.Note) -> String {
        guard nl else { return n.description }
        switch n {
        case .noCandidate(let rule): return "geen gemeente over na uitsluitingen en de \(rule == .province ? "provincie" : "regio")regel"
        case .nearest(let d, let k): return "dichtst bij het gemiddelde profiel (afstand \(number(d)) procentpunt), niet in een top-\(k)- of laagste-\(k)-lijst"
        case .noAverage(let plans, let k): return "geen gemeente komt in aanmerking als gemiddeld geval: bij \(plans) plannen dekken de top-\(k)- en laagste-\(k)-lijsten ze allemaal (kies een kleinere --top of --average NAAM)"
        case .forced(let reasons): return reasons.isEmpty ? "gekozen met --average; komt in aanmerking" : "gekozen met --average; komt niet in aanmerking: " + reasons.map(reason).joined(separator: "; ")
        case .unknown(let name): return "--average \(name): deze gemeente staat niet in de tabel"
        case .notRanked(let name, let n, let min): return "--average \(name): niet gerangschikt, de aandelen rusten op \(n) signaalwoord\(n == 1 ? "" : "en") (minder dan \(min), --min-signal-words)"
        }
    }
}
