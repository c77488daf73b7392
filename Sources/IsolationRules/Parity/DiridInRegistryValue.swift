import Findings
import INFModel
import IsolationEngine

/// A registry value that names a system folder by its DIRID (`%10%`, `%11%`, `%12%`) rather than
/// through `%SystemRoot%`.
public struct DiridInRegistryValue: Rule {
    public static let description = RuleDescription(
        name: "dirid-in-registry-value", codes: [1257, 1258],
        title: "A registry value names a system folder by its DIRID",
        why: "A DIRID is resolved once, when the INF is installed, to the path of that moment; in an offline or redirected install (a mounted image, a 32-bit view) the stored path is wrong, while %SystemRoot% in a REG_EXPAND_SZ value is resolved where it is read.",
        fix: "Write the path with %%SystemRoot%% (a literal %SystemRoot% after substitution), e.g. %%SystemRoot%%\\System32\\drivers\\x.sys, in a REG_EXPAND_SZ value (flags 0x00020000); refer to the package's own files as %13%\\name.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Helper,0x00020000,"↓%11%\\rundll32.exe"
        HKR,,Logs,,↓%10%\\Logs
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 12
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        contoso.sys
        [Reg]
        HKR,,Helper,0x00020000,"%%SystemRoot%%\\System32\\rundll32.exe"
        HKR,,Driver,,"%12%\\contoso.sys"
        HKR,,Store,,"%13%\\contoso.sys"
        """),
    ]

    /// The DIRIDs of folders below the Windows folder, with the %SystemRoot% form of each.
    static let systemFolders: [Int: String] = [
        10: "%%SystemRoot%%",
        11: "%%SystemRoot%%\\System32",
        12: "%%SystemRoot%%\\System32\\drivers",
        16425: "%%SystemRoot%%\\SysWOW64",
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let copied = context.copiedFileNames
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries {
            let entry = item.entry
            guard entry.line.rawHasPercent, entry.operation == .addReg, !entry.isIgnoredByAddReg, !entry.deletesValue, !entry.isKeyOnly
            else { continue }
            for (offset, raw) in entry.rawData.enumerated() where raw.containsByte(0x25) {
                let field = 5 + offset
                let pieces = context.document.substituter.pieces(raw)
                var seen: [Int: Int] = [:]
                for (index, piece) in pieces.enumerated() {
                    guard case .dirid(let dirid) = piece, let replacement = Self.systemFolders[dirid] else { continue }
                    let occurrence = seen[dirid, default: 0]
                    seen[dirid] = occurrence + 1
                    var path = ""
                    if index + 1 < pieces.count, case .text(let text) = pieces[index + 1] {
                        path = String(text.prefix { $0 != ";" && $0 != "," && $0 != "\"" })
                    }
                    // A package file under a system folder belongs in the driver store instead
                    // (unisolated-file-reference says so).
                    if !path.isEmpty, copied.contains(fileName(of: path).lowercased()) { continue }
                    let ranges = context.diridReferences(dirid, in: entry.line, field: field)
                    let range = occurrence < ranges.count ? ranges[occurrence] : context.range(of: entry.line, field: field)
                    let expand = entry.valueType == .expandString ? "" : " in a REG_EXPAND_SZ value (flags 0x00020000)"
                    let message = dirid == 10
                        ? "Registry value '\(entry.valueName ?? "")' uses the Windows directory %10%\(path); use \(replacement)\(path)\(expand) instead"
                        : "File path \"%\(dirid)%\(path)\" in registry may be incorrect in some contexts, use \(replacement)\(path)\(expand) instead"
                    let values = dirid == 10 ? [replacement] : ["%\(dirid)%\(path)", "registry", replacement]
                    result.append(Violation(range: range, message: message, code: dirid == 10 ? 1257 : 1258, infVerifValues: values))
                }
            }
        }
        return result
    }
}
