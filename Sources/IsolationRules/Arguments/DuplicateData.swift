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
        var seen: [ValueName: (line: INFLine, flags: UInt32)] = [:]
        // What a line writes, compared only when two lines write the same value.
        func data(_ flags: UInt32, _ line: INFLine) -> String {
            "\(flags)|" + line.fields.dropFirst(4).map { $0.trimmingCharacters(in: " \t") }.joined(separator: ",")
        }
        for line in section.lines where !line.hasExplicitKey && line.fields.count >= 3 {
            if line.fields.contains(where: isUnresolved) { continue }
            // Only the root, subkey, value name and flags are read for every line.
            let flags = line.fields.count > 3 ? IntegerField(parsing: line.fields[3].trimmingCharacters(in: " \t")).uint32 : 0
            guard let flags, flags & Self.repeatableFlags == 0 else { continue }
            let name = ValueName(line: line)
            guard let first = seen[name] else {
                seen[name] = (line, flags)
                continue
            }
            guard data(first.flags, first.line) != data(flags, line) else { continue }
            let fields = (0..<3).map { line.fields[$0].trimmingCharacters(in: " \t") }
            let shown = fields[2].isEmpty ? "(default)" : fields[2]
            result.append(Violation(range: context.range(of: line),
                                    message: "Registry value '\(shown)' under '\(fields[0])\(fields[1].isEmpty ? "" : "\\" + fields[1])' is written twice in [\(section.name)] with different data",
                                    related: [(context.range(of: first.line), "first written here")], code: 1086,
                                    infVerifValues: ["registry value", shown]))
        }
        return result
    }
}

/// The root, subkey and value name of a registry line (its first three fields, trimmed), equal
/// ignoring case as SetupAPI compares them. A digest of the folded bytes, computed once per line,
/// stands for them in the table, instead of a key string built for every line.
private struct ValueName: Hashable {
    let line: INFLine
    private let digest: UInt64

    init(line: INFLine) {
        self.line = line
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in 0..<3 {
            var text = Self.part(line, index)
            // The folded text's bytes with ASCII letters lowered: what `equal` compares.
            if text.withUTF8({ $0.contains { $0 >= 0x80 } }) { text = CaseInsensitive.fold(text) }
            text.withUTF8 { bytes in
                for byte in bytes { digest = (digest ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* 0x100_0000_01B3 }
            }
            digest = (digest ^ 0xFF) &* 0x100_0000_01B3
        }
        self.digest = digest
    }

    private static func part(_ line: INFLine, _ index: Int) -> String { line.fields[index].trimmingCharacters(in: " \t") }

    static func == (a: ValueName, b: ValueName) -> Bool {
        a.digest == b.digest && (0..<3).allSatisfy { CaseInsensitive.equal(part(a.line, $0), part(b.line, $0)) }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}
