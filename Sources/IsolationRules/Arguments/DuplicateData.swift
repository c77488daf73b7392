import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// The same registry value written twice with different data by one AddReg section, or a hardware id
/// listed twice in one Models entry.
public struct DuplicateData: Rule {
    public static let description = RuleDescription(
        name: "duplicate-data", codes: [1086],
        title: "The same value is given twice with different data",
        why: "An AddReg section that writes one registry value twice with different data leaves whichever line Windows processes last, so the other line is dead and the result depends on order; a hardware id listed twice in one Models entry is redundant and usually a copy error where another id was meant.",
        fix: "Keep one line per registry value with the data meant, and list each hardware id once per Models entry.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso, ↓root\\contoso
        [Install.NTamd64]
        AddReg = Reg
        [Reg]
        HKR,,Mode,0x00010001,1
        ↓HKR,,mode,0x00010001,2
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso, ROOT\\Contoso2
        [Install.NTamd64]
        AddReg = Reg
        [Reg]
        HKR,,Mode,0x00010001,1
        HKR,,List,0x00010008,a
        HKR,,List,0x00010008,b
        HKR,Sub,Mode,0x00010001,2
        """),
    ]

    public init() {}

    /// FLG_ADDREG_APPEND (add to a REG_MULTI_SZ) and FLG_ADDREG_DELVAL: lines that may repeat a value.
    static let repeatableFlags: UInt32 = 0x0000_0008 | 0x0000_0004

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            let roles = context.graph.roles(of: section)
            if roles.contains(.models) { result += duplicateIDs(in: section, context) }
            if roles.contains(where: { if case .registry(.addReg, _) = $0 { return true } else { return false } }) {
                result += duplicateValues(in: section, context)
            }
        }
        return result
    }

    private func duplicateIDs(in section: INFSection, _ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for line in section.lines where line.hasExplicitKey && line.fields.count > 2 {
            var seen = Set<String>()
            for (offset, id) in line.fields.enumerated().dropFirst() {
                let folded = id.trimmingCharacters(in: " \t").lowercased()
                guard !folded.isEmpty, !seen.insert(folded).inserted else { continue }
                result.append(Violation(range: context.range(of: line, field: offset + 1),
                                        message: "Hardware id '\(id)' is listed more than once in Models entry '\(line.rawKey ?? "")'",
                                        code: 1086, infVerifValues: ["hardware id", id]))
            }
        }
        return result
    }

    private func duplicateValues(in section: INFSection, _ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen: [String: (line: INFLine, flags: UInt32)] = [:]
        // What a line writes, compared only when two lines write the same value.
        func data(_ flags: UInt32, _ line: INFLine) -> String {
            "\(flags)|" + line.fields.dropFirst(4).map { $0.trimmingCharacters(in: " \t") }.joined(separator: ",")
        }
        for line in section.lines where !line.hasExplicitKey && line.fields.count >= 3 {
            if line.fields.contains(where: isUnresolved) { continue }
            // Only the root, subkey, value name and flags are read for every line.
            let fields = line.fields.prefix(4).map { $0.trimmingCharacters(in: " \t") }
            let flags = fields.count > 3 ? IntegerField(parsing: fields[3]).uint32 : 0
            guard let flags, flags & Self.repeatableFlags == 0 else { continue }
            let key = CaseInsensitive.fold(fields[0] + "|" + fields[1] + "|" + fields[2])
            guard let first = seen[key] else {
                seen[key] = (line, flags)
                continue
            }
            guard data(first.flags, first.line) != data(flags, line) else { continue }
            let name = fields[2].isEmpty ? "(default)" : fields[2]
            result.append(Violation(range: context.range(of: line),
                                    message: "Registry value '\(name)' under '\(fields[0])\(fields[1].isEmpty ? "" : "\\" + fields[1])' is written twice in [\(section.name)] with different data",
                                    related: [(context.range(of: first.line), "first written here")], code: 1086,
                                    infVerifValues: ["registry value", name]))
        }
        return result
    }
}
