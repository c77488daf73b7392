import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// ServiceBinary naming a file no CopyFiles installs.
public struct ServiceBinaryNotCopied: Rule {
    public static let description = RuleDescription(
        name: "service-binary-not-copied", codes: [2084],
        title: "ServiceBinary names a file the INF does not copy to that path",
        why: "A service whose binary the package does not install at the path it names points at whatever file happens to be there, or at nothing: a name copied to another folder does not count.",
        fix: "Copy the binary with CopyFiles and name its destination (%13%\\name); put a path with spaces in triple quotes.",
        levels: levels("E E W W"), fixable: false, group: .declarative)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Files
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Files]
        contoso.sys
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓%13%\\contosso.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Files
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Files]
        contoso.sys
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓%12%\\%DriverName%.sys
        [Strings]
        DriverName = "contoso"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Files
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Files]
        contoso.sys
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 12
        [Install]
        CopyFiles = Files
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Files]
        contoso.sys
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %10%\\System32\\Drivers\\contoso.sys
        """),
        // The documented USB serial (modem) pattern: usbser.sys ships with Windows, the package copies nothing.
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Modem
        ClassGuid = {4D36E96D-E325-11CE-BFC1-08002BE10318}
        [DestinationDirs]
        FakeModemCopyFileSection = 12
        [Install.NTamd64]
        include = mdmcpq.inf
        CopyFiles = FakeModemCopyFileSection
        [Install.NTamd64.Services]
        AddService = usbser, 0x00000002, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %12%\\usbser.sys
        [FakeModemCopyFileSection]
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let copied = context.copiedFileNames
        return serviceBinaries(context).compactMap { item in
            let name = fileName(of: item.value)
            guard !name.isEmpty, !InboxKnowledge.isSystemDriver(name) else { return nil }
            guard copied.contains(name.lowercased()) else {
                return Violation(range: context.range(of: item.line, field: 1),
                                 message: "Service binary '\(item.value)' of '\(item.service)' should reference a CopyFiles destination file",
                                 infVerifValues: [item.value])
            }
            // The file is copied: the path must be where it is copied to, not only its name.
            // (A path not under a DIRID is reported by service-binary-not-under-dirid.)
            let pieces = context.document.substituter.pieces(item.raw)
            guard case .dirid(let dirid)? = pieces.first,
                  let elsewhere = context.copiedElsewhere(dirid: dirid, rest: pieces.dropFirst().textValue) else { return nil }
            return Violation(range: context.range(of: item.line, field: 1),
                             message: "Service binary '\(item.value)' of '\(item.service)' names a path the INF does not copy '\(name)' to (it copies it to \(elsewhere.joined(separator: ", "))): the service would start a file that is not there",
                             infVerifValues: [item.value])
        }
    }
}
