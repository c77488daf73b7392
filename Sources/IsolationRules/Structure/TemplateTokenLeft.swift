import Findings
import INFModel
import IsolationEngine

/// An `@VAR@` or `#VAR#` token of a build template (CMake's `configure_file`) left in an `.inf` file.
public struct TemplateTokenLeft: Rule {
    public static let description = RuleDescription(
        name: "template-token-left", codes: [],
        title: "An INF holds an @VAR@ or #VAR# token of its build template",
        why: "Builds that make the INF from a template (driver.inf.in configured by CMake, or a similar step) replace @VAR@ and #VAR# tokens with versions, names and architectures; SetupAPI reads a token left in place as text, so the file, section or version it names does not exist. In a template (.inx, .in) the tokens are expected and @ARCH@ and #ARCH# are read as the architecture, like stampinf's $ARCH$; in a package folder without the files the INF installs (a source tree) the finding is a note, since the build may still replace them.",
        fix: "Make the INF from its template with the build step that replaces the tokens, or write the values in place.",
        levels: levels("W W W W"), fixable: false, group: .structure)

    public static let triggeringExamples = [
        RuleExample("""
        ; package-files: contoso.sys
        [Version]
        Signature = "$Windows NT$"
        DriverVer = 01/01/2024,↓@MAJOR_VERSION@.↓@MINOR_VERSION@.0.0
        [Manufacturer]
        %Mfg% = Contoso, NT↓#ARCH#
        [SourceDisksFiles]
        contoso.sys = 1
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = "support@contoso.com"
        [Reg]
        HKR,,Devices,0x00010000,"\\??\\ACPI#FSCL000X#3#{6994ad04-93ef-11d0-a3cc-00a0c9223196}"
        HKR,,Mail,,"a@b and c@d"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard !context.isTemplate else { return [] }
        let built = context.isBuiltPackage
        let note = built ? "" : " (a note in a source tree, which the build may still configure)"
        return UnresolvedToken.tokens(in: context, delimiters: [0x40, 0x23])
            .map { token in
                Violation(range: token.range,
                          message: "'\(token.text)' is a token of the INF's build template that was not replaced; SetupAPI reads it as text\(note)",
                          maximumLevel: built ? nil : .note)
            }
    }
}
