/// The validation modes, mirroring InfVerif's so users can switch without surprise.
public enum Mode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Windows Driver (`/w`): declarative + universal + isolation; isolation rules are errors.
    case isolation
    /// What signing requires today (`/h`): isolation minus the published exception list.
    case signature
    /// Universal INF syntax (`/u`); isolation rules are warnings.
    case universal
    /// Declarative (DCH) rules (`/k`); isolation rules are warnings.
    case declarative
    /// Windows Desktop Driver: every rule is at most a warning.
    case desktop

    /// InfVerif's one-letter switch for the mode, if it has one.
    public var infVerifLetter: String? {
        switch self {
        case .isolation: return "w"
        case .signature: return "h"
        case .universal: return "u"
        case .declarative: return "k"
        case .desktop: return nil
        }
    }

    /// Accepts a mode name or its InfVerif letter (`w`, `h`, `u`, `k`, with or without `/`).
    public init?(argument: String) {
        var text = argument.lowercased()
        if text.hasPrefix("/") { text.removeFirst() }  // platform: not a host path (an InfVerif switch)
        if let mode = Mode(rawValue: text) { self = mode; return }
        guard let mode = Mode.allCases.first(where: { $0.infVerifLetter == text }) else { return nil }
        self = mode
    }
}
