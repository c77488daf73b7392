import Findings
import IsolationEngine
import IsolationKnowledge

/// A file written directly in the root of %DriverData%, %ProgramData% or the temporary folder.
public struct DataRootFile: BinaryRule {
    public static let description = RuleDescription(
        name: "data-root-file", codes: [],
        title: "A file lies in the root of a shared data folder",
        why: "The isolation guidance asks drivers and their components not to write files in the root of DriverData or ProgramData (nor of %TEMP%/%TMP%): the root is shared by every vendor, so names collide and nothing says whose a file is or when it may go.",
        fix: "Keep the file under a company subfolder: %DriverData%\\<Company>\\…, \\DriverData\\<Company>\\… in the kernel, %ProgramData%\\<Company>\\…; better still, use the folders the system gives the driver (IoGetDriverDirectory, IoGetDeviceDirectory, GetServiceDirectory).",
        levels: levels("W W W W"), fixable: false, group: .isolationGuidance)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,LogFile,,↓"%%ProgramData%%\\isodrv.log"
        HKR,,Scratch,0x20000,↓%%TEMP%%\\isodrv.tmp
        HKR,,State,,↓"%%DriverData%%\\isodrv.bin"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,LogFile,,"%%ProgramData%%\\Contoso\\isodrv.log"
        HKR,,State,,"%%DriverData%%\\Contoso\\isodrv.bin"
        HKR,,Folder,,"%%ProgramData%%\\Contoso"
        """),
    ]

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isoopen.dll"]), fixture: "isoopen-x64.dll", path: "isoopen.dll",
            reports: [.init("%ProgramData%\\isoopen.log", .warning)]),
        BinaryExample(inf: ExampleINF.installing(["isoenum.dll"]), fixture: "isoenum-x64.dll", path: "isoenum.dll"),
        BinaryExample(inf: ExampleINF.installing(["isoclean.sys"]), fixture: "isoclean-x64.sys", path: "isoclean.sys"),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries where item.entry.operation == .addReg {
            for (index, value) in item.entry.data.enumerated() {
                guard let (folder, file) = PathPatterns.dataRootFile(in: value) else { continue }
                result.append(Violation(range: context.range(of: item.entry.line, field: 5 + index),
                                        message: Self.message(folder: folder, file: file, quoting: value)))
            }
        }
        return result
    }

    public func check(_ binary: BinaryTarget) -> [Violation] {
        binary.image.strings.compactMap { string in
            PathPatterns.dataRootFile(in: string.value).map { folder, file in
                binary.violation(at: string, saying: "puts '\(file)' in the root of \(folder); keep it under \(folder)\\<Company>\\")
            }
        }
    }

    static func message(folder: String, file: String, quoting value: String) -> String {
        "'\(value)' puts '\(file)' in the root of \(folder); keep it under \(folder)\\<Company>\\"
    }
}
