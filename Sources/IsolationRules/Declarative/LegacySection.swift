import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// Sections that declarative INFs may not have, and co-installer registrations.
public struct LegacySection: Rule {
    public static let description = RuleDescription(
        name: "legacy-section", codes: [1300, 1303],
        title: "A legacy section, co-installer or class installer is used",
        why: "Class installers, co-installers and resource overrides run code or change hardware configuration at install time; declarative packages may not, and packages with co-installers are no longer signed.",
        fix: "Remove the section: WDF and WinUSB need no co-installer on Windows 10 and later, device-specific setup belongs in the driver or in software shipped separately.",
        levels: levels("E E E E"), fixable: true, group: .declarative)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [ClassInstall32]
        AddReg = ClassReg
        ↓[Install.NTamd64.CoInstallers]
        AddReg = CoReg
        [CoReg]
        HKR, , ↓CoInstallers32, 0x00010000, "WdfCoInstaller01011.dll,WdfCoInstaller"
        [ClassReg]
        HKR,,,,"Contoso"
        HKR,,↓Installer32,,"contosoci.dll,ClassInstaller"
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install.NTamd64]
            CopyFiles = Drivers
            [Install.NTamd64.CoInstallers]
            AddReg = CoReg
            CopyFiles = CoFiles

            [CoReg]
            HKR, , CoInstallers32, 0x00010000, "WdfCoInstaller01011.dll,WdfCoInstaller"

            [CoFiles]
            WdfCoInstaller01011.dll

            ; the driver itself
            [Drivers]
            contoso.sys
            [DestinationDirs]
            Drivers = 13
            CoFiles = 11
            [SourceDisksFiles]
            contoso.sys = 1
            WdfCoInstaller01011.dll = 1
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install.NTamd64]
            CopyFiles = Drivers
            ; the driver itself
            [Drivers]
            contoso.sys
            [DestinationDirs]
            Drivers = 13
            [SourceDisksFiles]
            contoso.sys = 1
            """),
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install.NTamd64]
            AddReg = Reg
            [Reg]
            HKR,,Setting,,1
            HKR,,CoInstallers32,0x00010000,"contosoci.dll,Entry"
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install.NTamd64]
            AddReg = Reg
            [Reg]
            HKR,,Setting,,1
            """),
    ]

    public static let nonTriggeringExamples = [
        // A custom class of the INF's own, installed with its name and icon.
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ContosoWidgets
        ClassGuid = {4b1f1b2a-7f43-4c1e-9a0e-1d2c3b4a5f60}
        [ClassInstall32]
        AddReg = ClassReg
        [ClassReg]
        HKR,,,,"Contoso widgets"
        HKR,,Icon,,"-5"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NTamd64]
        AddReg = Reg
        [Reg]
        HKR,,A,,B
        """),
    ]

    static let suffixes = ["coinstallers", "factdef", "logconfigoverride"]
    /// ``suffixes`` each after its dot, as a folded section name ends with them.
    private static let dottedSuffixes = suffixes.map { "." + $0 }

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            // [ClassInstall32] itself is accepted (InfVerif reports only 1284 and 1285, for reserved and
            // Microsoft classes: classinstall-for-system-class); a class installer it registers is not.
            let folded = section.foldedName
            guard let index = Self.dottedSuffixes.firstIndex(where: folded.hasSuffix),
                  let range = context.headerRange(of: section) else { continue }
            let suffix = Self.suffixes[index]
            let written = section.name.split(ascii: ".").last.map(String.init) ?? suffix
            result.append(Violation(range: range, message: "[\(section.name)] is a legacy DDInstall.\(written) section, which declarative INFs may not have",
                                    fix: suffix == "coinstallers" ? Self.removingCoInstallers(section, context: context) : nil,
                                    code: 1300, infVerifValues: ["section", "[\(section.name)]"]))
        }
        for item in context.uniqueRegistryEntries {
            guard let value = item.entry.valueName, value.foldedCase == "coinstallers32" || value.foldedCase == "installer32" else { continue }
            let installers = value.foldedCase == "installer32" ? "class installers" : "co-installers"
            // InfVerif: "Found legacy AddReg operation defining class installers (Installer32)."
            let fix = UnitFix(title: "Remove the \(value) line", safety: .unsafe, edits: [(context.fullLineRange(of: item.entry.line), "")],
                              followUp: "The \(installers.dropLast()) no longer runs: move what it did into the driver, and remove its DLL from the package.")
            result.append(Violation(range: context.range(of: item.entry.line, field: 3),
                                    message: "'\(value)' registers a \(installers.dropLast()), which declarative INFs may not have",
                                    fix: fix, code: 1303, infVerifValues: [item.entry.operation.rawValue, installers, value, ""]))
        }
        return result
    }

    /// The fix that removes a DDInstall.CoInstallers section, the sections only it references, their
    /// `[DestinationDirs]` lines and the `[SourceDisksFiles]` lines of the DLLs only it copies.
    static func removingCoInstallers(_ section: INFSection, context: RuleContext) -> UnitFix {
        let removal = context.removal(of: [section])
        let files = removal.files.isEmpty ? "" : " Remove \(removal.files.joined(separator: ", ")) from the package and regenerate its catalog."
        return UnitFix(title: "Remove [\(section.name)] and what only it uses (\(removal.sections.count) section\(removal.sections.count == 1 ? "" : "s"))",
                       safety: .unsafe, edits: removal.edits,
                       followUp: "The co-installer no longer runs: WDF and WinUSB need none on Windows 10 and later; move any device setup it did into the driver.\(files)")
    }
}
