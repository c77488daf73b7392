import Findings
import INFModel
import IsolationEngine

/// A line without `=` in a section whose lines are all `key = value` directives.
public struct EntryNotValidHere: Rule {
    public static let description = RuleDescription(
        name: "entry-not-valid-here", codes: [1078],
        title: "A line without a key in a section of directives",
        why: "[Version], [DestinationDirs], DDInstall sections and their suffix sections, service-install, add-interface, filter-install and WDF service sections hold `key = value` directives; a line without `=` (a file name, a registry line, a stray word) is not a directive there and Windows skips it, so whatever it was meant to do does not happen.",
        fix: "Move the line to the section it belongs to (a file list, a registry section), or write it as the directive it was meant to be. Only Reboot and Restart stand without `=` in a DDInstall section.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        ↓$Windows NT$
        [DestinationDirs]
        ↓13
        [DefaultInstall.NTamd64]
        CopyFiles = Files
        ↓contoso.sys
        Reboot
        [Files]
        contoso.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [DefaultInstall.NTamd64]
        CopyFiles = Files
        Reboot
        [Files]
        contoso.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var sections = context.directiveSections.filter { section, kinds in
            // Sections that are also read as data (a registry or file list) are not only directives.
            kinds.allSatisfy(Self.checkedKinds) && !context.graph.roles(of: section).contains { !$0.isInstall }
        }
        if let dirs = context.document.section(named: "DestinationDirs") { sections.append((dirs, [])) }
        for (section, kinds) in sections {
            let install = kinds.contains(.install) || kinds.contains(.unreachedInstall)
            for line in section.lines where !line.hasExplicitKey {
                let raw = line.rawFields.joined(separator: ",")
                // Lines of a preprocessor template (`#if`), and lines of nothing but no-break spaces.
                if raw.hasPrefix("#") || isBlank(raw) { continue }
                if install, line.fields.count == 1, let key = line.key,
                   DirectiveKnowledge.keylessInstallDirectives.contains(key.lowercased()) { continue }
                result.append(Violation(range: context.range(of: line),
                                        message: "Entry '\(raw)' is not valid in section [\(section.name)] and is skipped",
                                        code: 1078, infVerifValues: ["entry", raw, section.name]))
            }
        }
        return result
    }

    /// The kinds whose every line is a directive: [Version], DDInstall and its suffix sections, service-install.
    static func checkedKinds(_ kind: DirectiveSectionKind) -> Bool {
        switch kind {
        case .version, .install, .suffix, .serviceInstall, .unreachedInstall: return true
        default: return false
        }
    }
}
