import DriverPackage
import Foundation
import INFModel
import INFSyntax

/// The result of checking a set of files.
public struct CheckResult: Sendable {
    /// Every finding, in file order.
    public var findings: [Finding]
    /// How many INF files were checked.
    public var filesChecked: Int
    /// Command-line paths that do not exist.
    public var missingPaths: [String]
}

/// Checks the INF files under some paths, in parallel, and gathers the findings in a stable order.
public struct CheckRun: Sendable {
    public let checker: Checker

    public init(options: CheckOptions) {
        checker = Checker(options: options)
    }

    /// Checks every INF file found under `paths`.
    public func run(paths: [String]) -> CheckResult {
        let (files, missing) = Discovery.find(paths)
        let packages = PackageCache()
        let results = ResultSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            results.set(index, check(file, packages: packages))
        }
        return CheckResult(findings: results.all.flatMap { $0 }, filesChecked: files.count, missingPaths: missing)
    }

    /// Checks one file; a file that cannot be read is reported as a finding, not skipped.
    func check(_ file: DiscoveredFile, packages: PackageCache) -> [Finding] {
        let source: SourceFile
        do {
            source = try SourceFile.read(path: file.path)
        } catch {
            return [Finding(rule: SyntaxError.description.name, codes: SyntaxError.description.codes, level: .error,
                            message: "The file cannot be read: \(error.description)", location: .wholeFile(file.displayPath))]
        }
        let tree = INFParser.parse(source)
        return checker.check(tree: tree, displayPath: file.displayPath, package: packages.contents(of: file.packageRoot))
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

/// One slot of results per file, written from parallel workers.
final class ResultSlots: @unchecked Sendable {
    private var slots: [[Finding]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ findings: [Finding]) {
        lock.lock()
        slots[index] = findings
        lock.unlock()
    }

    var all: [[Finding]] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
