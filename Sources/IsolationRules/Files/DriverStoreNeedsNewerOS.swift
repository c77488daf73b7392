import DriverPackage
import Findings
import Foundation
import INFModel
import IsolationEngine
import IsolationKnowledge

/// DIRID 13 used by a DDInstall that older Windows builds can install.
public struct DriverStoreNeedsNewerOS: Rule {
    public static let description = RuleDescription(
        name: "driver-store-needs-newer-os", codes: [1199],
        title: "Newer INF syntax is used on builds that do not support it",
        why: "DIRID 13 as a run location needs Windows 10 version 1709 (build 16299), 1803 (build 17134) for UMDF drivers and firmware; declared filters need 1903, event providers and HKR media categories 1809, AutoLoggers Windows 11; older builds install the package but not what the newer syntax declares.",
        fix: "Add a NT<arch>.10.0...16299 decoration (17134 for UMDF and firmware) to the Manufacturer line and the Models section name, or add a second decorated Models section and keep the old one for older builds.",
        levels: levels("E E E E"), fixable: true, group: .files)

    public static let triggeringExamples = [
        RuleExample("""
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
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
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
        """),
        RuleExample("""
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
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Manufacturer]
            %Mfg% = Contoso, NTamd64
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
            after: """
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
            """),
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Manufacturer]
            %Mfg% = Contoso, NTamd64.10.0...16299
            [Contoso.NTamd64.10.0...16299]
            %Dev% = Install, Root\\Contoso
            [Install.NTamd64]
            AddReg = Reg
            [Reg]
            HKR, , A, , B
            [Install.NTamd64.Filters]
            AddFilter = Flt, , Flt_Section
            [Flt_Section]
            FilterPosition = Upper
            [Strings]
            Mfg = "Contoso"
            Dev = "Device"
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Manufacturer]
            %Mfg% = Contoso, NTamd64.10.0...18362
            [Contoso.NTamd64.10.0...18362]
            %Dev% = Install, Root\\Contoso
            [Install.NTamd64]
            AddReg = Reg
            [Reg]
            HKR, , A, , B
            [Install.NTamd64.Filters]
            AddFilter = Flt, , Flt_Section
            [Flt_Section]
            FilterPosition = Upper
            [Strings]
            Mfg = "Contoso"
            Dev = "Device"
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var reported = Set<String>()
        // Many Models entries share an install section: work out each section's needs once.
        var needs: [String: (what: String, version: WindowsVersion, range: Range<Int>)?] = [:]
        for reach in context.deviceInstalls {
            let folded = CaseInsensitive.fold(reach.installSection)
            if needs[folded] == nil {
                needs[folded] = .some(requirement(sections(reachedFrom: reach.installSection, context: context), context: context))
            }
            guard let need = needs[folded] ?? nil, reach.range.lowest < need.version else { continue }
            let key = "\(CaseInsensitive.fold(reach.range.sectionName))|\(reach.range.architecture)"
            guard reported.insert(key).inserted else { continue }
            let decoration = "NT\(reach.range.architecture.rawValue).10.0...\(need.version.build)"
            let from = reach.range.lowest.major == 0 ? "any older build" : "build \(reach.range.lowest.build)"
            let message = "[\(reach.installSection)] uses \(need.what), which needs Windows build \(need.version.build), but [\(reach.range.sectionName)] installs it on \(from); decorate the Models section with \(decoration)"
            let field = reach.range.decoration.flatMap { decoration in
                reach.range.manufacturer.line.fields.firstIndex { CaseInsensitive.equal($0, decoration.text) }.map { $0 + 1 }
            }
            let range = field.map { context.range(of: reach.range.manufacturer.line, field: $0) } ?? context.range(of: reach.range.manufacturer.line)
            result.append(Violation(range: range, message: message, fix: fix(context, reach: reach, field: field, decoration: decoration),
                                    related: [(need.range, "the newer syntax is used here"), (context.range(of: reach.model.line), "the device this Models entry installs")],
                                    infVerifValues: [need.what] + Array(repeating: ["\(need.version.major)", "\(need.version.minor)", "\(need.version.build)"], count: 2).flatMap { $0 }))
        }
        return result
    }

    /// What in the install sections needs the newest Windows build, with the build and where it is used.
    func requirement(_ sections: [INFSection], context: RuleContext) -> (what: String, version: WindowsVersion, range: Range<Int>)? {
        var best: (what: String, version: WindowsVersion, range: Range<Int>)?
        func consider(_ what: String, _ build: Int, _ range: Range<Int>) {
            let version = WindowsVersion(major: 10, minor: 0, build: build)
            if best.map({ version > $0.version }) ?? true { best = (what, version, range) }
        }
        if let use = driverStoreUse(sections, context: context) {
            consider(use.what, needsNewerRuntime(sections, context: context) ? 17134 : 16299, use.range)
        }
        for section in sections {
            for (directive, build) in Self.directiveBuilds {
                if let line = section.firstLine(withKey: directive) { consider(directive.text, build, context.range(of: line, field: 0)) }
            }
            for link in context.graph.links(from: section) {
                guard case .registry(.addReg, .deviceSoftwareKey) = link.role,
                      Self.mentionsMediaCategories(context.document.section(named: link.to)) else { continue }
                for entry in context.document.registryEntries(inSection: link.to, operation: .addReg)
                where entry.root == .relative && RegistryKnowledge.hasKeyPrefix(normalized: entry.normalizedSubkey, "MediaCategories") {
                    consider("HKR MediaCategories", 17763, context.range(of: entry.line, field: 2))
                }
            }
        }
        return best
    }

    /// Whether a line of `section` names `MediaCategories` in its subkey field (any case): only such
    /// a registry section is read as entries.
    static func mentionsMediaCategories(_ section: INFSection?) -> Bool {
        section?.lines.contains { $0.field(2)?.containsASCIIIgnoringCase("mediacategories") ?? false } ?? false
    }

    /// Install directives and the first Windows 10 build that understands them.
    static let directiveBuilds: [(KeyName, Int)] = [
        (KeyName("AddFilter"), 18362), (KeyName("AddEventProvider"), 17763), (KeyName("AddAutoLogger"), 22000),
        (KeyName("UpdateAutoLogger"), 22000), (KeyName("AddSoftware"), 15063), (KeyName("AddComponent"), 15063),
        (KeyName("AddComServer"), 26100),
    ]

    /// The sections an install section reaches: itself, its suffix sections, and what their directives name.
    func sections(reachedFrom name: String, context: RuleContext) -> [INFSection] {
        let document = context.document
        var queue = (document.section(named: name).map { [$0] } ?? [])
            + document.sections(named: name, suffixes: SectionGraph.installSuffixes).map(\.section)
        var seen = [Bool](repeating: false, count: document.sections.count)
        var result: [INFSection] = []
        while let next = queue.popLast() {
            guard !seen[next.number] else { continue }
            seen[next.number] = true
            result.append(next)
            for link in context.graph.links(from: next) {
                if let target = document.section(named: link.to) { queue.append(target) }
            }
        }
        return result
    }

    private func needsNewerRuntime(_ sections: [INFSection], context: RuleContext) -> Bool {
        if context.document.version.className.map({ CaseInsensitive.equal($0, "Firmware") }) == true { return true }
        return sections.contains { $0.hasKey(.umdfService) }
    }

    private func driverStoreUse(_ sections: [INFSection], context: RuleContext) -> (what: String, range: Range<Int>)? {
        let dirs = context.document.destinationDirs
        for section in sections {
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
        let firstUses = context.shared(DriverStoreFieldsKey.self) {
            var uses: [Int: PercentField] = [:]
            for item in context.percentFields where uses[item.section.number] == nil && item.pieces.contains(.dirid(DirectoryIDs.driverStore)) {
                uses[item.section.number] = item
            }
            return uses
        }
        for section in sections {
            if let use = firstUses[section.number] {
                return ("DIRID 13 (\(use.line.key ?? "a value"))", context.range(of: use.line, field: use.field))
            }
        }
        return nil
    }

    private func fix(_ context: RuleContext, reach: DeviceInstallReach, field: Int?, decoration: String) -> UnitFix? {
        if reach.range.decoration == nil { return fixUndecorated(context, reach: reach, decoration: decoration) }
        // Only the newest Models section of an architecture can take the newer decoration (older ones
        // keep serving older builds), and only a decoration without product type or suite mask whose
        // Models section has one header can be rewritten in place.
        guard reach.range.upperBound == nil, let current = reach.range.decoration, current.productType == nil,
              current.suiteMask == nil, let field,
              let token = context.document.token(of: reach.range.manufacturer.line, field: field), !token.isQuoted,
              let models = context.document.section(named: reach.range.sectionName), models.headers.count == 1,
              let header = models.headers.first,
              !context.document.hasSection("\(reach.range.manufacturer.modelsSection).\(decoration)") else { return nil }
        // Keep the architecture as written (`NT$ARCH$` in files that stampinf completes).
        let build = decoration.split(ascii: ".").last.map(String.init) ?? ""
        let writtenArch = context.tree.text(of: token.range).split(ascii: ".", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let written = "\(writtenArch).10.0...\(build)"
        let headerNode = context.tree.sections[header].header
        let headerName = context.tree.text(of: headerNode.nameRange)
        guard let dot = headerName.range(of: "." + writtenArch, options: .caseInsensitive) else { return nil }
        let newName = String(headerName[..<dot.lowerBound]) + "." + written
        return UnitFix(
            title: "Decorate the Models section with \(decoration)", safety: .unsafe,
            edits: [(token.range, written), (headerNode.nameRange, newName)],
            followUp: "Windows builds older than \(build) no longer install this device; keep an undecorated copy of the Models section (and install sections without the newer syntax) if they must.")
    }

    /// The undecorated Models section, which x86 falls back to on every build: it becomes the x86
    /// section of the newer builds (`[Models.NTx86.10.0...16299]`, and the decoration on the
    /// Manufacturer line), so that no x86 build below the one the syntax needs installs it.
    private func fixUndecorated(_ context: RuleContext, reach: DeviceInstallReach, decoration: String) -> UnitFix? {
        let line = reach.range.manufacturer.line
        guard reach.range.architecture == .x86, reach.range.upperBound == nil,
              let models = context.document.section(named: reach.range.sectionName), models.headers.count == 1,
              let header = models.headers.first, !context.document.hasSection("\(reach.range.manufacturer.modelsSection).\(decoration)"),
              let last = context.document.token(of: line, field: max(1, line.fields.count)) else { return nil }
        let build = decoration.split(ascii: ".").last.map(String.init) ?? ""
        let headerNode = context.tree.sections[header].header
        let headerName = context.tree.text(of: headerNode.nameRange)
        return UnitFix(
            title: "Make the undecorated Models section the x86 section of build \(build) and later (\(decoration))", safety: .unsafe,
            edits: [(last.range.upperBound..<last.range.upperBound, ", \(decoration)"), (headerNode.nameRange, "\(headerName).\(decoration)")],
            followUp: "x86 builds older than \(build) no longer install this device (they used the undecorated Models section); keep an undecorated copy of the Models section and install sections without the newer syntax if they must.")
    }
}

/// For each section (by number), its first field that names DIRID 13.
private enum DriverStoreFieldsKey: RuleContextKey {
    typealias Value = [Int: PercentField]
}
