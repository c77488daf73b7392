/// The catalog group of a rule: what part of isolation (or of InfVerif's checks) it covers. The raw
/// value is the group's letter in the catalog and the documentation.
public enum RuleGroup: String, Sendable, CaseIterable, Hashable, Codable {
    case files = "A"
    case registry = "B"
    case declarative = "C"
    case structure = "D"
    case binaries = "E"
    case infVerifParity = "F"
    case isolationGuidance = "G"

    /// The group's title in the documentation.
    public var title: String {
        switch self {
        case .files: return "Files: run from the driver store"
        case .registry: return "Registry: relative to the device, interface or service"
        case .declarative: return "Declarative INF"
        case .structure: return "Structure"
        case .binaries: return "Binaries of a built package"
        case .infVerifParity: return "InfVerif parity"
        case .isolationGuidance: return "Further isolation guidance"
        }
    }

    /// A short name for tags (SARIF `properties.tags`, JSON).
    public var tag: String {
        switch self {
        case .files: return "files"
        case .registry: return "registry"
        case .declarative: return "declarative"
        case .structure: return "structure"
        case .binaries: return "binaries"
        case .infVerifParity: return "infverif-parity"
        case .isolationGuidance: return "isolation-guidance"
        }
    }
}
