import Findings
import IsolationEngine
import IsolationKnowledge

/// A package binary holds an absolute file path.
public struct BinaryHardcodedFilePath: BinaryRule {
    public static let description = RuleDescription(
        name: "binary-hardcoded-file-path", codes: [],
        title: "A binary names an absolute file path",
        why: "An isolated package runs from the driver store, whose path differs on every machine, and keeps data in folders the system gives it; a fixed path such as \\SystemRoot\\System32\\drivers\\x.sys or C:\\Windows\\… breaks once the files are no longer copied there.",
        fix: "Find the package's own files relative to the binary (IoGetDriverDirectory with DriverDirectoryImage, or GetModuleFileName in user mode) and keep data under the driver's state folders (IoGetDriverDirectory with DriverDirectoryData, IoGetDeviceDirectory, GetServiceDirectory).",
        levels: levels("W W W W"), fixable: false, group: .binaries)

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isodrv.sys"]), fixture: "isodrv-x64.sys", path: "isodrv.sys",
            reports: [.init("\\SystemRoot\\System32\\drivers\\isodrv.sys", .warning)]),
        BinaryExample(
            inf: ExampleINF.installing(["isodll.dll"]), fixture: "isodll-x64.dll", path: "isodll.dll",
            reports: [.init("C:\\Windows\\System32\\drivers\\etc\\hosts", .warning)]),
        BinaryExample(inf: ExampleINF.installing(["isoclean.sys"]), fixture: "isoclean-x64.sys", path: "isoclean.sys"),
    ]

    public init() {}

    public func check(_ binary: BinaryTarget) -> [Violation] {
        binary.image.strings.filter { PathPatterns.isAbsoluteFilePath($0.value) }.map {
            binary.violation(at: $0, saying: "is an absolute file path; a package running from the driver store finds its files relative to itself")
        }
    }
}
