extension RuleCatalog {
    /// F. InfVerif parity: general validity checks.
    static let parityRules: [any Rule.Type] = []
}
