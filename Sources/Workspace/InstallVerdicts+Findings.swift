import DriverPackage
import Findings
import INFModel
import IsolationKnowledge
import IsolationRules

extension InstallVerdicts {
    /// The verdicts on `plan` from the findings of a check of the same file with the same settings:
    /// an item is not isolated when a rule reports its line, so `explain` and `check` give one verdict.
    public init(plan: InstallPlan, findings: [Finding]) {
        let marks = PlanMarks(plan: plan, findings: findings)
        self.init(files: plan.devices.map { $0.files.map(marks.fileRules) },
                  registry: plan.devices.map { $0.registry.map { marks.rules(onLine: $0.line.lineNumber) } },
                  services: plan.devices.map { $0.services.map(marks.serviceRules) })
    }
}

/// How a plan's items are marked from check findings.
private struct PlanMarks {
    let plan: InstallPlan
    let findings: [Finding]

    /// The isolation rules that report the line `line`.
    func rules(onLine line: Int) -> [String] {
        Array(Set(findings.filter { $0.location.line == line && $0.level >= .warning }.map(\.rule))).sorted()
    }

    /// The isolation rules that report the line `line`, or name it as a related place (a copy's
    /// finding stands on its file list, with its DestinationDirs entry related).
    func rules(about line: Int) -> [String] {
        Array(Set(findings.filter { finding in
            finding.level >= .warning
                && (finding.location.line == line || finding.related.contains { $0.location.line == line && $0.location.binaryOffset == nil })
        }.map(\.rule))).sorted()
    }

    /// The rules about a file's destination: the file-destination findings on its DestinationDirs line,
    /// or, when the check reported none there (a rule not selected), the rule the DIRID table names.
    func fileRules(_ file: InstallPlan.File) -> [String] {
        guard let dirid = file.dirid else {
            // No DestinationDirs entry at all, or one whose DIRID does not resolve (a placeholder).
            guard let line = file.destinationLine else { return [NoDestination.description.name] }
            let reported = rules(about: line.lineNumber)
            return reported.isEmpty ? [UnresolvableDirid.description.name] : reported
        }
        if dirid == DirectoryIDs.driverStore { return [] }
        let expected = DirectoryIDs.isProgramFiles(dirid) ? ProgramFilesDestination.description.name
            : DestinationNotDriverStore.description.name
        if let line = file.destinationLine {
            let reported = rules(about: line.lineNumber).filter { Self.destinationRules.contains($0) }
            if !reported.isEmpty { return reported }
        }
        return [expected]
    }

    /// The rules that judge where a file is copied.
    static let destinationRules: Set<String> = [
        DestinationNotDriverStore.description.name, ProgramFilesDestination.description.name, DeprecatedDirid.description.name,
    ]

    /// The rules about a service's binary: those on its line, or the destination rule when it does
    /// not run from the driver store.
    func serviceRules(_ service: InstallPlan.Service) -> [String] {
        guard service.binary != nil else { return [] }
        let onLine = service.binaryLine.map { rules(onLine: $0.lineNumber) } ?? []
        if !onLine.isEmpty { return onLine }
        guard let resolved = service.resolvedBinary, !resolved.lowercased().hasPrefix(plan.driverStore.lowercased()) else { return [] }
        // An inbox driver (WUDFRd.sys, WinUSB.sys…) is Windows' own file, where Windows keeps it.
        let name = resolved.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map { String($0).lowercased() } ?? ""
        if InboxKnowledge.isSystemDriver(name) { return [] }
        return [DestinationNotDriverStore.description.name]
    }
}
