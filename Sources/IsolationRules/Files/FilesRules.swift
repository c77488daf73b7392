import Findings
import IsolationEngine

extension RuleCatalog {
    /// A. Files: run from the driver store.
    static let fileRules: [any Rule.Type] = [
        DestinationNotDriverStore.self,
        DeprecatedDirid.self,
        ProgramFilesDestination.self,
        DriverStoreRename.self,
        ConflictingDestination.self,
        UnisolatedFileReference.self,
        RegistryPathNotCopied.self,
        HardcodedPath.self,
        DriverStoreNeedsNewerOS.self,
    ]
}
