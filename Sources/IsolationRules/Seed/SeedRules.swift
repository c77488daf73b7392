import Findings
import IsolationEngine

extension RuleCatalog {
    /// G. Further rules from the driver package isolation guidance that no other tool checks.
    static let seedRules: [any Rule.Type] = [
        BinaryHardcodedDevicePath.self,
        DataRootFile.self,
        DriverDataInUserModePath.self,
        ParametersWrittenAtRuntime.self,
    ]
}
