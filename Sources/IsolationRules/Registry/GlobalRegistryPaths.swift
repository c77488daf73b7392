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
        for base in ["software\\microsoft\\windows\\currentversion\\", "software\\wow6432node\\microsoft\\windows\\currentversion\\"]
        where key.hasPrefix(base) {
            // The component after the base, up to the next backslash or the end.
            let rest = key.utf8.dropFirst(base.utf8.count)
            let leaf = rest[..<(rest.firstIndex(of: UInt8(ascii: "\\")) ?? rest.endIndex)]
            if ["run", "runonce", "runonceex", "runservices", "runservicesonce"].contains(where: { leaf.elementsEqual($0.utf8) }) {
                return true
            }
        }
        return false
    }

    /// Whether the components `component` (one or more, joined by backslashes) appear whole in `key`.
    static func contains(_ key: String, component: String) -> Bool {
        var key = key
        var component = component
        return key.withUTF8 { text in
            component.withUTF8 { pattern in
                guard !pattern.isEmpty, pattern.count <= text.count else { return false }
                let backslash = UInt8(ascii: "\\")
                for start in 0...(text.count - pattern.count) {
                    let end = start + pattern.count
                    guard start == 0 || text[start - 1] == backslash, end == text.count || text[end] == backslash else { continue }
                    if UnsafeBufferPointer(rebasing: text[start..<end]).elementsEqual(pattern) { return true }
                }
                return false
            }
        }
    }
}
