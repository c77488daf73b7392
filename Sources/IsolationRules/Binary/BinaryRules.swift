import Findings
import IsolationEngine

extension RuleCatalog {
    /// E. Binaries: the .sys, .dll and .exe files of a built package.
    static let binaryRules: [any Rule.Type] = [
        BinaryHardcodedRegistryPath.self,
        BinaryHardcodedFilePath.self,
        BinaryAPINewerThanTarget.self,
        BinaryInterfacesEnumeratedOnce.self,
        BinaryNotInstalled.self,
        BinaryUnreadable.self,
    ]
}
