import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A registry value naming a package file by a bare name or in a system folder instead of `%13%\name`.
public struct UnisolatedFileReference: Rule {
    public static let description = RuleDescription(
        name: "unisolated-file-reference", codes: [],
        title: "A registry value names a package file outside the driver store",
        why: "Files of an isolated package live in the driver store; a value that names them by a bare name or in System32 makes Windows load a copy that may not exist or belong to another package.",
        fix: "Write the value as %13%\\name, which resolves to the package's own driver-store folder.",
        levels: levels("W W W W"), fixable: true, group: .files)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        helper.dll
        [Reg]
        HKR,,HelperPath,,↓"%11%\\helper.dll"
        HKR,,Helper,,↓helper.dll
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        helper.dll
        [Reg]
        HKR,,HelperPath,,"%13%\\helper.dll"
        HKR,,Other,,other.dll
        HKR,,DumpFilters,0x00010008,helper.dll
        """),
    ]

    static let systemFolders: Set<Int> = [10, 11, 12]
    static let systemPrefixes = ["%systemroot%\\", "%windir%\\", "\\systemroot\\", "system32\\"]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [DestinationDirs]
            DefaultDestDir = 13
            [Install]
            CopyFiles = Files
            AddReg = Reg
            [Files]
            helper.dll
            [Reg]
            HKR,,HelperPath,,"%11%\\helper.dll"
            HKR,,Helper,,helper.dll
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [DestinationDirs]
            DefaultDestDir = 13
            [Install]
            CopyFiles = Files
            AddReg = Reg
            [Files]
            helper.dll
            [Reg]
            HKR,,HelperPath,,"%13%\\helper.dll"
            HKR,,Helper,,%13%\\helper.dll
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let copied = context.copiedFiles
        let names = Set(copied.map { $0.entry.destination.foldedCase })
        let inStore = Set(copied.filter { $0.destination?.dirid == DirectoryIDs.driverStore }.map { $0.entry.destination.foldedCase })
        guard !names.isEmpty else { return [] }
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries where item.entry.operation == .addReg {
            // display-driver-path reports a display driver's user-mode driver values.
            if context.isDisplayINF, let name = item.entry.valueName, DisplayDriverPath.driverValues.contains(name.foldedCase) { continue }
            for (offset, raw) in item.entry.rawData.enumerated() {
                let value = item.entry.data[offset]
                let name = fileName(of: value).foldedCase
                guard names.contains(name), isUnisolated(raw: raw, value: value, entry: item.entry, context: context) else { continue }
                let field = 5 + offset
                let range = context.range(of: item.entry.line, field: field)
                var fix: UnitFix?
                // A value listing several paths (`a.dll;b.sys`) is not rewritten whole: that would drop the others.
                if inStore.contains(name), !value.contains(";"), let token = context.document.token(of: item.entry.line, field: field) {
                    let replacement = "%13%\\" + fileName(of: value)
                    fix = UnitFix(title: "Refer to the file as \(replacement)", safety: .unsafe,
                                  edits: [(token.range, token.isQuoted ? "\"\(replacement)\"" : replacement)],
                                  followUp: "Whatever reads this value must accept a full path into the driver store.")
                }
                result.append(Violation(range: range,
                                        message: "'\(value)' names the package file '\(fileName(of: value))' outside the driver store; use %13%\\\(fileName(of: value))",
                                        fix: fix))
            }
        }
        return result
    }

    /// Values that hold lists of driver or service names, not paths.
    static let nameLists: Set<String> = ["dumpfilters", "upperfilters", "lowerfilters", "dependonservice", "coinstallers32"]

    private func isUnisolated(raw: String, value: String, entry: RegistryEntry, context: RuleContext) -> Bool {
        let pieces = context.document.substituter.pieces(raw)
        if case .dirid(let dirid)? = pieces.first { return Self.systemFolders.contains(dirid) }
        let text = value.trimmingCharacters(in: "\" ").foldedCase
        if !text.containsByte(0x5C) && !text.containsByte(0x2F) {
            // A bare name is a path only in a single string value that is not a list of names.
            guard entry.valueType == .string || entry.valueType == .expandString else { return false }
            return !Self.nameLists.contains((entry.valueName ?? "").foldedCase)
        }
        return Self.systemPrefixes.contains { text.hasPrefix($0) }
    }
}
