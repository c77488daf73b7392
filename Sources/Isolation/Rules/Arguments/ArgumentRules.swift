extension RuleCatalog {
    /// F. InfVerif parity: the arguments of directives and the entries of sections.
    static let argumentRules: [any Rule.Type] = [
    ]
}
