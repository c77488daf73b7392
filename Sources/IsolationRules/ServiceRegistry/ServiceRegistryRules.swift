import Findings
import IsolationEngine

extension RuleCatalog {
    /// F. InfVerif parity: service-install sections and registry lines.
    static let serviceRegistryRules: [any Rule.Type] = [
        MultipleAssociatedServices.self,
        EventLogType.self,
        AssociatedServiceDisabled.self,
        ServiceTypeConflict.self,
        UnnamedService.self,
        ServiceBinaryImagePath.self,
        WMIInterfaceFlags.self,
        RegistryDataFormat.self,
        MultiSzModification.self,
        ProtectedRegistryKey.self,
        HKRSecurityDescriptor.self,
        ConflictingRegistryValue.self,
        ConflictingService.self,
        WellKnownValueType.self,
    ]
}
