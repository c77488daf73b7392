import Findings
import INFModel
import IsolationEngine

/// A field holding an absolute path.
public struct HardcodedPath: Rule {
    public static let description = RuleDescription(
        name: "hardcoded-path", codes: [],
        title: "A field holds an absolute path",
        why: "Absolute paths name one machine's layout (drive letters, the Windows folder, global registry paths); an isolated package refers to its files through DIRIDs and to its state through relative keys.",
        fix: "Use %13%\\name for package files, %%SystemRoot%% in registry data for system files, and HKR-relative keys for state.",
        levels: levels("W W W W"), fixable: false, group: .files)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Tool,,↓"C:\\Program Files\\Contoso\\tool.exe"
        HKR,,Image,,↓\\SystemRoot\\System32\\drivers\\x.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Tool,,"%13%\\tool.exe"
        HKR,,Image,0x20000,%%SystemRoot%%\\System32\\x.dll
        HKR,,Ratio,,1:2
        """),
    ]

    static let prefixes = ["\\systemroot\\", "\\??\\", "\\registry\\machine\\", "\\registry\\user\\", "\\dosdevices\\", "\\\\?\\", "\\\\.\\"]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections where !Self.skipped(section) {
            for line in section.lines {
                for (index, value) in line.fields.enumerated() where Self.isAbsolutePath(value) {
                    result.append(Violation(range: context.range(of: line, field: index + 1),
                                            message: "'\(value)' is an absolute path; a driver package must not hard-code global paths"))
                }
            }
        }
        return result
    }

    static func skipped(_ section: INFSection) -> Bool {
        section.isStrings || section.foldedName == "version" || section.foldedName.hasPrefix("sourcedisks")
    }

    /// Whether `value` starts with (or, after a quote or space, holds) an absolute path.
    static func isAbsolutePath(_ value: String) -> Bool {
        // Every form starts with or holds a backslash.
        guard value.containsByte(0x5C) else { return false }
        // ASCII is lowered byte by byte while matching; other text is lowercased first.
        guard value.isASCII else {
            return Array(value.lowercased().utf8).withUnsafeBufferPointer(holdsAbsolutePath)
        }
        var text = value
        return text.withUTF8(holdsAbsolutePath)
    }

    /// ``isAbsolutePath(_:)`` on UTF-8 bytes, ASCII letters compared lowered.
    private static func holdsAbsolutePath(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        func lowered(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        for start in u.indices where start == 0 || u[start - 1] == 0x22 || u[start - 1] == 0x20 {
            // A drive letter path: `c:\`.
            if start + 2 < u.count, (0x61...0x7A).contains(lowered(u[start])), u[start + 1] == 0x3A, u[start + 2] == 0x5C {
                return true
            }
            // Every other form starts with a backslash.
            if u[start] == 0x5C, start == 0 || u[start - 1] == 0x22 {
                let rest = u[start...].lazy.map(lowered)
                if prefixes.contains(where: { rest.starts(with: $0.utf8) }) { return true }
            }
        }
        return false
    }
}
