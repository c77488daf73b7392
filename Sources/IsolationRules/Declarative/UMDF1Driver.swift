import Findings
import INFModel
import IsolationEngine

/// UMDF 1.x drivers.
public struct UMDF1Driver: Rule {
    public static let description = RuleDescription(
        name: "umdf1-driver", codes: [1402],
        title: "The driver uses UMDF version 1",
        why: "UMDF 1 is deprecated and cannot run from the driver store; new packages cannot be signed with it.",
        fix: "Port the driver to UMDF 2 (or KMDF) and set UmdfLibraryVersion to a 2.x version.",
        levels: levels("E W - -"), fixable: false, group: .declarative)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Wdf]
        UmdfService = Contoso, Contoso_Install
        [Contoso_Install]
        UmdfLibraryVersion = ↓1.11.0
        ServiceBinary = %12%\\UMDF\\contoso.dll
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Wdf]
        UmdfService = Contoso, Contoso_Install
        [Contoso_Install]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\contoso.dll
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            for line in section.lines(withKey: .umdfLibraryVersion) {
                guard let value = line.fields.first, value.hasPrefix("1.") || value == "1" else { continue }
                result.append(Violation(range: context.range(of: line, field: 1),
                                        message: "UMDF version \(value) is deprecated; port the driver to UMDF 2",
                                        infVerifValues: ["UMDF"] + Self.majorMinor(value) + ["2", "UMDF"]))
            }
        }
        return result
    }

    /// The major and minor version of a `UmdfLibraryVersion` value (`1.11.0` gives 1 and 11).
    static func majorMinor(_ version: String) -> [String] {
        let parts = version.split(ascii: ".", omittingEmptySubsequences: false).map(String.init)
        return [parts.first ?? version, parts.count > 1 ? parts[1] : "0"]
    }
}
