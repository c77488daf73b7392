import DriverPackage
import INFModel

/// DIRID 13 used by a DDInstall that older Windows builds can install.
public struct DriverStoreNeedsNewerOS: Rule {
    public static let description = RuleDescription(
        name: "driver-store-needs-newer-os", codes: [1199],
        title: "Run-from-driver-store is used on builds that do not support it",
        why: "DIRID 13 as a run location needs Windows 10 version 1709 (build 16299), and 1803 (build 17134) for UMDF drivers and firmware; older builds install the package but cannot run it.",
        fix: "Add a NT<arch>.10.0...16299 decoration (17134 for UMDF and firmware) to the Manufacturer line and the Models section name, or add a second decorated Models section and keep the old one for older builds.",
        levels: levels("E E E E"), fixable: true, group: "A")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, ↓NTamd64
        [Contoso.NTamd64]
        %Dev% = Install, Root\\Contoso
        [DestinationDirs]
        DefaultDestDir = 13
        [Install.NTamd64]
        CopyFiles = Files
        [Files]
        drv.sys
        [Strings]
        Mfg = "Contoso"
        Dev = "Device"
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64.10.0...16299
        [Contoso.NTamd64.10.0...16299]
        %Dev% = Install, Root\\Contoso
        [DestinationDirs]
        DefaultDestDir = 13
        [Install.NTamd64]
        CopyFiles = Files
        [Files]
        drv.sys
        [Strings]
        Mfg = "Contoso"
        Dev = "Device"
        """,
        """
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64
        [Contoso.NTamd64]
        %Dev% = Install, Root\\Contoso
        [DestinationDirs]
        DefaultDestDir = 12
        [Install.NTamd64]
        CopyFiles = Files
        [Files]
        drv.sys
        [Strings]
        Mfg = "Contoso"
        Dev = "Device"
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var reported = Set<String>()
        for reach in context.deviceInstalls {
            let closure = sections(reachedFrom: reach.installSection, context: context)
            let threshold = needsNewerRuntime(closure, context: context) ? WindowsVersion.win10_1803 : WindowsVersion.win10_1709
            guard reach.range.lowest < threshold, let use = driverStoreUse(closure, context: context) else { continue }
            let key = "\(CaseInsensitive.fold(reach.range.sectionName))|\(reach.range.architecture)"
            guard reported.insert(key).inserted else { continue }
            let arch = reach.range.architecture.rawValue
            let decoration = "NT\(arch).10.0...\(threshold.build)"
            let from = reach.range.lowest.major == 0 ? "any older build" : "build \(reach.range.lowest.build)"
            let message = "[\(reach.installSection)] uses \(use.what), which needs Windows build \(threshold.build), but [\(reach.range.sectionName)] installs it on \(from); decorate the Models section with \(decoration)"
            let field = reach.range.decoration.flatMap { decoration in
                reach.range.manufacturer.line.fields.firstIndex { CaseInsensitive.equal($0, decoration.text) }.map { $0 + 1 }
            }
            let range = field.map { context.range(of: reach.range.manufacturer.line, field: $0) } ?? context.range(of: reach.range.manufacturer.line)
            result.append(Violation(range: range, message: message, fix: fix(context, reach: reach, field: field, decoration: decoration),
                                    related: [(use.range, "DIRID 13 is used here"), (context.range(of: reach.model.line), "the device this Models entry installs")]))
        }
        return result
    }

    /// The sections an install section reaches: itself, its suffix sections, and what their directives name.
    func sections(reachedFrom name: String, context: RuleContext) -> [String] {
        var queue = [name] + SectionGraph.installSuffixes.map { "\(name).\($0)" }
        var seen = Set<String>()
        var result: [String] = []
        while let next = queue.popLast() {
            guard seen.insert(CaseInsensitive.fold(next)).inserted, context.document.hasSection(next) else { continue }
            result.append(next)
            for link in context.graph.links where CaseInsensitive.equal(link.from, next) { queue.append(link.to) }
        }
        return result
    }

    private func needsNewerRuntime(_ sections: [String], context: RuleContext) -> Bool {
        if context.document.version.className.map({ CaseInsensitive.equal($0, "Firmware") }) == true { return true }
        return sections.contains { name in context.document.section(named: name)?.firstLine(withKey: "UmdfService") != nil }
    }

    private func driverStoreUse(_ sections: [String], context: RuleContext) -> (what: String, range: Range<Int>)? {
        let dirs = context.document.destinationDirs
        for name in sections {
            guard let section = context.document.section(named: name) else { continue }
            for operation in context.document.copyFiles(in: section) {
                let destination: DestinationDirectory?
                switch operation.target {
                case .file: destination = dirs.defaultDirectory
                case .section(let list): destination = dirs.destination(for: list)
                }
                if let destination, destination.dirid == DirectoryIDs.driverStore, !operation.files.isEmpty {
                    return ("DIRID 13 (CopyFiles)", context.range(of: destination.line, field: 1))
                }
            }
        }
        for name in sections {
            guard let section = context.document.section(named: name) else { continue }
            for line in section.lines {
                for (index, raw) in line.rawFields.enumerated() where raw.contains("%") {
                    if context.document.substituter.pieces(raw).contains(.dirid(DirectoryIDs.driverStore)) {
                        return ("DIRID 13 (\(line.key ?? "a value"))", context.range(of: line, field: index + 1))
                    }
                }
            }
        }
        return nil
    }

    private func fix(_ context: RuleContext, reach: DeviceInstallReach, field: Int?, decoration: String) -> UnitFix? {
        // Only a plain architecture decoration whose Models section has one header can be renamed in place.
        guard let current = reach.range.decoration, current.major == nil, let field,
              let token = context.document.token(of: reach.range.manufacturer.line, field: field),
              let models = context.document.section(named: reach.range.sectionName), models.headers.count == 1,
              let header = models.headers.first,
              !context.document.hasSection("\(reach.range.manufacturer.modelsSection).\(decoration)") else { return nil }
        let newName = "\(reach.range.manufacturer.modelsSection).\(decoration)"
        return UnitFix(
            title: "Decorate the Models section with \(decoration)", safety: .unsafe,
            edits: [(token.range, decoration), (context.tree.sections[header].header.nameRange, newName)],
            followUp: "Windows builds older than \(decoration.split(separator: ".").last ?? "") no longer install this device; keep an undecorated copy of the Models section (and non-driver-store install sections) if they must.")
    }
}
