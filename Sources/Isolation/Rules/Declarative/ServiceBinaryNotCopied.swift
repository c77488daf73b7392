import INFModel

/// ServiceBinary naming a file no CopyFiles installs.
public struct ServiceBinaryNotCopied: Rule {
    public static let description = RuleDescription(
        name: "service-binary-not-copied", codes: [2084],
        title: "ServiceBinary names a file the INF does not copy",
        why: "A service whose binary the package does not install points at whatever file happens to be there, or at nothing.",
        fix: "Copy the binary with CopyFiles and name its destination (%13%\\name); put a path with spaces in triple quotes.",
        levels: levels("E E W W"), fixable: false, group: "C")

    public static let triggeringExamples = [
        """
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
        """,
    ]

    public static let nonTriggeringExamples = [
        """
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
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let copied = context.copiedFileNames
        return serviceBinaries(context).compactMap { item in
            let name = fileName(of: item.value)
            guard !name.isEmpty, !copied.contains(name.lowercased()),
                  InboxKnowledge.serviceBinaries[name.lowercased()] == nil else { return nil }
            return Violation(range: context.range(of: item.line, field: 1),
                             message: "Service binary '\(item.value)' of '\(item.service)' should reference a CopyFiles destination file")
        }
    }
}
