import Findings
import INFModel
import IsolationEngine

/// What a copy to DIRID 13 may not have: a security descriptor for its file list (1101), a DelFiles or
/// RenFiles directive on driver-store files (1102), or a COPYFLG flag about replacing an existing file (1103).
public struct DriverStoreRestriction: Rule {
    public static let description = RuleDescription(
        name: "driver-store-restriction", codes: [1101, 1102, 1103],
        title: "A security descriptor, directive or copy flag is not allowed with DIRID 13",
        why: "Files copied to DIRID 13 are used in place from the package's own, read-only driver-store folder: Windows sets their security itself, an install may not delete or rename them, and no other copy ever writes to that folder, so the COPYFLG flags that decide whether or how an existing destination file is replaced (from the CopyFiles directive's list of flags: COPYFLG_FORCE_FILE_IN_USE, COPYFLG_NO_OVERWRITE, COPYFLG_REPLACEONLY, COPYFLG_NOPRUNE and COPYFLG_IN_USE_RENAME) have no meaning there. COPYFLG_OVERWRITE_OLDER_ONLY, which that page calls irrelevant to signed packages, and COPYFLG_REPLACE_BOOT_FILE, which marks a file the boot loader needs, are not reported.",
        fix: "Remove the [list.Security] section, the DelFiles and RenFiles directives on DIRID 13 lists and those flags; a new version of the package is installed into a new driver-store folder, so nothing has to be replaced or deleted.",
        levels: levels("E E E E"), fixable: true, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        Drv = 13
        Old = 13
        [Install]
        CopyFiles = Drv
        DelFiles = ↓Old
        [Drv]
        a.sys,,,↓0x10
        b.dll,,,0x2
        ↓[Drv.Security]
        "D:P(A;;GA;;;SY)"
        [Old]
        old.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Drv
        RenFiles = ↓Ren
        [Drv]
        a.sys,,,↓0x4000
        [Ren]
        new.sys, old.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        Drv = 13
        Legacy = 12
        [Install]
        CopyFiles = Drv, Legacy
        DelFiles = Legacy
        [Drv]
        a.sys,,,0x2
        [Legacy]
        old.sys,,,0x10
        [Legacy.Security]
        "D:P(A;;GA;;;SY)"
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [DestinationDirs]
            DefaultDestDir = 13
            [Install]
            CopyFiles = Drv
            [Drv]
            a.sys, , , 0x00004002
            b.sys, , , 0x10
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [DestinationDirs]
            DefaultDestDir = 13
            [Install]
            CopyFiles = Drv
            [Drv]
            a.sys, , , 0x00000002
            b.sys, , , 0x00
            """),
    ]

    public init() {}

    /// `value` as eight upper-case hexadecimal digits, as InfVerif prints flags after `0x`.
    static func hexadecimal<Value: BinaryInteger>(_ value: Value) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        let dirs = document.destinationDirs
        var result: [Violation] = []
        var seenLists = Set<String>()
        var seenEntries = Set<Int>()
        for file in context.copiedFiles where file.destination?.dirid == DirectoryIDs.driverStore {
            if case .section(let list) = file.operation.target, seenLists.insert(CaseInsensitive.fold(list)).inserted,
               let security = document.section(named: "\(list).Security"), let range = context.headerRange(of: security) {
                result.append(Violation(range: range,
                                        message: "[\(security.name)] sets a security descriptor on files copied to DIRID 13, which is not allowed",
                                        code: 1101, infVerifValues: ["13"]))
            }
            guard let flags = file.entry.flags, seenEntries.insert(file.entry.line.syntaxIndex).inserted else { continue }
            let refused = PackageFileKnowledge.driverStoreRefusedCopyFlags.filter { flags & $0.value != 0 }
            guard !refused.isEmpty else { continue }
            result.append(Violation(range: context.range(of: file.entry.line, field: 4),
                                    message: "\(refused.map(\.name).joined(separator: ", ")) is not allowed for '\(file.entry.destination)', which is copied to DIRID 13",
                                    fix: Self.dropFlags(context, line: file.entry.line, flags: flags, refused: refused),
                                    code: 1103, infVerifValues: [Self.hexadecimal(refused.reduce(0) { $0 | $1.value }), "13"]))
        }
        var seenReferences = Set<String>()
        for section in document.sections where context.graph.roles(of: section).contains(where: \.isInstall) {
            for directive in ["DelFiles", "RenFiles"] {
                for reference in document.references(directive, in: section) where !reference.name.hasPrefix("@") {
                    guard dirs.destination(for: reference.name)?.dirid == DirectoryIDs.driverStore,
                          seenReferences.insert("\(reference.line.syntaxIndex)|\(reference.field)").inserted else { continue }
                    result.append(Violation(range: context.range(of: reference.line, field: reference.field),
                                            message: "\(directive) acts on [\(reference.name)], whose files are in DIRID 13, the read-only driver store",
                                            code: 1102, infVerifValues: [directive, "13"]))
                }
            }
        }
        return result
    }

    /// Rewrites the flags field without the refused flags, in hexadecimal as wide as it was written.
    static func dropFlags(_ context: RuleContext, line: INFLine, flags: UInt32, refused: [(value: UInt32, name: String)]) -> UnitFix? {
        guard let token = context.document.token(of: line, field: 4), !token.isQuoted,
              let raw = line.rawField(4), !raw.contains("%") else { return nil }
        let kept = refused.reduce(flags) { $0 & ~$1.value }
        let digits = raw.lowercased().hasPrefix("0x") ? max(1, raw.count - 2) : 8
        var hex = String(kept, radix: 16, uppercase: false)
        if hex.count < digits { hex = String(repeating: "0", count: digits - hex.count) + hex }
        return UnitFix(title: "Drop \(refused.map(\.name).joined(separator: ", ")) from the copy flags", safety: .safe,
                       edits: [(token.range, "0x" + hex)])
    }
}
