/// Every rule Isolint has, in catalog order.
public enum RuleCatalog {
    /// The rule types, in catalog order (groups A to D).
    public static let all: [any Rule.Type] = [
        // A. Files: run from the driver store
        DestinationNotDriverStore.self,
        DeprecatedDirid.self,
        ProgramFilesDestination.self,
        DriverStoreRename.self,
        ConflictingDestination.self,
        UnisolatedFileReference.self,
        HardcodedPath.self,
        DriverStoreNeedsNewerOS.self,
        // B. Registry: relative to the device, interface or service
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
        // C. Declarative INF
        LegacyDirective.self,
        LegacySection.self,
        PnpLockdownMissing.self,
        InboxServiceBinary.self,
        ServiceBinaryNotCopied.self,
        ServiceBinaryNotUnderDirid.self,
        UMDF1Driver.self,
        // D. Structure
        SyntaxError.self,
        UnsupportedEncoding.self,
        VersionSection.self,
        UndefinedString.self,
        MissingSection.self,
        FileNotInSourceDisks.self,
        MissingPackageFile.self,
    ]

    /// The descriptions of every rule.
    public static var descriptions: [RuleDescription] { all.map { $0.description } }

    /// The rule named `name`, or whose InfVerif code is `name`.
    public static func rules(matching name: String) -> [any Rule.Type] {
        let selector = RuleSelector(name)
        if let exact = all.first(where: { $0.description.name == selector.text }) { return [exact] }
        return all.filter { selector.matches($0.description) }
    }
}
