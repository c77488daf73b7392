import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// An `Include` naming an INF that is neither in the package nor a known inbox INF.
public struct IncludeUnknownINF: Rule {
    public static let description = RuleDescription(
        name: "include-unknown-inf", codes: [1202],
        title: "Include names an INF that is not a known inbox INF",
        why: "Include may only name INFs that ship with Windows: another INF is not on the target system when the package installs, so its sections are not found. Isolint's list of inbox INFs is not complete, so it reports an unknown one as a warning.",
        fix: "Include only inbox INFs (such as ks.inf, wdmaudio.inf, wudfrd.inf, winusb.inf), and move sections of your own INFs into this INF.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = ↓contoso_common.inf
        Needs = Contoso.Common
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        ; package-files: contoso_common.inf
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = ks.inf, wdmaudio.inf, contoso_common.inf
        Needs = KS.Registration, WDMAUDIO.Registration, Contoso.Common
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<String>()
        for section in context.document.sections {
            for item in section.directiveValues(.include) {
                let name = trimmed(item.value)
                guard !name.isEmpty, !Self.isKnownInbox(name), context.package?.file(name) == nil,
                      seen.insert("\(item.line.syntaxIndex)|\(item.field)").inserted else { continue }
                result.append(Violation(range: context.range(of: item.line, field: item.field),
                                        message: "Include names '\(name)', which is not in the package nor a known inbox INF",
                                        maximumLevel: .warning, infVerifValues: [name]))
            }
        }
        return result
    }

    /// Whether Isolint knows `name` as an INF that ships with Windows.
    static func isKnownInbox(_ name: String) -> Bool {
        InboxNeedsSections.isInbox(name) || InboxKnowledge.includes.values.contains { CaseInsensitive.equal($0.inf, name) }
    }
}
