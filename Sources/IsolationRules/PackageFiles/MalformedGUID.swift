import Findings
import INFModel
import IsolationEngine

/// A GUID argument that is not `{nnnnnnnn-nnnn-nnnn-nnnn-nnnnnnnnnnnn}`: the [Version] ClassGuid, or
/// the GUID of AddInterface, InterfaceInstall32, AddEventProvider, AddAutoLogger, AddAutoLoggerProvider
/// or ExtensionId.
public struct MalformedGUID: Rule {
    public static let description = RuleDescription(
        name: "malformed-guid", codes: [1010, 1019],
        title: "A GUID is malformed",
        why: "Windows reads these values as GUIDs written {nnnnnnnn-nnnn-nnnn-nnnn-nnnnnnnnnnnn} with hexadecimal digits; a GUID without its braces, with a digit missing or a stray character names no setup class, interface or provider, and the install fails or registers nothing.",
        fix: "Write the GUID in braces with 8-4-4-4-12 hexadecimal digits, e.g. {4d36e97d-e325-11ce-bfc1-08002be10318}; a GUID kept in [Strings] must be written the same way there.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Sample
        ClassGuid = ↓78A1C341-4539-11d3-B88D-00C04FAD5171
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        ExtensionId = ↓{0a5f1e5c-9c3e-4a5b-8d0e-1f2a3b4c5d6}
        [Install.NT.Interfaces]
        AddInterface = ↓%GUID_X%,, Intf
        [Install.NT.Events]
        AddEventProvider = ↓{b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6g}, Provider_Inst
        [InterfaceInstall32]
        ↓{ab12cd34-ef56-7890-ab12-cd34ef567890 = Intf_Install
        [Strings]
        GUID_X = "{3c0d501a-140b-11d1-b40f-00a0c9223196"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Sample
        ClassGuid = {78A1C341-4539-11d3-B88D-00C04FAD5171}
        ExtensionId = %ExtId%
        [Install.NT.Interfaces]
        AddInterface = {3c0d501a-140b-11d1-b40f-00a0c9223196},, Intf
        [Install.NT.Events]
        AddEventProvider = {b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6f}, Provider_Inst
        [Strings]
        ExtId = "{0a5f1e5c-9c3e-4a5b-8d0e-1f2a3b4c5d6e}"
        """),
    ]

    public init() {}

    /// Directives whose value in `field` is a GUID.
    static let guidDirectives: [(name: String, field: Int)] = [
        ("AddInterface", 1), ("AddEventProvider", 1), ("AddAutoLogger", 2), ("AddAutoLoggerProvider", 1),
    ]

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        var result: [Violation] = []
        func check(_ line: INFLine, field: Int, code: Int, what: String, kind: (String, String) = ("", "")) {
            let value = field == 0 ? line.key : line.field(field)
            guard let value = value?.trimmingCharacters(in: " \t"), !value.isEmpty,
                  !PackageFileKnowledge.isUnresolved(value), !PackageFileKnowledge.isGUID(value) else { return }
            result.append(Violation(range: context.range(of: line, field: field),
                                    message: "\(what) '\(value)' is not a GUID of the form {nnnnnnnn-nnnn-nnnn-nnnn-nnnnnnnnnnnn}",
                                    code: code, infVerifValues: code == 1010 ? [value] : [kind.0, kind.1, value]))
        }
        if let version = document.section(named: "Version") {
            for line in version.lines(withKey: "ClassGuid") { check(line, field: 1, code: 1010, what: "ClassGuid") }
            for line in version.lines(withKey: "ExtensionId") { check(line, field: 1, code: 1019, what: "ExtensionId", kind: ("ExtensionId", "directive")) }
        }
        let guidDirectives = Self.guidDirectives.compactMap { directive in
            document.keyNames.id(of: directive.name).map { (directive.name, directive.field, $0) }
        }
        for section in document.sections {
            let folded = section.foldedName
            if section.isStrings || folded == "version" { continue }
            if folded == "interfaceinstall32" {
                for line in section.lines { check(line, field: 0, code: 1019, what: "The interface class GUID", kind: (section.name, "interface class")) }
                continue
            }
            for (name, field, id) in guidDirectives {
                for line in section.lines(withKeyID: id) { check(line, field: field, code: 1019, what: "The \(name) GUID", kind: (name, "directive")) }
            }
        }
        return result
    }
}
