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
            return Self.violation(context, item.entry)
        }
    }

    /// The finding for `entry`: on its root, with InfVerif's code (1321 for a value) and values.
    static func violation(_ context: RuleContext, _ entry: RegistryEntry, fix: UnitFix? = nil) -> Violation {
        let infVerif = InfVerifValues.registryRoot(entry, mode: context.mode)
        return Violation(range: context.range(of: entry.line, field: 1), message: Self.message(entry),
                         allowedInSignatureMode: Self.allowedInSignatureMode(entry), fix: fix,
                         code: infVerif.code == 1321 ? 1321 : nil, infVerifValues: infVerif.values)
    }

    static func allowedInSignatureMode(_ entry: RegistryEntry) -> Bool {
        RegistryKnowledge.isSignatureException(root: entry.root, subkey: entry.subkey)
    }
}
