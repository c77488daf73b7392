import INFModel

/// The service binary of every AddService, with the line that names it.
private func serviceBinaries(_ context: RuleContext) -> [(line: INFLine, raw: String, value: String, service: String)] {
    var seen = Set<Int>()
    return context.services.compactMap { service in
        guard let install = service.section, let line = install.serviceBinaryLine, let raw = line.rawFields.first,
              seen.insert(line.syntaxIndex).inserted else { return nil }
        return (line, raw, line.fields.first ?? raw, service.install.name)
    }
}

/// ServiceBinary naming an inbox binary.
public struct InboxServiceBinary: Rule {
    public static let description = RuleDescription(
        name: "inbox-service-binary", codes: [2084, 2650],
        title: "ServiceBinary names an inbox driver directly",
        why: "Inbox drivers such as WUDFRd.sys or WinUSB.sys are configured by their own inbox INF; naming them directly duplicates and goes stale against Windows' own configuration.",
        fix: "Include the inbox INF and Needs its install and .Services sections instead of adding the service yourself.",
        levels: levels("E E W W"), fixable: false, group: "C")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = WUDFRd, 0x000001fa, WUDFRD_ServiceInstall
        [WUDFRD_ServiceInstall]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓%12%\\WUDFRd.sys
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        Include = wudfrd.inf
        Needs = WUDFRD.NT
        [Install.Services]
        Include = wudfrd.inf
        Needs = WUDFRD.NT.Services
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        serviceBinaries(context).compactMap { item in
            let name = fileName(of: item.value).lowercased()
            guard let inf = InboxKnowledge.serviceBinaries[name] else { return nil }
            return Violation(range: context.range(of: item.line, field: 1),
                             message: "Service binary '\(fileName(of: item.value))' is an inbox driver; use Include/Needs of \(inf) instead")
        }
    }
}

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

/// ServiceBinary not written as `%DIRID%\…`.
public struct ServiceBinaryNotUnderDirid: Rule {
    public static let description = RuleDescription(
        name: "service-binary-not-under-dirid", codes: [2085],
        title: "ServiceBinary is not a path under a DIRID",
        why: "A service binary must be located through a DIRID so that it resolves on every machine; an absolute or relative path does not.",
        fix: "Write ServiceBinary = %13%\\name.sys.",
        levels: levels("E E E E"), fixable: false, group: "C")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓C:\\Windows\\System32\\drivers\\contoso.sys
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        serviceBinaries(context).compactMap { item in
            let pieces = context.document.substituter.pieces(item.raw)
            if case .dirid? = pieces.first {
                if pieces.count == 1 { return nil }
                if case .text(let rest) = pieces[1], rest.hasPrefix("\\") { return nil }
            }
            return Violation(range: context.range(of: item.line, field: 1),
                             message: "Service binary '\(item.value)' should be specified as a path under a DIRID, such as %13%\\\(fileName(of: item.value))")
        }
    }
}

/// UMDF 1.x drivers.
public struct UMDF1Driver: Rule {
    public static let description = RuleDescription(
        name: "umdf1-driver", codes: [1402],
        title: "The driver uses UMDF version 1",
        why: "UMDF 1 is deprecated and cannot run from the driver store; new packages cannot be signed with it.",
        fix: "Port the driver to UMDF 2 (or KMDF) and set UmdfLibraryVersion to a 2.x version.",
        levels: levels("E W - -"), fixable: false, group: "C")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Wdf]
        UmdfService = Contoso, Contoso_Install
        [Contoso_Install]
        UmdfLibraryVersion = ↓1.11.0
        ServiceBinary = %12%\\UMDF\\contoso.dll
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Wdf]
        UmdfService = Contoso, Contoso_Install
        [Contoso_Install]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\contoso.dll
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            for line in section.lines(withKey: "UmdfLibraryVersion") {
                guard let value = line.fields.first, value.hasPrefix("1.") || value == "1" else { continue }
                result.append(Violation(range: context.range(of: line, field: 1),
                                        message: "UMDF version \(value) is deprecated; port the driver to UMDF 2"))
            }
        }
        return result
    }
}
