/// How serious a finding is. A catalog "hint" is a note.
public enum Level: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// A rule's level in one mode: a level, or off.
public typealias ModeLevel = Level?
