/// The verdict on each item of an install plan: the rules that call it not isolated, empty when it is
/// isolated. Items are found by their device's index in the plan and their index in the device.
public struct InstallVerdicts: Sendable {
    /// Per device, per file: the rules.
    public var files: [[[String]]]
    /// Per device, per registry value: the rules.
    public var registry: [[[String]]]
    /// Per device, per service: the rules about its binary.
    public var services: [[[String]]]

    public init(files: [[[String]]] = [], registry: [[[String]]] = [], services: [[[String]]] = []) {
        self.files = files
        self.registry = registry
        self.services = services
    }

    /// The rules against file `index` of device `device`.
    public func file(_ index: Int, device: Int) -> [String] { Self.lookup(files, device, index) }
    /// The rules against registry value `index` of device `device`.
    public func registryValue(_ index: Int, device: Int) -> [String] { Self.lookup(registry, device, index) }
    /// The rules against the binary of service `index` of device `device`.
    public func service(_ index: Int, device: Int) -> [String] { Self.lookup(services, device, index) }

    /// Every rule any item is marked with.
    public var allRules: Set<String> {
        Set((files + registry + services).flatMap { $0.flatMap { $0 } })
    }

    private static func lookup(_ table: [[[String]]], _ device: Int, _ index: Int) -> [String] {
        guard device < table.count, index < table[device].count else { return [] }
        return table[device][index]
    }
}
