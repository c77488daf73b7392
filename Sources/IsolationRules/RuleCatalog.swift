import Findings
import IsolationEngine

/// Every rule Isolint has, in catalog order.
public enum RuleCatalog {
    /// The rule types, in catalog order (groups A to G).
    public static let all: [any Rule.Type] = fileRules + registryRules + declarativeRules + structureRules + binaryRules
        + parityRules + argumentRules + serviceRegistryRules + packageFileRules + featureRules + seedRules

    /// The descriptions of every rule.
    public static let descriptions: [RuleDescription] = all.map { $0.description }

    /// The rule named `name`, or whose InfVerif code is `name`.
    public static func rules(matching name: String) -> [any Rule.Type] {
        let selector = RuleSelector(name)
        if let exact = all.first(where: { $0.description.name == selector.text }) { return [exact] }
        return all.filter { selector.matches($0.description) }
    }
}

extension Checker {
    /// A checker running every rule of the catalog that `options` select.
    public init(options: CheckOptions) {
        self.init(options: options, rules: RuleCatalog.all)
    }
}

extension CheckRun {
    /// A run of every rule of the catalog that `options` select.
    public init(options: CheckOptions) {
        self.init(options: options, rules: RuleCatalog.all)
    }
}
