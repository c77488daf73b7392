import ArgumentParser
import DriverPackage
import Fixing
import Foundation
import INFSyntax
import Isolation
import Reporting

/// Applies fixes to the files a check names, then reports what remains.
struct FixRunner {
    let arguments: Check

    func run() throws {
        let configuration = try arguments.configuration()
        let options = try arguments.options(configuration: configuration)
        let format = ReportFormat(rawValue: arguments.outputFormat) ?? .text
        let clock = ContinuousClock()
        let start = clock.now
        let discovery = Discovery.discover(arguments.paths.isEmpty ? ["."] : arguments.paths)
        let (files, missing) = (discovery.files, discovery.missing)
        for path in missing {
            FileHandle.standardError.write(Data("isolint: error: \(path): no such file or folder\n".utf8))
        }
        Check.reportProblems(discovery.problems)
        let checker = Checker(options: options)
        let engine = FixEngine(checker: checker, options: FixOptions(unsafe: arguments.unsafeFixes))
        let results = ParallelResults<FixOutcome>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, fixOne(files[index], engine: engine, checker: checker))
        }
        var remaining: [Finding] = discovery.problems.filter(\.isError).map(CheckRun.finding(for:))
        var wouldChange = false
        var writeFailed = false
        var fixedCount = 0
        var messages = ""
        for outcome in results.all.compactMap({ $0 }) {
            remaining += outcome.remaining
            fixedCount += outcome.result?.applied.count ?? 0
            if let result = outcome.result {
                if arguments.diff, result.changed {
                    wouldChange = true
                    let old = Self.text(result.original, path: result.path)
                    let new = Self.text(result.fixed, path: result.path)
                    FileHandle.standardOutput.write(Data(UnifiedDiff.render(old: old, new: new, path: result.path).utf8))
                }
                if let refusal = result.refusal { messages += "isolint: \(refusal)\n" }
                let followUps = Array(Set(result.applied.compactMap(\.followUp))).sorted()
                if !followUps.isEmpty {
                    messages += "\(result.path): after these fixes:\n" + followUps.map { "  - \($0)\n" }.joined()
                }
            }
            if let error = outcome.writeError {
                writeFailed = true
                messages += "isolint: error: \(error)\n"
            }
        }
        let verb = arguments.diff ? "Would fix" : "Fixed"
        messages += "\(verb) \(fixedCount) finding\(fixedCount == 1 ? "" : "s") in \(files.count) file\(files.count == 1 ? "" : "s").\n"
        FileHandle.standardError.write(Data(messages.utf8))
        if !arguments.diff {
            let report = Report(findings: remaining, rules: RuleCatalog.descriptions, filesChecked: files.count,
                                duration: clock.now - start, mode: options.mode, toolVersion: IsolintVersion.number)
            let colors = format == .text && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let text = format.render(report, options: RenderOptions(colors: colors, documentationBaseURL: arguments.documentationUrl,
                                                                      sourceRoot: FileManager.default.currentDirectoryPath))
            FileHandle.standardOutput.write(Data(text.utf8))
            if !text.isEmpty && !text.hasSuffix("\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
        }
        if !missing.isEmpty || writeFailed { throw ExitCode(2) }
        if arguments.diff { if wouldChange && !arguments.exitZero { throw ExitCode(1) }; return }
        if !arguments.exitZero && remaining.contains(where: { $0.level == .error }) { throw ExitCode(1) }
    }

    struct FixOutcome: Sendable {
        var result: FileFixResult?
        var remaining: [Finding]
        var writeError: FixWriteError?
    }

    private func fixOne(_ file: DiscoveredFile, engine: FixEngine, checker: Checker) -> FixOutcome {
        let bytes: [UInt8]
        do {
            bytes = try SourceFile.readBytes(fileSystemPath: file.fileSystemPath, displayPath: file.displayPath,
                                             limit: checker.options.maximumFileSize)
        } catch {
            return FixOutcome(result: nil, remaining: [CheckRun.finding(for: error, displayPath: file.displayPath)], writeError: nil)
        }
        let package = PackageContents(root: file.packageRoot)
        let result = engine.fix(bytes: bytes, displayPath: file.displayPath, package: package)
        var writeError: FixWriteError?
        var final = result.fixed
        if result.changed && !arguments.diff {
            do {
                try AtomicWriter.write(result.fixed, to: file.path, fileSystemPath: file.fileSystemPath, expecting: bytes, backup: arguments.backup)
            } catch {
                writeError = error
                final = bytes
            }
        }
        let remaining = checker.check(tree: INFParser.parse(bytes: final, path: file.displayPath), displayPath: file.displayPath, package: package)
        return FixOutcome(result: result, remaining: remaining, writeError: writeError)
    }

    /// The decoded text of a file's bytes, for diffs.
    static func text(_ bytes: [UInt8], path: String) -> String {
        let source = SourceFile(path: path, bytes: bytes)
        return String(decoding: source.text.units, as: UTF16.self)
    }
}

/// One result slot per item, filled from parallel workers.
final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var all: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
