extension RuleCatalog {
    /// F. InfVerif parity: software, components, COM servers, event channels, extension INFs,
    /// Include/Needs and class-specific requirements.
    static let featureRules: [any Rule.Type] = [
    ]
}
