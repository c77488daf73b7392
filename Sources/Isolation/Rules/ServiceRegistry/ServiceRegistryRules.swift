extension RuleCatalog {
    /// F. InfVerif parity: service-install sections and registry lines.
    static let serviceRegistryRules: [any Rule.Type] = [
    ]
}
