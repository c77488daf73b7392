import Findings
import INFModel
import IsolationEngine

/// AddReg, DelReg and BitReg lines whose flags and data do not agree.
public struct RegistryDataFormat: Rule {
    public static let description = RuleDescription(
        name: "registry-data-format", codes: [1262, 1263, 1264, 1265, 1266, 1267, 1268],
        title: "Registry flags and data do not agree",
        why: "SetupAPI reads a registry line's data by its flags: REG_BINARY and custom types as hexadecimal bytes, REG_DWORD and REG_QWORD as one number, BitReg masks as a byte; data it cannot read that way fails the install or writes a different value than the author meant.",
        fix: "Make the flags say the type the data has: bytes in hex (01,ff) for binary and custom types (a custom type number in the high word with FLG_ADDREG_BINVALUETYPE 0x1 in the low word, never a string type), one decimal or 0x number for REG_DWORD and REG_QWORD, FLG_ADDREG_APPEND only as 0x00010008, and the string to remove after DelReg 0x00018002.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.HW]
        AddReg = Install_AddReg
        DelReg = Install_DelReg
        BitReg = Install_BitReg
        [Install_AddReg]
        HKR, , Timeout, 0x00010001, ↓fast
        HKR, , Table, 0x00000001, 01, ↓0g, 02
        HKR, , Custom, ↓0x00380000, 01, 02
        HKR, , Names, ↓0x00070001, 41, 00
        HKR, , Extra, ↓0x00000008, "more"
        [Install_DelReg]
        HKR, , Names, ↓0x00018002
        [Install_BitReg]
        HKR, , Mask, 1, ↓0x100, 0
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.HW]
        AddReg = Install_AddReg
        DelReg = Install_DelReg
        BitReg = Install_BitReg
        [Install_AddReg]
        HKR, , Timeout, 0x00010001, 30
        HKR, , Big, 0x000B0001, 0x100000000
        HKR, , Table, 0x00000001, 01, 0f, ff
        HKR, , Custom, 0x00380001, 01, 02
        HKR, , Extra, 0x00010008, "more"
        HKR, , Bytes, 0x00010001, 1, 0, 0, 0
        [Install_DelReg]
        HKR, , Names, 0x00018002, "old"
        [Install_BitReg]
        HKR, , Mask, 1, 0x40, 0
        """),
    ]

    public init() {}

    /// Whether a data field reads as one byte of hexadecimal digits (an optional `0x` allowed).
    static func isByte(_ text: String) -> Bool {
        var digits = Substring(text.trimmingCharacters(in: " \t"))
        if digits.count > 2, digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, let value = UInt32(digits, radix: 16) else { return false }
        return value <= 0xFF
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries {
            let entry = item.entry
            guard let flags = entry.flags else { continue }
            switch entry.operation {
            case .bitReg:
                if let mask = entry.rawData.first, !mask.containsByte(0x25), !mask.isEmpty, !Self.isByte(mask),
                   IntegerField(parsing: mask).uint32.map({ $0 > 0xFF }) ?? true {
                    result.append(Violation(range: context.range(of: entry.line, field: 5),
                                            message: "The BitReg mask '\(mask)' of \(entry.displayPath) is not a byte", code: 1262,
                                            infVerifValues: ["BitReg", mask.lowercased().hasPrefix("0x") ? String(mask.dropFirst(2)) : mask]))
                }
            case .delReg:
                if flags & ServiceRegistryKnowledge.deleteMultiStringFlags == ServiceRegistryKnowledge.deleteMultiStringFlags,
                   entry.data.first?.isEmpty ?? true {
                    result.append(Violation(range: context.range(of: entry.line, field: 4),
                                            message: "DelReg 0x00018002 removes a string from the REG_MULTI_SZ \(entry.displayPath), but no string is given",
                                            code: 1266, infVerifValues: ["DelReg"]))
                }
            case .addReg:
                guard !entry.isIgnoredByAddReg, !entry.deletesValue, !entry.isKeyOnly else { continue }
                result += checkAddReg(context, entry: entry, flags: flags)
            }
        }
        return result
    }

    private func checkAddReg(_ context: RuleContext, entry: RegistryEntry, flags: UInt32) -> [Violation] {
        let flagsRange = context.range(of: entry.line, field: 4)
        let flagsText = entry.flagsText ?? ""
        var result: [Violation] = []
        switch entry.valueType {
        case .unusualString(let type):
            return [Violation(range: flagsRange,
                              message: "Flags '\(flagsText)' of \(entry.displayPath) name the custom type 0x\(String(type, radix: 16)) without FLG_ADDREG_BINVALUETYPE (0x1)",
                              code: 1264, infVerifValues: ["AddReg"])]
        case .custom(let type) where ServiceRegistryKnowledge.characterTypeNumbers.contains(type):
            return [Violation(range: flagsRange,
                              message: "Flags '\(flagsText)' of \(entry.displayPath) make the string type \(type) a custom binary type",
                              code: 1263, infVerifValues: ["AddReg"])]
        default:
            break
        }
        if entry.appends, entry.valueType != .multiString {
            result.append(Violation(range: flagsRange,
                                    message: "FLG_ADDREG_APPEND on \(entry.displayPath), which is \(entry.valueType), not REG_MULTI_SZ (0x00010008)",
                                    code: 1265, infVerifValues: ["AddReg"]))
        }
        let readsBytes: Bool
        switch entry.valueType {
        case .binary, .none, .custom: readsBytes = true
        case .dword, .qword: readsBytes = entry.rawData.count > 1
        default: readsBytes = false
        }
        if readsBytes {
            for (index, raw) in entry.rawData.enumerated() where !raw.isEmpty && !raw.containsByte(0x25) && !Self.isByte(raw) {
                result.append(Violation(range: context.range(of: entry.line, field: 5 + index),
                                        message: "'\(raw)' in the \(entry.valueType) data of \(entry.displayPath) is not a byte in hexadecimal",
                                        code: 1267, infVerifValues: ["AddReg"]))
                break
            }
        } else if entry.valueType == .dword || entry.valueType == .qword, let data = entry.data.first,
                  !data.trimmingCharacters(in: " \t").isEmpty, !data.containsByte(0x25) {
            let number = IntegerField(parsing: data)
            let fits = entry.valueType == .qword ? number != .invalid && number != .outOfRange(nil) : number.uint32 != nil
            if !fits {
                result.append(Violation(range: context.range(of: entry.line, field: 5),
                                        message: "'\(data)' is not a \(entry.valueType) number for \(entry.displayPath)",
                                        code: 1268, infVerifValues: ["AddReg", entry.valueType == .qword ? "64" : "32"]))
            }
        }
        return result
    }
}
