import DriverPackage
import Findings
import Fixing
import Foundation
import INFModel
import INFSyntax
import IsolationEngine
import IsolationRules

/// The engine every command is a view of: the paths of a run and its resolved settings in; per file,
/// the findings (and the fixes, or the install plan) out. Discovery, the binaries of each package,
/// selection, suppressions, per-path ignores and the baseline are applied here, once, the same way
/// for `check`, `fix` and `explain`.
public struct Workspace: Sendable {
    public let paths: [String]
    public let settings: WorkspaceSettings

    /// A workspace over `paths` (the current folder when empty).
    public init(paths: [String], settings: WorkspaceSettings) {
        self.paths = paths.isEmpty ? ["."] : paths
        self.settings = settings
    }

    /// Checks every INF under the paths. With `applyingBaseline` false the baseline is not applied
    /// (to write a new one); per-path ignores always are.
    public func check(applyingBaseline: Bool = true, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> CheckResult {
        CheckRun(options: settings.options).run(paths: paths, filter: filter(applyingBaseline: applyingBaseline), progress: progress)
    }

    /// The filter a run applies to its findings, or `nil` when the settings hide nothing.
    func filter(applyingBaseline: Bool = true) -> FindingFilter? {
        guard settings.hidesFindings else { return nil }
        let settings = applyingBaseline ? settings : WorkspaceSettings(options: settings.options, configuration: settings.configuration)
        return { settings.partition($0) }
    }

    /// What a file's fixes apply to: the findings the settings keep, or `nil` when they hide nothing.
    func keep() -> (@Sendable ([Finding]) -> [Finding])? {
        guard settings.hidesFindings else { return nil }
        let settings = self.settings
        return { settings.keep($0) }
    }

    /// Fixes every INF under the paths in memory, and writes the changed ones unless `request.write`
    /// is false. The check in the result is the last fix round of each file, filtered as `check` is.
    public func fix(_ request: FixRequest) -> FixRun {
        let checker = Checker(options: settings.options)
        let engine = FixEngine(checker: checker, options: FixOptions(unsafe: request.unsafe))
        let keep = self.keep()
        let (result, files, outcomes) = CheckRun(options: settings.options).run(paths: paths, filter: filter()) { file, package -> (FileCheck, FileFixOutcome?) in
            Self.fixOne(file, package: package, engine: engine, keep: keep, request: request)
        }
        return FixRun(check: result, files: zip(files, outcomes).compactMap { file, outcome in outcome.map { (file, $0) } })
    }

    private static func fixOne(_ file: DiscoveredFile, package: PackageContents, engine: FixEngine,
                               keep: (@Sendable ([Finding]) -> [Finding])?, request: FixRequest) -> (FileCheck, FileFixOutcome?) {
        let bytes: [UInt8]
        do {
            bytes = try SourceFile.readBytes(fileSystemPath: file.fileSystemPath, displayPath: file.displayPath,
                                             limit: engine.checker.options.maximumFileSize)
        } catch {
            return (FileCheck(findings: [UnreadableInput.finding(for: error, displayPath: file.displayPath)]), nil)
        }
        let result = engine.fix(bytes: bytes, displayPath: file.displayPath, package: package, keep: keep)
        guard result.changed else { return (result.check, FileFixOutcome(result: result, writeError: nil)) }
        let catalogs = Self.catalogs(of: result.fixed, file: file, package: package)
        guard request.write else { return (result.check, FileFixOutcome(result: result, writeError: nil, catalogs: catalogs)) }
        do {
            try AtomicWriter.write(result.fixed, to: file.path, fileSystemPath: file.fileSystemPath, expecting: bytes, backup: request.backup)
        } catch {
            // The file keeps its bytes: report what its check says of them.
            let original = engine.checker.checkFile(tree: INFParser.parse(bytes: bytes, path: file.displayPath),
                                                    displayPath: file.displayPath, package: package)
            return (original, FileFixOutcome(result: result, writeError: error))
        }
        return (result.check, FileFixOutcome(result: result, writeError: nil, catalogs: catalogs))
    }

    /// The catalogs in `package` that sign the INF `file` whose new text is `bytes`: the files its
    /// `[Version]` `CatalogFile` lines name and `<name>.cat`, found ignoring case, as display paths.
    static func catalogs(of bytes: [UInt8], file: DiscoveredFile, package: PackageContents) -> [String] {
        let document = INFDocument(bytes: bytes, path: file.displayPath)
        let infName = lastComponent(file.displayPath)
        let stem = infName.lowercased().hasSuffix(".inf") || infName.lowercased().hasSuffix(".inx") ? String(infName.dropLast(4)) : infName
        let named = document.version.catalogFileLines.compactMap { $0.field(1) }.map(lastComponent) + [stem + ".cat"]
        let folder = String(file.displayPath.dropLast(infName.count))
        var found: [String] = []
        for name in named {
            guard let actual = package.files[name.lowercased()], !found.contains(folder + actual) else { continue }
            found.append(folder + actual)
        }
        return found
    }

    /// The install plan of every INF under the paths on `target` (or on each INF's own first
    /// architecture on the newest Windows), with the findings of a check of the same file under the
    /// same settings narrowed to that target.
    public func explain(architecture: Architecture? = nil) -> Explanation {
        let discovery = Discovery.discover(paths)
        var options = settings.options
        var items: [Explanation.Item] = []
        var installedNames = Set<String>()
        var packageRoots: [String] = []
        for file in discovery.files {
            let bytes: [UInt8]
            do {
                bytes = try SourceFile.readBytes(fileSystemPath: file.fileSystemPath, displayPath: file.displayPath,
                                                 limit: options.maximumFileSize)
            } catch {
                items.append(Explanation.Item(file: file, plan: nil, findings: [UnreadableInput.finding(for: error, displayPath: file.displayPath)]))
                continue
            }
            let tree = INFParser.parse(bytes: bytes, path: file.displayPath)
            let stamp = TemplateTokens.containsArchitectureToken(tree.source.text.units) ? (architecture ?? settings.options.architectures?.first ?? .amd64) : nil
            let document = INFDocument(tree: tree, options: ModelOptions(locale: options.locale, stampArchitecture: stamp?.rawValue))
            let target = TargetPlatform(
                architecture: architecture ?? settings.options.architectures?.first
                    ?? document.declaredArchitectures.first(where: { $0 == .amd64 }) ?? document.declaredArchitectures.first ?? .amd64,
                version: settings.options.targetVersion ?? .newest)
            let plan = InstallPlan(document: document, target: target,
                                   infName: URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent + ".inf")
            options.architectures = [target.architecture]
            options.targetVersion = target.version
            var findings = Checker(options: options).check(tree: tree, displayPath: file.displayPath,
                                                            package: PackageContents(root: file.packageRoot))
            if let keep = keep() { findings = keep(findings) }
            for architecture in Architecture.allCases {
                for entry in document.sourceDiskFiles(for: architecture) { installedNames.insert(entry.name.lowercased()) }
            }
            if !packageRoots.contains(file.packageRoot) { packageRoots.append(file.packageRoot) }
            items.append(Explanation.Item(file: file, plan: plan, findings: findings))
        }
        var uninstalled: [String] = []
        for root in packageRoots.sorted() {
            for (_, relative) in PackageContents(root: root).files.sorted(by: { $0.key < $1.key }) {
                let name = Self.lastComponent(relative).lowercased()
                if Discovery.isINF(name) || name.hasSuffix(".cat") || name.hasSuffix(".orig") || installedNames.contains(name) { continue }
                uninstalled.append(relative)
            }
        }
        return Explanation(items: items, uninstalledFiles: uninstalled, missingPaths: discovery.missing, problems: discovery.problems)
    }

    /// The last component of a path written with `/` or `\`.
    static func lastComponent(_ path: String) -> String {
        guard let index = path.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return path }
        return String(path[path.index(after: index)...])
    }
}

/// What a fix run is asked to do.
public struct FixRequest: Sendable {
    /// Apply unsafe fixes as well as safe ones.
    public var unsafe: Bool
    /// Write the fixed files (false for `--diff`).
    public var write: Bool
    /// Keep each original as `<file>.orig`.
    public var backup: Bool

    public init(unsafe: Bool = false, write: Bool = true, backup: Bool = false) {
        self.unsafe = unsafe
        self.write = write
        self.backup = backup
    }
}

/// What fixing one file did.
public struct FileFixOutcome: Sendable {
    public let result: FileFixResult
    /// Set when the fixed bytes could not be written; the file keeps its original bytes.
    public let writeError: FixWriteError?
    /// The catalog files beside a changed INF (those its `CatalogFile` lines name, and `<name>.cat`),
    /// as display paths: signed over the old text, they must be regenerated and signed again.
    public var catalogs: [String] = []
}

/// The outcome of a fix run: what remains, as `check` reports it, and what each file's fixing did.
public struct FixRun: Sendable {
    /// The findings that remain after the fixes (the last round of each file), filtered by the settings.
    public let check: CheckResult
    /// Each file that was read, with what fixing it did.
    public let files: [(file: DiscoveredFile, outcome: FileFixOutcome)]

    /// How many fixes were applied in all, not counting files whose fixed bytes could not be written.
    public var fixesApplied: Int { files.reduce(0) { $0 + ($1.outcome.writeError == nil ? $1.outcome.result.applied.count : 0) } }
    /// How many files the fixes change (or would change), not counting files that could not be written.
    public var filesChanged: Int { files.filter { $0.outcome.result.changed && $0.outcome.writeError == nil }.count }
}

/// The install plans of a workspace, with the findings that mark each entry.
public struct Explanation: Sendable {
    /// One INF: its plan (nil when it could not be read), its findings on the plan's target, and the
    /// verdict on each item of the plan that those findings give.
    public struct Item: Sendable {
        public let file: DiscoveredFile
        public let plan: InstallPlan?
        public let findings: [Finding]
        public let verdicts: InstallVerdicts

        init(file: DiscoveredFile, plan: InstallPlan?, findings: [Finding]) {
            self.file = file
            self.plan = plan
            self.findings = findings
            verdicts = plan.map { InstallVerdicts(plan: $0, findings: findings) } ?? InstallVerdicts()
        }
    }

    public let items: [Item]
    /// Files of the package folders that no INF of the folder names.
    public let uninstalledFiles: [String]
    /// Paths given that do not exist.
    public let missingPaths: [String]
    /// What the walk met and did not read.
    public let problems: [DiscoveryProblem]
}
