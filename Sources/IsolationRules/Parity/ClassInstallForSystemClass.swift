import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// A `[ClassInstall32]` section in an INF whose class Windows defines.
public struct ClassInstallForSystemClass: Rule {
    public static let description = RuleDescription(
        name: "classinstall-for-system-class", codes: [1285],
        title: "[ClassInstall32] installs a Microsoft-defined class",
        why: "Windows defines its setup classes itself; a package that reinstalls one through [ClassInstall32] can overwrite the class's icon, name, installers and security for every device of the class.",
        fix: "Remove the [ClassInstall32] sections: a Microsoft-defined class is already installed. Define a class of your own only when none of Windows' fits.",
        levels: levels("E E E E"), fixable: true, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Sample
        ClassGuid = {78A1C341-4539-11d3-B88D-00C04FAD5171}
        ↓[ClassInstall32]
        AddReg = ClassReg
        ↓[ClassInstall32.NTamd64]
        AddReg = ClassReg
        [ClassReg]
        HKR,,,,"Sample"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Ports
        ClassGuid = {4D36E978-E325-11CE-BFC1-08002BE10318}
        ↓[ClassInstall32.NT]
        AddReg = ClassReg
        [ClassInstall32.NT.Services]
        AddService = Serenum, , Serenum_Service
        [ClassReg]
        HKR,,,,"Ports"
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            Class = Ports
            ClassGuid = {4D36E978-E325-11CE-BFC1-08002BE10318}
            [ClassInstall32.NT]
            AddReg = ClassReg
            [ClassInstall32.NT.Services]
            AddService = Serenum, , Serenum_Service
            [Serenum_Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %12%\\serenum.sys
            [ClassReg]
            HKR,,,,"Ports"
            [Install.NTamd64]
            CopyFiles = Drivers
            [Drivers]
            contoso.sys
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            Class = Ports
            ClassGuid = {4D36E978-E325-11CE-BFC1-08002BE10318}
            [Install.NTamd64]
            CopyFiles = Drivers
            [Drivers]
            contoso.sys
            """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ContosoWidgets
        ClassGuid = {5d8a2a6e-5d3c-4b43-9a2f-2b3b6b8c1f10}
        [ClassInstall32]
        AddReg = ClassReg
        [ClassReg]
        HKR,,,,"Contoso widgets"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let version = context.document.version
        let setupClass = version.className.flatMap(SetupClasses.named) ?? version.classGuid.flatMap(SetupClasses.withGuid)
        guard let setupClass else { return [] }
        return context.document.sections.compactMap { section in
            let folded = section.foldedName
            guard folded == "classinstall32" || folded.hasPrefix("classinstall32."),
                  !SectionGraph.installSuffixes.contains(where: { folded.hasSuffix("." + $0.lowercased()) }),
                  let range = context.headerRange(of: section) else { return nil }
            // The section goes with its own suffix sections ([ClassInstall32.NT.Services]).
            let suffixes = context.document.sections.filter { other in
                other.foldedName.hasPrefix(folded + ".")
                    && SectionGraph.installSuffixes.contains { other.foldedName == folded + "." + $0.lowercased() }
            }
            let removal = context.removal(of: [section] + suffixes)
            let fix = UnitFix(title: "Remove [\(section.name)] and what only it uses", safety: .unsafe, edits: removal.edits,
                              followUp: "Windows installs the '\(setupClass.name)' class itself; if the section also installed a class filter or service, declare it for the devices instead (AddFilter in a DDInstall.Filters section).")
            return Violation(range: range, message: "Cannot specify [\(section.name)] section for Microsoft-defined class '\(setupClass.name)'.", fix: fix)
        }
    }
}
