import Findings
import IsolationEngine
import IsolationKnowledge

/// A driver writes registry values and opens its Parameters key, but keeps no persistent state.
public struct ParametersWrittenAtRuntime: BinaryRule {
    public static let description = RuleDescription(
        name: "parameters-written-at-runtime", codes: [],
        title: "A driver may write its Parameters key at run time",
        why: "A service's Parameters key holds what the INF wrote and is read-only at run time under isolation; settings the driver changes belong in its persistent state (DriverRegKeyPersistentState), read back over the INF's defaults with RtlQueryRegistryValueWithFallback. The imports cannot show which key a write goes to, so this is a hint.",
        fix: "Open persistent state with IoOpenDriverRegistryKey(DriverRegKeyPersistentState) or WdfDriverOpenPersistentStateRegistryKey for writes, keep Parameters for reading, and read settings with RtlQueryRegistryValueWithFallback (persistent state first, Parameters as the fallback).",
        levels: levels("N N N N"), fixable: false, group: .isolationGuidance)

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isodrv.sys"]), fixture: "isodrv-x64.sys", path: "isodrv.sys",
            reports: [.init("ZwSetValueKey", .note)]),
        BinaryExample(inf: ExampleINF.installing(["isoclean.sys"]), fixture: "isoclean-x64.sys", path: "isoclean.sys"),
        BinaryExample(inf: ExampleINF.installing(["isoopen.dll"]), fixture: "isoopen-x64.dll", path: "isoopen.dll"),
    ]

    /// Kernel functions that write registry values.
    static let writers = ["ZwSetValueKey", "NtSetValueKey", "RtlWriteRegistryValue"]
    /// Kernel functions that open the driver's Parameters key (among others).
    static let parameterOpeners = ["IoOpenDriverRegistryKey", "WdfDriverOpenParametersRegistryKey"]
    /// Functions that show the driver keeps persistent state.
    static let persistentState = ["RtlQueryRegistryValueWithFallback", "WdfDriverOpenPersistentStateRegistryKey"]

    public init() {}

    public func check(_ binary: BinaryTarget) -> [Violation] {
        let image = binary.image
        guard image.isKernelDriver, let writer = image.firstImport(of: Self.writers),
              !image.importsAny(of: Self.persistentState) else { return [] }
        let opens: String
        if let opener = image.firstImport(of: Self.parameterOpeners) {
            opens = "imports \(opener.function)"
        } else if let path = image.strings.first(where: { PathPatterns.namesParametersKey($0.value) }) {
            opens = "holds '\(path.value)'"
        } else {
            return []
        }
        return [binary.violation(
            at: writer.offset,
            "\(writer.function) writes registry values and the driver \(opens), but nothing shows persistent state (RtlQueryRegistryValueWithFallback); if the writes go to Parameters, move them to DriverRegKeyPersistentState")]
    }
}
