import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// Global registry locations that specific rules report instead of the generic non-HKR rule.
enum GlobalRegistryPath: Sendable {
    case serviceKey(service: String, rest: String)
    case runKey
    case autologger
    case mediaCategory
    case eventProvider
    case classesRoot

    /// What a non-HKR registry line writes, when it is one of the specific cases.
    static func classify(_ entry: RegistryEntry) -> GlobalRegistryPath? {
        let key = entry.normalizedSubkey
        switch entry.root {
        case .classesRoot:
            return .classesRoot
        case .localMachine:
            if let service = RegistryKnowledge.serviceKey(in: entry.subkey) { return .serviceKey(service: service.service, rest: service.rest) }
            if key.hasPrefix("software\\classes") { return .classesRoot }
            if isRunKey(key) { return .runKey }
            if contains(key, component: "control\\wmi\\autologger") { return .autologger }
            if contains(key, component: "control\\mediacategories") { return .mediaCategory }
            if contains(key, component: "winevt\\publishers") || contains(key, component: "winevt\\channels") { return .eventProvider }
            return nil
        case .currentUser:
            return isRunKey(key) ? .runKey : nil
        default:
            return nil
        }
    }

    static func isRunKey(_ key: String) -> Bool {
        for base in ["software\\microsoft\\windows\\currentversion\\", "software\\wow6432node\\microsoft\\windows\\currentversion\\"] {
            for leaf in ["run", "runonce", "runonceex", "runservices", "runservicesonce"] {
                let path = base + leaf
                if key == path || key.hasPrefix(path + "\\") { return true }
            }
        }
        return false
    }

    static func contains(_ key: String, component: String) -> Bool {
        key == component || key.hasPrefix(component + "\\") || key.hasSuffix("\\" + component) || key.containsBytes("\\" + component + "\\")
    }
}
