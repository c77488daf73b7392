import Findings
import IsolationEngine

extension RuleCatalog {
    /// F. InfVerif parity: general validity checks.
    static let parityRules: [any Rule.Type] = [
        PrimitiveDefaultInstall.self,
        DefaultInstallNeedsArch.self,
        PrimitiveRules.self,
        SectionReferencedTwice.self,
        UnusedSection.self,
        MicrosoftProvider.self,
        ReservedClass.self,
        ClassInstallForSystemClass.self,
        ClassGuidMismatch.self,
        ReservedServiceName.self,
        NoDeviceInstalled.self,
        MissingServicesSection.self,
        BadDecoration.self,
        DuplicateSection.self,
        CatalogInSourceDisks.self,
        DriverVerFormat.self,
        CatalogMissing.self,
        UnknownDiskID.self,
        NoDestination.self,
        DiridInRegistryValue.self,
        ArchitectureDecoration.self,
        UnresolvedToken.self,
        ProviderMismatch.self,
    ]
}
