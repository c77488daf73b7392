import DriverPackage
import Findings
import Foundation
import INFModel
import INFSyntax
import Platform

/// The result of checking a set of files.
public struct CheckResult: Sendable {
    /// Every finding, in file order.
    public var findings: [Finding]
    /// The display paths of the INF files checked, in the order they were found.
    public var checkedFiles: [String]
    /// How many INF files were checked.
    public var filesChecked: Int { checkedFiles.count }
    /// Command-line paths that do not exist.
    public var missingPaths: [String]
    /// What the walk met and did not check: links out of a folder, devices, FIFOs (folders that
    /// cannot be read are also findings).
    public var problems: [DiscoveryProblem] = []
    /// How many findings suppression comments, per-path ignores and the baseline hid.
    public var hidden = HiddenFindings()
    /// How many of the checked files were binaries named on the command line, not INF files.
    public var namedBinaries = 0
    /// How many INF files were checked.
    public var infFilesChecked: Int { filesChecked - namedBinaries }
}

/// Splits a run's findings into those reported and the counts of those the settings hide.
public typealias FindingFilter = @Sendable ([Finding]) -> (kept: [Finding], hidden: HiddenFindings)

/// Checks the INF files under some paths, in parallel, with the binaries of their packages, and gathers
/// the findings in a stable order.
public struct CheckRun: Sendable {
    public let checker: Checker

    public init(options: CheckOptions, rules: [any Rule.Type]) {
        checker = Checker(options: options, rules: rules)
    }

    /// Checks every INF file found under `paths`, then, once per built package, the binaries that no
    /// INF of the package installs. `progress` is called after each file with the number done and the
    /// total, from the worker threads; `filter` drops the findings the settings hide (per-path ignores,
    /// a baseline) from the result and counts them.
    public func run(paths: [String], filter: FindingFilter? = nil,
                    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> CheckResult {
        let checker = self.checker
        return run(paths: paths, filter: filter, progress: progress) { file, package -> (FileCheck, Never?) in
            (Self.check(file, checker: checker, package: package), nil)
        }.result
    }

    /// The same run with `work` doing each file: it returns the file's check (the findings that stay)
    /// and whatever else the caller keeps of it, such as the outcome of fixing it. Everything after the
    /// per-file work (binaries no INF installs, merging, `filter`) is the same for every command.
    public func run<Extra: Sendable>(
        paths: [String], filter: FindingFilter? = nil,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        work: @escaping @Sendable (DiscoveredFile, PackageContents) -> (FileCheck, Extra?)
    ) -> (result: CheckResult, files: [DiscoveredFile], extras: [Extra?]) {
        let discovery = Discovery.discover(paths)
        let files = discovery.files
        let packages = PackageCache()
        let results = ResultSlots<FileCheck>(count: files.count, empty: FileCheck(findings: []))
        let extras = ResultSlots<Extra?>(count: files.count, empty: nil)
        let counter = ProgressCounter()
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let (check, extra) = work(file, packages.contents(of: file.packageRoot))
            results.set(index, check)
            if extra != nil { extras.set(index, extra) }
            if let progress { progress(counter.increment(), files.count) }
        }
        var checks = results.takeAll()
        let uninstalled = uninstalledBinaryFindings(files: files, checks: checks, packages: packages)
        var lastFileOfPackage: [String: Int] = [:]
        for (index, file) in files.enumerated() { lastFileOfPackage[file.packageRoot] = index }
        var findings: [Finding] = discovery.problems.filter(\.isError).map(UnreadableInput.finding(for:))
        findings.reserveCapacity(findings.count + checks.reduce(0) { $0 + $1.findings.count })
        for index in checks.indices {
            findings += checks[index].findings
            checks[index].findings = [] // freed as it is copied, so the two lists are never held whole at once
            let root = files[index].packageRoot
            if lastFileOfPackage[root] == index { findings += uninstalled[root] ?? [] }
        }
        findings = Self.mergingBinaryFindings(findings)
        var hidden = HiddenFindings(suppressions: checks.reduce(0) { $0 + $1.suppressed })
        let namedBinaries = checks.filter(\.isNamedBinary).count
        if let filter {
            let (kept, filtered) = filter(findings)
            findings = kept
            hidden.perPathIgnores = filtered.perPathIgnores
            hidden.baseline = filtered.baseline
        }
        let result = CheckResult(findings: findings, checkedFiles: files.map(\.displayPath), missingPaths: discovery.missing,
                                 problems: discovery.problems, hidden: hidden, namedBinaries: namedBinaries)
        return (result, files, extras.takeAll())
    }

    /// Checks one file; a file that cannot be read is reported as a finding, not skipped.
    static func check(_ file: DiscoveredFile, checker: Checker, package: PackageContents) -> FileCheck {
        let source: SourceFile
        do {
            let bytes = try SourceFile.readBytes(fileSystemPath: file.fileSystemPath, displayPath: file.displayPath,
                                                 limit: checker.options.maximumFileSize)
            // A driver or DLL named on the command line is scanned as a package binary, not read as an INF.
            if !Discovery.isINF(file.path), PackageBinary.isPortableExecutable(bytes) {
                var check = FileCheck(findings: checker.checkNamedBinary(PackageBinary(file: file.path), displayPath: file.displayPath))
                check.isNamedBinary = true
                return check
            }
            source = SourceFile(path: file.path, bytes: bytes)
        } catch {
            return FileCheck(findings: [UnreadableInput.finding(for: error, displayPath: file.displayPath)])
        }
        let tree = INFParser.parse(source)
        return checker.checkFile(tree: tree, displayPath: file.displayPath, package: package)
    }

    /// The findings about binaries that no INF installs, by package folder: only for a built package
    /// all of whose INF files were checked in this run (otherwise an unchecked INF may install them).
    func uninstalledBinaryFindings(files: [DiscoveredFile], checks: [FileCheck], packages: PackageCache) -> [String: [Finding]] {
        guard checker.binaries != nil else { return [:] }
        var groups: [String: [Int]] = [:]
        for (index, file) in files.enumerated() { groups[file.packageRoot, default: []].append(index) }
        var pending: [(root: String, binary: PackageBinary, infDisplayPath: String)] = []
        for (root, indices) in groups.sorted(by: { $0.key < $1.key }) where indices.contains(where: { checks[$0].isBuilt }) {
            let contents = packages.contents(of: root)
            let checked = Set(indices.map { URL(fileURLWithPath: files[$0].path).lastPathComponent.lowercased() })
            guard contents.infFiles.allSatisfy({ checked.contains($0.lowercased()) }) else { continue }
            let installed = Set(indices.flatMap { checks[$0].installedBinaries }.map { $0.lowercased() })
            for binary in contents.binaries where !installed.contains(binary.relativePath.lowercased()) {
                pending.append((root, binary, files[indices[0]].displayPath))
            }
        }
        let work = pending
        let results = ResultSlots<[Finding]>(count: work.count, empty: [])
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let item = work[index]
            results.set(index, checker.checkUninstalled([item.binary], besideINF: item.infDisplayPath))
        }
        var byRoot: [String: [Finding]] = [:]
        for (index, found) in results.takeAll().enumerated() { byRoot[work[index].root, default: []] += found }
        return byRoot
    }

    /// The findings with each binary finding kept once: INFs of one package that install the same
    /// binary report it alike, and the copies are merged into the first, with every installing line.
    static func mergingBinaryFindings(_ findings: [Finding]) -> [Finding] {
        // Without findings in binaries there is nothing to merge: keep the array, not a copy of it.
        guard findings.contains(where: { $0.location.binaryOffset != nil }) else { return findings }
        var result: [Finding] = []
        var firstIndex: [String: Int] = [:]
        for finding in findings {
            guard let offset = finding.location.binaryOffset else {
                result.append(finding)
                continue
            }
            let key = "\(finding.rule)|\(finding.location.file)|\(offset)|\(finding.level)|\(finding.message)"
            if let index = firstIndex[key] {
                for item in finding.related where !result[index].related.contains(item) { result[index].related.append(item) }
            } else {
                firstIndex[key] = result.count
                result.append(finding)
            }
        }
        return result
    }
}

/// Folder listings shared between the files of one package.
final class PackageCache: @unchecked Sendable {
    private var listings: [String: PackageContents] = [:]
    private let lock = NSLock()

    func contents(of root: String) -> PackageContents {
        lock.lock()
        if let cached = listings[root] { lock.unlock(); return cached }
        lock.unlock()
        let contents = PackageContents(root: root)
        lock.lock()
        listings[root] = contents
        lock.unlock()
        return contents
    }
}

/// A count shared by the workers of a run.
final class ProgressCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
