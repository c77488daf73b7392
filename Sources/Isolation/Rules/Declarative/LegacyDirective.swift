import INFModel

/// Directives that declarative INFs may not use.
public struct LegacyDirective: Rule {
    public static let description = RuleDescription(
        name: "legacy-directive", codes: [1300, 1301, 1302, 1303, 1450, 2009],
        title: "A legacy, non-declarative directive is used",
        why: "Declarative INFs only add state that Windows can remove with the package; these directives delete, rename or run things outside the package and are ignored or rejected.",
        fix: "Remove the directive: install files with CopyFiles to DIRID 13, registry state with HKR AddReg, and do any other setup in the driver or a separately shipped application.",
        levels: levels("E E E E"), fixable: false, group: "C")

    public static let directives = [
        "BitReg", "DelFiles", "DelProperty", "DelReg", "DelService", "Ini2Reg", "LogConfig", "ProfileItems",
        "RegisterDlls", "RenFiles", "UnregisterDlls", "UpdateIniFields", "UpdateInis",
    ]

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Files
        ↓DelFiles = Old_Files
        ↓RegisterDlls = Dlls
        [Files]
        a.sys
        [Old_Files]
        b.sys
        [Dlls]
        11,,x.dll,1
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        a.sys
        [Reg]
        HKR,,A,,B
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections where context.graph.roles(of: section.name).contains(where: \.isInstall) {
            for line in section.lines where line.hasExplicitKey {
                guard let key = line.key, let directive = Self.directives.first(where: { CaseInsensitive.equal($0, key) }) else { continue }
                result.append(Violation(range: context.range(of: line, field: 0),
                                        message: "Legacy directive '\(directive)' is not allowed in a declarative INF"))
            }
        }
        return result
    }
}
