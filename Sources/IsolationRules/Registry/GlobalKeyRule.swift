import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// Shared check for rules that report one kind of global registry location.
protocol GlobalKeyRule: Rule {
    /// Whether the classified path is the one the rule reports.
    static func matches(_ path: GlobalRegistryPath) -> Bool
    /// The message for a line.
    static func message(_ entry: RegistryEntry) -> String
    /// Whether signature mode still accepts the line.
    static func allowedInSignatureMode(_ entry: RegistryEntry) -> Bool
}

extension GlobalKeyRule {
    public func check(_ context: RuleContext) -> [Violation] {
        context.uniqueRegistryEntries.compactMap { item in
            guard let path = GlobalRegistryPath.classify(item.entry), Self.matches(path) else { return nil }
            return Violation(range: context.range(of: item.entry.line, field: 1), message: Self.message(item.entry),
                             allowedInSignatureMode: Self.allowedInSignatureMode(item.entry))
        }
    }

    static func allowedInSignatureMode(_ entry: RegistryEntry) -> Bool {
        RegistryKnowledge.isSignatureException(root: entry.root, subkey: entry.subkey)
    }
}
