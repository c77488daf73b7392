import Findings
import IsolationEngine

extension RuleCatalog {
    /// F. InfVerif parity: [Version], source disks, DIRIDs and copied files.
    static let packageFileRules: [any Rule.Type] = [
        VersionKeyMissing.self,
        VersionKeyInvalid.self,
        MalformedGUID.self,
        CatalogFileName.self,
        MalformedDiskID.self,
        MalformedPath.self,
        CompressedFileName.self,
        CopyINFNotINF.self,
        UnresolvableDirid.self,
        DriverStoreRestriction.self,
        FeatureScoreRange.self,
        LocalizedStringsMismatch.self,
    ]
}
