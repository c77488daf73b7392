import Findings
import INFModel
import IsolationEngine

/// `%token%` with no `[Strings]` entry.
public struct UndefinedString: Rule {
    public static let description = RuleDescription(
        name: "undefined-string", codes: [1235],
        title: "A %token% has no [Strings] entry",
        why: "SetupAPI leaves an undefined %token% as written, percent signs included, so the value installed is not what was meant.",
        fix: "Define the token in [Strings], or write %% for a literal percent sign (e.g. %%SystemRoot%%).",
        levels: levels("E E E E"), fixable: false, group: .structure)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = ↓%Provider%
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Path,0x20000,↓%SystemRoot%\\x.dll
        [Strings]
        Other = "x"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = %Provider%
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Path,0x20000,%%SystemRoot%%\\x.dll
        HKR,,Dir,,%13%\\x.dll
        HKR,,Percent,,50%
        [Strings]
        Provider = "Contoso"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        let strings = context.document.strings
        for section in context.document.sections {
            if section.isStrings { continue }
            for line in section.lines {
                // The key (field 0) when the line has one, then the fields; most hold no `%`.
                let key = line.hasExplicitKey ? line.rawKey ?? "" : ""
                for field in (line.hasExplicitKey ? 0 : 1)..<(line.rawFields.count + 1) {
                    let raw = field == 0 ? key : line.rawFields[field - 1]
                    guard raw.containsByte(0x25) else { continue }
                    for name in Self.undefinedNames(in: raw, strings: strings) {
                        let token = context.range(of: line, field: field)
                        let range = context.occurrences(of: "%\(name)%", in: token).first ?? token
                        let hint = name.lowercased() == "systemroot" || name.lowercased() == "windir" || name.lowercased() == "programdata"
                            ? "; write %%\(name)%% for the environment variable" : ""
                        result.append(Violation(range: range, message: "The string token '%\(name)%' is not defined in [Strings]\(hint)",
                                                infVerifValues: [name, "Strings", "%\(name)%", "%%\(name)%%"]))
                    }
                }
            }
        }
        return result
    }

    /// The `%name%` tokens of `raw` that neither the strings tables nor a DIRID number resolve.
    static func undefinedNames(in raw: String, strings: StringTable) -> [String] {
        var names: [String] = []
        var inside = false
        var current = ""
        for character in raw {
            if character == "%" {
                if inside, !current.isEmpty, strings.value(for: current) == nil, !isDecimal(current) { names.append(current) }
                inside.toggle()
                current = ""
            } else if inside {
                current.append(character)
            }
        }
        return names
    }

    static func isDecimal(_ name: String) -> Bool {
        var text = Substring(name).drop { $0 == " " || $0 == "\t" }
        if text.first == "+" || text.first == "-" { text = text.dropFirst() }
        return !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
