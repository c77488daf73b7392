import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// One absolute registry value set to different data by two install sections.
public struct ConflictingRegistryValue: Rule {
    public static let description = RuleDescription(
        name: "conflicting-registry-value", codes: [1331],
        title: "Two install sections set one registry value differently",
        why: "A value outside HKR is shared by every device the INF installs: when two install sections write it with different data, whichever device installs last wins, and the other device runs with the wrong setting.",
        fix: "Keep per-device settings under HKR of each DDInstall section, or write the same data from every section.",
        levels: levels("E E E W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Contoso% = Models, NTamd64
        [Models.NTamd64]
        %A.Desc% = A_Install, PCI\\VEN_1234&DEV_0001
        %B.Desc% = B_Install, PCI\\VEN_1234&DEV_0002
        [A_Install]
        AddReg = A_AddReg
        [B_Install]
        AddReg = B_AddReg
        [A_AddReg]
        HKLM, Software\\Contoso, Mode, 0x00010001, 1
        [B_AddReg]
        HKLM, Software\\Contoso, Mode, 0x00010001, ↓2
        [Strings]
        Contoso = "Contoso"
        A.Desc = "Contoso A"
        B.Desc = "Contoso B"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Contoso% = Models, NTamd64
        [Models.NTamd64]
        %A.Desc% = A_Install, PCI\\VEN_1234&DEV_0001
        %B.Desc% = B_Install, PCI\\VEN_1234&DEV_0002
        [A_Install]
        AddReg = A_AddReg, Shared_AddReg
        [B_Install]
        AddReg = B_AddReg, Shared_AddReg
        [Shared_AddReg]
        HKLM, Software\\Contoso, Mode, 0x00010001, 1
        [A_AddReg]
        HKR, , Mode, 0x00010001, 1
        [B_AddReg]
        HKR, , Mode, 0x00010001, 2
        HKLM, Software\\Contoso, Mode, 0x00010001, 0x1
        [Strings]
        Contoso = "Contoso"
        A.Desc = "Contoso A"
        B.Desc = "Contoso B"
        """),
    ]

    public init() {}

    /// The data of an entry in a form where equal values compare equal: numbers by value.
    static func normalizedData(_ entry: RegistryEntry) -> String {
        if entry.valueType == .dword || entry.valueType == .qword, entry.data.count == 1,
           case .value(let number) = IntegerField(parsing: entry.data[0]) {
            return "\(entry.valueType)|\(number)"
        }
        return "\(entry.valueType)|" + entry.data.joined(separator: "\u{0}")
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var first: [String: (data: String, item: ContextualRegistryEntry)] = [:]
        var result: [Violation] = []
        var reported = Set<Int>()
        for item in context.registryEntries {
            let entry = item.entry
            guard entry.operation == .addReg, let flags = entry.flags, let value = entry.valueName,
                  !entry.isIgnoredByAddReg, !entry.deletesValue, !entry.isKeyOnly, !entry.appends else { continue }
            switch entry.root {
            case .relative, .unknown: continue
            default: break
            }
            // The 64-bit and 32-bit views are different keys.
            let view = flags & 0x5000
            let key = "\(entry.root.shortName)|\(entry.normalizedSubkey)|\(value.lowercased())|\(view)"
            let data = Self.normalizedData(entry)
            guard let earlier = first[key] else { first[key] = (data, item); continue }
            guard earlier.data != data, earlier.item.entry.line.syntaxIndex != entry.line.syntaxIndex,
                  !CaseInsensitive.equal(earlier.item.link.from, item.link.from),
                  context.installSectionsCanApplyTogether(earlier.item.link.from, item.link.from),
                  reported.insert(entry.line.syntaxIndex).inserted else { continue }
            result.append(Violation(
                range: context.range(of: entry.line, field: entry.data.isEmpty ? 4 : 5),
                message: "[\(item.link.from)] sets \(entry.displayPath) to other data than [\(earlier.item.link.from)] does",
                related: [(context.range(of: earlier.item.entry.line), "the other value written to the same registry value")],
                infVerifValues: [entry.root.shortName, entry.subkey, value.isEmpty ? "(Default)" : value, earlier.item.link.from, item.link.from]))
        }
        return result
    }
}
