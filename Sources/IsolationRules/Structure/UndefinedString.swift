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
            for line in section.lines where line.rawHasPercent {
                // The key (field 0) when the line has one, then the fields.
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
        var raw = raw
        return raw.withUTF8 { bytes in
            var names: [String] = []
            // The `%` that opened the token being read, if one is open.
            var opening: Int?
            for index in bytes.indices where bytes[index] == UInt8(ascii: "%") {
                if let start = opening {
                    // Looked up in place: only a name that is not defined is copied.
                    let name = UnsafeBufferPointer(rebasing: bytes[start + 1..<index])
                    if !name.isEmpty, !isDecimal(name), strings.value(utf8: name) == nil {
                        names.append(String(decoding: name, as: UTF8.self))
                    }
                    opening = nil
                } else {
                    opening = index
                }
            }
            return names
        }
    }

    /// Whether `name` reads as a decimal number (a DIRID): blanks, an optional sign, then digits.
    static func isDecimal(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < name.count, name[index] == UInt8(ascii: " ") || name[index] == UInt8(ascii: "\t") { index += 1 }
        if index < name.count, name[index] == UInt8(ascii: "+") || name[index] == UInt8(ascii: "-") { index += 1 }
        guard index < name.count else { return false }
        return name[index...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
