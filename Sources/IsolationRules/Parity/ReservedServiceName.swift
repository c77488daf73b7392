import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// An AddService name that Windows reserves: the names of Microsoft's sample drivers. Names InfVerif
/// is known to refuse are reported as reserved (1293); the other sample names as reserved for
/// internal use (1017, "all names used in sample drivers are reserved").
public struct ReservedServiceName: Rule {
    public static let description = RuleDescription(
        name: "reserved-service-name", codes: [1293, 1017],
        title: "The service name is reserved",
        why: "Service names are global: a package that keeps a sample driver's name collides with every other package built from the same sample. InfVerif reserves the sample names (1017: all names used in sample drivers are reserved for internal use; 1293: reserved); its list is not published, so names known only from the samples are reported as warnings under 1017.",
        fix: "Give the service a name of your own, e.g. with your company's prefix, in AddService and wherever the service is named (KmdfService, UmdfService, Dependencies).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = ↓ECHO, 0x00000002, Echo_Service
        [Filter.NT.Services]
        AddService = ↓%Svc%, , Filter_Service
        [Strings]
        Svc = "Toaster"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = ContosoEcho, 0x00000002, Echo_Service
        AddService = , 0x00000002
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<Int>()
        for (install, _) in context.services where seen.insert(install.line.syntaxIndex).inserted {
            let name = install.name.trimmingCharacters(in: " \t")
            let folded = name.lowercased()
            let range = context.range(of: install.line, field: 1)
            if ReservedServiceNames.published.contains(folded) {
                result.append(Violation(range: range, message: "Service name '\(name)' is reserved", code: 1293, infVerifValues: [name]))
            } else if ReservedServiceNames.samples.contains(folded) {
                result.append(Violation(range: range,
                                        message: "Service name '\(name)' is reserved for internal use only: it is the name of a Microsoft sample driver",
                                        maximumLevel: .warning, code: 1017, infVerifValues: [name]))
            }
        }
        return result
    }
}
