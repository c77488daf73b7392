import Findings
import INFModel
import IsolationEngine

/// A service added both with and without SPSVCINST_UNIQUE_NAME (0x00010000).
public struct UniqueServiceName: Rule {
    /// SPSVCINST_UNIQUE_NAME: the service name is made unique per package when it is installed.
    static let uniqueNameFlag: UInt32 = 0x0001_0000

    public static let description = RuleDescription(
        name: "unique-service-name-inconsistent", codes: [1022],
        title: "A service is added both with and without a unique name",
        why: "With SPSVCINST_UNIQUE_NAME (0x00010000) Windows gives the service a name of its own for the package; an INF that adds the same service once with the flag and once without creates two services, and the install sections that name it no longer agree on which one runs.",
        fix: "Use the same AddService flags for the service everywhere the INF adds it: either every AddService line sets 0x00010000 or none does.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NTamd64.Services]
        AddService = Contoso, 0x00010002, Service_Install
        [Other.NTamd64.Services]
        ↓AddService = Contoso, 0x00000002, Service_Install
        [Service_Install]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NTamd64.Services]
        AddService = Contoso, 0x00010002, Service_Install
        [Other.NTamd64.Services]
        AddService = Contoso, 0x00010002, Service_Install
        [Service_Install]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        // The first AddService line of each service decides; later lines that differ are reported.
        var first: [String: (unique: Bool, line: INFLine)] = [:]
        var result: [Violation] = []
        for section in context.document.sections {
            for install in context.document.services(in: section) {
                let line = install.line
                guard !install.name.isEmpty else { continue }
                let unique = (install.flags ?? 0) & Self.uniqueNameFlag != 0
                let key = CaseInsensitive.fold(install.name)
                guard let earlier = first[key] else {
                    first[key] = (unique, line)
                    continue
                }
                guard earlier.unique != unique else { continue }
                result.append(Violation(
                    range: context.range(of: line),
                    message: "Service '\(install.name)' is added \(unique ? "with" : "without") SPSVCINST_UNIQUE_NAME here but \(earlier.unique ? "with" : "without") it on line \(earlier.line.lineNumber)",
                    infVerifValues: [install.name]))
            }
        }
        return result
    }
}
