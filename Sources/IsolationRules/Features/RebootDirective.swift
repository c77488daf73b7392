import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A `Reboot` or `Restart` directive.
public struct RebootDirective: Rule {
    public static let description = RuleDescription(
        name: "reboot-directive", codes: [2004],
        title: "Reboot or Restart is not recommended",
        why: "Windows finds out by itself when an installation needs a restart (a file in use, a device that cannot be restarted); a Reboot or Restart directive asks every installation for a restart it rarely needs, and outside the DDInstall section itself Windows ignores it.",
        fix: "Remove the directive; keep Reboot only for a condition Windows cannot detect that always needs a restart, and then only in the DDInstall section itself.",
        levels: levels("W W W W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, PCI\\VEN_1234
        [Install.NTamd64]
        ↓Reboot
        [Install.NTamd64.HW]
        ↓Restart
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, PCI\\VEN_1234
        [Install.NTamd64]
        CopyFiles = Files
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            let roles = context.graph.roles(of: section)
            guard roles.contains(where: \.isInstall) else { continue }
            let isEntry = roles.contains { role in
                switch role {
                case .deviceInstall, .defaultInstall: return true
                default: return false
                }
            }
            for line in section.lines {
                guard let key = line.key?.trimmingCharacters(in: " \t"),
                      let directive = ["Reboot", "Restart"].first(where: { CaseInsensitive.equal($0, key) }) else { continue }
                let ignored = isEntry ? "" : "; outside the DDInstall section itself Windows ignores it"
                result.append(Violation(range: context.range(of: line),
                                        message: "Directive '\(directive)' is not recommended: Windows detects when a restart is needed\(ignored)",
                                        infVerifValues: [directive]))
            }
        }
        return result
    }
}
