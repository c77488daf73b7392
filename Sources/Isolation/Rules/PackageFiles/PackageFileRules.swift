extension RuleCatalog {
    /// F. InfVerif parity: [Version], source disks, DIRIDs and copied files.
    static let packageFileRules: [any Rule.Type] = [
    ]
}
