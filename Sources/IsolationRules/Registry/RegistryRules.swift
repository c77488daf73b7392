import Findings
import IsolationEngine

extension RuleCatalog {
    /// B. Registry: relative to the device, interface or service.
    static let registryRules: [any Rule.Type] = [
        RegistryRootNotHKR.self,
        HKCRModification.self,
        ServiceKeyOutsideParameters.self,
        GlobalServiceKey.self,
        IntrinsicServiceValue.self,
        FilterViaRegistry.self,
        EventProviderViaRegistry.self,
        AutologgerViaRegistry.self,
        RunKey.self,
        MediaCategoryGlobal.self,
        ObsoleteRegistryValue.self,
        ComClassNotInprocServer32.self,
    ]
}
