import Foundation

/// One of the four steering perspectives (sturingsperspectieven), always in this order.
public enum Perspective: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// Public Administration: steering on rules (rechtmatige overheid).
    case pa = "PA"
    /// New Public Management: steering on performance (presterende overheid).
    case npm = "NPM"
    /// New Public Governance: steering on networks (netwerkende overheid).
    case npg = "NPG"
    /// Societal Resilience: steering on society's own strength (participerende overheid).
    case sr = "SR"

    /// The code as printed in tables and JSON keys ("PA", "NPM", "NPG", "SR").
    public var code: String { rawValue }

    /// The position in the fixed order PA, NPM, NPG, SR.
    public var index: Int {
        switch self {
        case .pa: 0
        case .npm: 1
        case .npg: 2
        case .sr: 3
        }
    }

    /// The Dutch label used in reports ("rechtmatige overheid").
    public var dutchLabel: String {
        switch self {
        case .pa: "rechtmatige overheid"
        case .npm: "presterende overheid"
        case .npg: "netwerkende overheid"
        case .sr: "participerende overheid"
        }
    }

    /// The English label ("Public Administration").
    public var englishLabel: String {
        switch self {
        case .pa: "Public Administration"
        case .npm: "New Public Management"
        case .npg: "New Public Governance"
        case .sr: "Societal Resilience"
        }
    }

    /// Parses a code case-insensitively ("pa", "NPM"); nil for anything else.
    public init?(code: String) {
        let upper = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard let p = Perspective(rawValue: upper) else { return nil }
        self = p
    }

    public var description: String { rawValue }

    public static func < (lhs: Perspective, rhs: Perspective) -> Bool { lhs.index < rhs.index }
}
