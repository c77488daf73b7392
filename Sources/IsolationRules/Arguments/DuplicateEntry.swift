import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// The same entry twice in one section: a hardware id for the same install section in a Models section,
/// a file in a CopyFiles list, a string key in a Strings section.
public struct DuplicateEntry: Rule {
    public static let description = RuleDescription(
        name: "duplicate-entry", codes: [1294],
        title: "A section lists the same entry twice",
        why: "A Models section that matches one hardware id to the same install section on two lines, a CopyFiles list that copies one file twice, or a Strings section that defines one key twice holds a dead copy: Windows uses one of them, and a later edit to the other has no effect.",
        fix: "Remove the repeated entry (for strings, keep the one with the text meant).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        Device2 = Install, ↓root\\contoso
        [DestinationDirs]
        DefaultDestDir = 13
        [Install.NTamd64]
        CopyFiles = Files
        [Files]
        contoso.sys
        ↓contoso.sys
        [Strings]
        Mfg = "Contoso"
        ↓mfg = "Fabrikam"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        Device2 = Other, ROOT\\Contoso
        Device3 = Install, ROOT\\Contoso3, ROOT\\Contoso
        [DestinationDirs]
        DefaultDestDir = 13
        [Install.NTamd64]
        CopyFiles = Files
        [Other.NTamd64]
        [Files]
        contoso.sys
        contoso.dll
        [Strings]
        Mfg = "Contoso"
        [Strings.0407]
        Mfg = "Contoso GmbH"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            let roles = context.graph.roles(of: section)
            if roles.contains(.models) {
                var seen = Set<String>()
                for line in section.lines where line.hasExplicitKey {
                    guard let install = line.field(1).map({ CaseInsensitive.fold($0.trimmingCharacters(in: " \t")) }), !install.isEmpty else { continue }
                    // Field 2 is the hardware id; the compatible ids after it may repeat across entries.
                    guard let id = line.field(2), case let folded = CaseInsensitive.fold(id.trimmingCharacters(in: " \t")), !folded.isEmpty,
                          !seen.insert(install + "|" + folded).inserted else { continue }
                    result.append(Violation(range: context.range(of: line, field: 2),
                                            message: "Hardware id '\(id)' for install section '\(line.field(1) ?? "")' is listed twice in [\(section.name)]",
                                            code: 1294, infVerifValues: ["hardware id", id, section.name]))
                }
            }
            if roles.contains(.copyFiles) {
                var seen = Set<String>()
                for line in section.lines where !line.hasExplicitKey {
                    guard let field = line.field(1), !isBlank(field), !isUnresolved(field) else { continue }
                    let name = CaseInsensitive.fold(field.trimmingCharacters(in: " \t"))
                    if !seen.insert(name).inserted {
                        result.append(Violation(range: context.range(of: line),
                                                message: "File '\(line.field(1) ?? "")' is listed twice in [\(section.name)]", code: 1294,
                                                infVerifValues: ["file", field.trimmingCharacters(in: " \t"), section.name]))
                    }
                }
            }
            // The base name skips leading dots; without one, it is `Strings` exactly for a strings section.
            if section.isStrings || (section.foldedName.hasPrefix(".") && CaseInsensitive.equal(String(section.baseName), "Strings")) {
                // Keys written as plain ASCII compare by the number the model gave them; others by their text.
                let numbered = Self.keysArePlain(section)
                var seenNumbers = Set<Int32>()
                var seen = Set<String>()
                for (line, number) in zip(section.lines, section.keyIDs) where line.hasExplicitKey {
                    let repeated = numbered ? !seenNumbers.insert(number).inserted
                        : line.rawKey.map { !seen.insert($0.lowercased()).inserted } ?? false
                    guard repeated else { continue }
                    result.append(Violation(range: context.range(of: line, field: 0),
                                            message: "String key '\(line.rawKey ?? "")' is defined twice in [\(section.name)]", code: 1294,
                                            infVerifValues: ["string key", line.rawKey ?? "", section.name]))
                }
            }
        }
        return result
    }

    /// Whether every key of `section` is ASCII without `%` or `$`: then the key numbers tell keys
    /// apart exactly as their lowercased texts do.
    static func keysArePlain(_ section: INFSection) -> Bool {
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x25 && byte != 0x24 }
        return section.lines.allSatisfy { line in
            guard line.hasExplicitKey else { return true }
            guard let key = line.rawKey else { return false }
            return key.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(plain) } ?? key.utf8.allSatisfy(plain)
        }
    }
}
