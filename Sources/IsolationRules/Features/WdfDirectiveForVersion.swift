import Findings
import INFModel
import IsolationEngine

/// A WDF directive that the UMDF version the INF names no longer uses.
public struct WdfDirectiveForVersion: Rule {
    public static let description = RuleDescription(
        name: "wdf-directive-for-version", codes: [1401],
        title: "A WDF directive is deprecated for the framework version",
        why: "UMDF 2 drivers are not COM objects, so DriverCLSID (a UMDF 1.11-and-earlier directive) means nothing to them; and from UMDF 2.15 the reflector handles USB I/O itself, so UmdfDispatcher = WinUsb routes I/O through WinUSB for no reason.",
        fix: "Remove DriverCLSID from the UMDF service-install section of a UMDF 2 driver; with UMDF 2.15 or later write UmdfDispatcher = NativeUSB.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Wdf]
        UmdfService = Contoso, Contoso_Umdf
        UmdfServiceOrder = Contoso
        ↓UmdfDispatcher = WinUsb
        [Contoso_Umdf]
        UmdfLibraryVersion = 2.31.0
        ServiceBinary = %13%\\contoso.dll
        ↓DriverCLSID = {d4112073-d09b-458f-a5aa-35ef21eef5de}
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Wdf]
        UmdfService = Contoso, Contoso_Umdf
        UmdfServiceOrder = Contoso
        UmdfDispatcher = NativeUSB
        [Contoso_Umdf]
        UmdfLibraryVersion = 2.31.0
        ServiceBinary = %13%\\contoso.dll
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Wdf]
        UmdfService = Contoso, Contoso_Umdf
        UmdfDispatcher = WinUsb
        [Contoso_Umdf]
        UmdfLibraryVersion = 2.9.0
        ServiceBinary = %13%\\contoso.dll
        """),
    ]

    public init() {}

    /// A `major.minor[.service]` version as a pair, or `nil` (e.g. `$UMDFVERSION$` before stampinf).
    static func version(_ text: String) -> (major: Int, minor: Int)? {
        let parts = text.trimmingCharacters(in: " \t").split(ascii: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        return (major, minor)
    }

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        var result: [Violation] = []
        var reported = Set<Int>()
        for section in document.sections {
            let services = section.directive(.umdfService)
            guard !services.isEmpty else { continue }
            // The versions of the UMDF service-install sections this .Wdf section names.
            var versions: [(major: Int, minor: Int)] = []
            for line in services {
                guard let name = line.field(2)?.trimmingCharacters(in: " \t"), let install = document.section(named: name) else { continue }
                guard let text = install.directive(.umdfLibraryVersion).first?.field(1), let version = Self.version(text) else { continue }
                versions.append(version)
                for clsid in install.directive(.driverCLSID) where version.major >= 2 && reported.insert(clsid.syntaxIndex).inserted {
                    result.append(Violation(range: context.range(of: clsid),
                                            message: "DriverCLSID is a UMDF 1 directive; [\(install.name)] names UMDF \(text.trimmingCharacters(in: " \t"))",
                                            infVerifValues: ["DriverCLSID", "UMDF", "\(version.major)", "\(version.minor)"]))
                }
            }
            guard let lowest = versions.min(by: { ($0.major, $0.minor) < ($1.major, $1.minor) }), (lowest.major, lowest.minor) >= (2, 15) else { continue }
            for line in section.directive(.umdfDispatcher) where CaseInsensitive.equal(line.field(1)?.trimmingCharacters(in: " \t") ?? "", "WinUsb") {
                result.append(Violation(range: context.range(of: line),
                                        message: "UmdfDispatcher = WinUsb is for UMDF before 2.15; with UMDF \(lowest.major).\(lowest.minor) write UmdfDispatcher = NativeUSB",
                                        infVerifValues: ["UmdfDispatcher", "UMDF", "\(lowest.major)", "\(lowest.minor)"]))
            }
        }
        return result
    }
}
