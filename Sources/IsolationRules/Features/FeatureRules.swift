import Findings
import IsolationEngine

extension RuleCatalog {
    /// F. InfVerif parity: software, components, COM servers, event channels, extension INFs,
    /// Include/Needs and class-specific requirements.
    static let featureRules: [any Rule.Type] = [
        SoftwareInstallSection.self,
        DesktopOnlySoftware.self,
        ComponentIdCharacters.self,
        ComThreadingModel.self,
        EventChannel.self,
        ExtensionINF.self,
        UmdfServiceNotOrdered.self,
        DeviceInstall32Unmatched.self,
        NeedsSuffixMismatch.self,
        NeedsWithoutInclude.self,
        NeedsUnknownSection.self,
        IncludedSectionNamedDirectly.self,
        SectionInIncludedINF.self,
        IncludeUnknownINF.self,
        APORegistration.self,
        ReservedNetworkComponentID.self,
        NdiServiceNotAdded.self,
        UniqueServiceName.self,
        RebootDirective.self,
        DisplayDriverPath.self,
        DisplayServiceStartType.self,
        DesktopOnlyDecoration.self,
        NetDriversSection.self,
        WdfDirectiveForVersion.self,
    ]
}
