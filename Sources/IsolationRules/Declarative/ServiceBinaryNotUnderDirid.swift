import Findings
import INFModel
import IsolationEngine

/// ServiceBinary not written as `%DIRID%\…`.
public struct ServiceBinaryNotUnderDirid: Rule {
    public static let description = RuleDescription(
        name: "service-binary-not-under-dirid", codes: [2085],
        title: "ServiceBinary is not a path under a DIRID",
        why: "A service binary must be located through a DIRID so that it resolves on every machine; an absolute or relative path does not.",
        fix: "Write ServiceBinary = %13%\\name.sys.",
        levels: levels("E E E E"), fixable: false, group: .declarative)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓C:\\Windows\\System32\\drivers\\contoso.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
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
                             message: "Service binary '\(item.value)' should be specified as a path under a DIRID, such as %13%\\\(fileName(of: item.value))",
                             infVerifValues: [item.value])
        }
    }
}
