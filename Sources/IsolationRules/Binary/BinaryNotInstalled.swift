import Findings
import IsolationEngine

/// A binary of a built package that no INF of the package installs.
public struct BinaryNotInstalled: BinaryRule {
    public static let description = RuleDescription(
        name: "binary-not-installed", codes: [],
        title: "A package binary is installed by no INF",
        why: "A file that no CopyFiles names never reaches the driver store, so nothing can load it from there; it is often a stale build output or a helper the INF forgot, and it still goes into the catalog and the submission.",
        fix: "Copy it with a CopyFiles entry (and list it in SourceDisksFiles) if the package needs it, or remove it from the package folder.",
        levels: levels("N N N N"), fixable: false, group: .binaries)

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isoclean.sys"]),
            files: [.init(fixture: "isoclean-x64.sys", path: "isoclean.sys"), .init(fixture: "isoopen-x64.dll", path: "tools/isoopen.dll")],
            reports: [.init(level: .note)]),
        BinaryExample(
            inf: ExampleINF.installing(["isoclean.sys", "isoopen.dll"]),
            files: [.init(fixture: "isoclean-x64.sys", path: "isoclean.sys"), .init(fixture: "isoopen-x64.dll", path: "isoopen.dll")],
            reports: []),
    ]

    public init() {}

    public func check(_ binary: BinaryTarget) -> [Violation] {
        guard binary.isPackaged, binary.installs.isEmpty else { return [] }
        return [binary.violation(at: 0, "'\(binary.path)' is in the package folder, but no INF of the package installs it")]
    }
}
