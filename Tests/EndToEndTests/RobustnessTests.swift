import Foundation
import Platform
import TestSupport
import Testing

/// Hostile inputs and hostile file systems: the built `isolint` names every file it cannot use,
/// exits with the documented code, never hangs on a FIFO, never leaves the folder it was given,
/// and concurrent fixes never corrupt a file.
@Suite("Robustness", .serialized)
struct RobustnessTests {
    typealias CLI = CommandLineTests

    static let hostile = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/hostile")
    static let cleanINF = CLI.packageRoot.appendingPathComponent("Examples/isolated-kmdf/contosoio.inf")
    static let legacyINF = CLI.packageRoot.appendingPathComponent("Examples/legacy-filter/legacyfilter.inf")

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        if let items = FileManager.default.enumerator(atPath: url.path) {
            for case let item as String in items {
                _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(item).path)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Runs the built `isolint`, killing it after `timeout` seconds (a hang fails the test, not the suite).
    static func run(_ arguments: [String], in directory: URL = CLI.packageRoot, timeout: Double = 120) throws -> CLI.Run {
        let process = Process()
        guard let executable = CLI.executable else { throw CLI.ExecutableMissing() }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("isolint \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        process.waitUntilExit()
        return CLI.Run(stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "", status: process.terminationStatus)
    }

    // MARK: Hostile corpus

    /// Each hostile INF, the exit code of a check for open and encoding problems only, and what the
    /// report says about it. Only what stops SetupAPI from opening the file fails the check; NUL and
    /// Ctrl-Z characters, and text before the first section of a file with `[Strings]`, are warnings.
    static let hostileExpectations: [(file: String, status: Int32, says: String)] = [
        ("enc-01-utf16le-no-bom.inf", 0, "UTF-16LE without a byte-order mark"),
        ("enc-02-utf16le-bom-odd-length.inf", 1, "odd number of bytes"),
        ("enc-02-utf16le-nul-char.inf", 0, "NUL character"),
        ("enc-03-nul-byte-even.inf", 0, "NUL character"),
        ("enc-03-nul-byte-odd.inf", 0, "NUL character"),
        ("enc-04-utf16be-bom.inf", 1, "UTF-16 big endian"),
        ("enc-05-utf8-no-bom.inf", 0, "UTF-8 text without a BOM"),
        ("enc-06-ansi-high-bytes.inf", 0, "no problems found"),
        ("enc-07-nul-in-tokens.inf", 0, "NUL character"),
        ("enc-08-control-z.inf", 0, "Ctrl-Z"),
        ("enc-09-utf16le-lone-surrogate.inf", 0, "no problems found"),
        ("random-bytes.inf", 1, "before the first section header"),
        ("zip-renamed.inf", 0, "before the first section header"),
        ("empty.inf", 0, "no problems found"),
        ("utf16-odd-byte-count.inf", 1, "odd number of bytes"),
        ("only-nuls.inf", 0, "NUL character"),
    ]

    @Test("every hostile INF is reported by name with the documented exit code")
    func hostileFiles() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.hostile.path).filter { $0.hasSuffix(".inf") }
        #expect(Set(present) == Set(Self.hostileExpectations.map(\.file)), "the table covers every hostile INF")
        for expectation in Self.hostileExpectations {
            let path = "Tests/Fixtures/hostile/\(expectation.file)"
            let run = try Self.run(["check", "--no-config", "--select", "syntax-error,unsupported-encoding", path])
            #expect(run.status == expectation.status, "\(expectation.file): exit \(run.status)")
            #expect(run.stdout.contains(expectation.says), "\(expectation.file): \(run.stdout)")
            if expectation.status == 1 { #expect(run.stdout.contains(path), "\(expectation.file) is named") }
            // With every rule the file is checked to the end and named; the exit code is 0 or 1, never a crash.
            let all = try Self.run(["check", "--no-config", "--output-format", "json", path])
            #expect(all.status == 0 || all.status == 1, "\(expectation.file): exit \(all.status), \(all.stderr)")
            let dump = try Self.run(["dump", path])
            #expect(dump.status == 0 || dump.status == 1, "\(expectation.file): dump exit \(dump.status)")
        }
        let folder = try Self.run(["check", "--no-config", "Tests/Fixtures/hostile"])
        #expect(folder.status == 1)
        for expectation in Self.hostileExpectations where expectation.file != "enc-06-ansi-high-bytes.inf" && expectation.file != "enc-09-utf16le-lone-surrogate.inf" {
            #expect(folder.stdout.contains(expectation.file), "\(expectation.file) is named in the folder's report")
        }
    }

    @Test("a folder named x.inf is walked, and given to dump it is an error naming it")
    func folderNamedINF() throws {
        let folder = try Self.temporaryFolder()
        defer { Self.remove(folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("x.inf"), withIntermediateDirectories: true)
        let check = try Self.run(["check", "--no-config", "."], in: folder)
        #expect(check.status == 0)
        #expect(check.stdout.contains("Checked 0 INF files"))
        let dump = try Self.run(["dump", "x.inf"], in: folder)
        #expect(dump.status == 2)
        #expect(dump.stderr.contains("x.inf") || dump.stdout.contains("x.inf"))
    }

    @Test("a PE whose section table points past its end is reported as damaged, named")
    func damagedBinary() throws {
        let folder = try Self.temporaryFolder()
        defer { Self.remove(folder) }
        var inf = try String(contentsOf: Self.cleanINF, encoding: .utf8)
        inf = inf.replacingOccurrences(of: "contosoio.sys", with: "damaged.sys")
        try inf.write(to: folder.appendingPathComponent("damaged.inf"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.hostile.appendingPathComponent("pe-section-past-end.sys"),
                                         to: folder.appendingPathComponent("damaged.sys"))
        let run = try Self.run(["check", "--no-config", "."], in: folder)
        #expect(run.status == 0 || run.status == 1)
        #expect(run.stdout.contains("damaged.sys"), "\(run.stdout)")
        #expect(run.stdout.contains("binary-unreadable"), "\(run.stdout)")
    }

    // MARK: Size limit

    @Test("a file over --max-file-size or the max-file-size setting is a finding naming it, not a read")
    func sizeLimit() throws {
        let folder = try Self.temporaryFolder()
        defer { Self.remove(folder) }
        try FileManager.default.copyItem(at: Self.cleanINF, to: folder.appendingPathComponent("big.inf"))
        let size = try Data(contentsOf: Self.cleanINF).count
        let limited = try Self.run(["check", "--no-config", "--no-binaries", "--max-file-size", "1k", "big.inf"], in: folder)
        #expect(limited.status == 1)
        #expect(limited.stdout.contains("big.inf"))
        #expect(limited.stdout.contains("\(size) bytes, more than the 1024-byte limit"))
        #expect(limited.stdout.contains("syntax-error/1000"), "an INF that cannot be opened is InfVerif's 1000")
        let unlimited = try Self.run(["check", "--no-config", "--no-binaries", "--max-file-size", "64MB", "big.inf"], in: folder)
        #expect(unlimited.status == 0)
        try "max-file-size = \"1kB\"\n".write(to: folder.appendingPathComponent("isolint.toml"), atomically: true, encoding: .utf8)
        let configured = try Self.run(["check", "--no-binaries", "big.inf"], in: folder)
        #expect(configured.status == 1)
        #expect(configured.stdout.contains("more than the 1024-byte limit"))
        let bad = try Self.run(["check", "--no-config", "--max-file-size", "lots", "big.inf"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--max-file-size"))
    }

    // MARK: File walk

    @Test("symbolic links out of the folder are not followed and are named; links inside are")
    func symbolicLinks() throws {
        let outside = try Self.temporaryFolder()
        let folder = try Self.temporaryFolder()
        defer { Self.remove(outside); Self.remove(folder) }
        let manager = FileManager.default
        try manager.copyItem(at: Self.legacyINF, to: outside.appendingPathComponent("secret.inf"))
        try manager.createDirectory(at: outside.appendingPathComponent("tree"), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.legacyINF, to: outside.appendingPathComponent("tree/other.inf"))
        try manager.createDirectory(at: folder.appendingPathComponent("pkg"), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.cleanINF, to: folder.appendingPathComponent("pkg/contosoio.inf"))
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("pkg/escape.inf").path,
                                       withDestinationPath: outside.appendingPathComponent("secret.inf").path)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("tree-link").path,
                                       withDestinationPath: outside.appendingPathComponent("tree").path)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("pkg/relative.inf").path,
                                       withDestinationPath: "../../\(outside.lastPathComponent)/secret.inf")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("pkg/broken.inf").path, withDestinationPath: "nowhere.inf")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("pkg/loop.inf").path, withDestinationPath: "loop.inf")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("inside.inf").path, withDestinationPath: "pkg/contosoio.inf")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("pkg/self").path, withDestinationPath: "..")
        let run = try Self.run(["check", "--no-config", "--no-binaries", "."], in: folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("secret.inf") && !run.stdout.contains("other.inf"), "nothing outside is checked")
        #expect(run.stderr.contains("pkg/escape.inf: symbolic link to") && run.stderr.contains("outside the folder checked"))
        #expect(run.stderr.contains("tree-link: symbolic link to"))
        #expect(run.stderr.contains("pkg/relative.inf: symbolic link to"))
        #expect(run.stderr.contains("pkg/broken.inf: symbolic link to nothing"))
        #expect(run.stderr.contains("pkg/loop.inf: symbolic link to nothing"))
        #expect(run.stdout.contains("Checked 2 INF files"), "the real file and the link to it inside: \(run.stdout)")
        let fix = try Self.run(["fix", "--no-config", "--no-binaries", "."], in: folder)
        #expect(fix.status == 0)
        #expect(fix.stderr.contains("pkg/escape.inf: symbolic link to"))
        #expect(try Data(contentsOf: outside.appendingPathComponent("secret.inf")) == Data(contentsOf: Self.legacyINF),
                "fix never writes outside the folder")
    }

    // FIFOs, devices, POSIX permissions and file names that are not UTF-8 exist on Linux and macOS only.
    #if !os(Windows)
    @Test("FIFOs and devices are never opened: named in a walk, an error when given",
          .enabled(if: FileSystem.implementation != "Foundation", "Foundation's file attributes cannot tell a FIFO from another special file"))
    func fifosAndDevices() throws {
        let folder = try Self.temporaryFolder()
        defer { Self.remove(folder) }
        try FileManager.default.copyItem(at: Self.cleanINF, to: folder.appendingPathComponent("contosoio.inf"))
        #expect(POSIXFixtures.makeFIFO(folder.appendingPathComponent("pipe.inf").path))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("null.inf").path, withDestinationPath: "/dev/null")
        let walk = try Self.run(["check", "--no-config", "--no-binaries", "."], in: folder, timeout: 60)
        #expect(walk.status == 0)
        #expect(walk.stderr.contains("pipe.inf: a FIFO (named pipe), not a regular file; not read"), "\(walk.stderr)")
        #expect(walk.stderr.contains("null.inf: symbolic link to /dev/null"), "\(walk.stderr)")
        let given = try Self.run(["check", "--no-config", "pipe.inf"], in: folder, timeout: 60)
        #expect(given.status == 1)
        #expect(given.stdout.contains("pipe.inf: not read: a FIFO (named pipe), not a regular file"), "\(given.stdout)")
        let device = try Self.run(["check", "--no-config", "/dev/zero"], in: folder, timeout: 60)
        #expect(device.status == 1)
        #expect(device.stdout.contains("/dev/zero: not read: a character device"), "\(device.stdout)")
        let fix = try Self.run(["fix", "--no-config", "pipe.inf"], in: folder, timeout: 60)
        #expect(fix.status == 1)
        #expect(fix.stdout.contains("a FIFO (named pipe)"))
    }

    @Test("unreadable files and folders are findings naming them",
          .enabled(if: !POSIXFixtures.isRoot, "root reads files whatever their permissions, so chmod 000 cannot make one unreadable"))
    func unreadable() throws {
        let folder = try Self.temporaryFolder()
        defer { Self.remove(folder) }
        let manager = FileManager.default
        try manager.copyItem(at: Self.cleanINF, to: folder.appendingPathComponent("locked.inf"))
        try manager.createDirectory(at: folder.appendingPathComponent("closed"), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.cleanINF, to: folder.appendingPathComponent("closed/hidden.inf"))
        try manager.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appendingPathComponent("locked.inf").path)
        try manager.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appendingPathComponent("closed").path)
        let run = try Self.run(["check", "--no-config", "--no-binaries", "."], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("locked.inf: cannot be read (permission denied)"), "\(run.stdout)")
        #expect(run.stdout.contains("closed: the folder cannot be read (permission denied)"), "\(run.stdout)")
        let fix = try Self.run(["fix", "--no-config", "--no-binaries", "."], in: folder)
        #expect(fix.status == 1)
        #expect(fix.stdout.contains("locked.inf: cannot be read (permission denied)"))
    }

    @Test("file names that are not UTF-8 are found, read and named",
          .enabled(if: FileSystem.implementation != "Foundation", "Foundation's file manager reads names as text, not bytes"))
    func nonUTF8Names() throws {
        let folder = try Self.temporaryFolder()
        defer { Self.remove(folder) }
        let content = try Data(contentsOf: Self.legacyINF)
        let name: [UInt8] = Array("bad-".utf8) + [0xFF, 0xFE, 0x80] + Array("-caf".utf8) + [0xC3, 0xA9] + Array(".inf".utf8)
        let path = Array(folder.path.utf8) + [0x2F] + name
        #expect(POSIXFixtures.create(path, content: [UInt8](content)))
        let run = try Self.run(["check", "--no-config", "--no-binaries", "."], in: folder)
        #expect(run.status == 1, "the legacy INF has errors")
        #expect(run.stdout.contains("bad-\\xFF\\xFE\\x80-café.inf"), "\(run.stdout)")
        #expect(!run.stdout.contains("cannot be read"))
        #expect(run.stdout.contains("Checked 1 INF file"))
        // fix writes the file under its own name, with a backup beside it.
        let fix = try Self.run(["fix", "--no-config", "--no-binaries", "--backup", "."], in: folder)
        #expect(fix.status != 2, "\(fix.stdout)\(fix.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 2, "the fixed file and its .orig backup, no temporary file: \(names)")
        let fixed = POSIXFixtures.read(path)
        #expect(fixed != nil && fixed != [UInt8](content), "the fix changed the file in place")
    }
    #endif

    // MARK: Concurrent fixes

    @Test("fixes running in parallel on copies and on one file never corrupt it")
    func concurrentFixes() throws {
        let folder = try Self.temporaryFolder()
        defer { Self.remove(folder) }
        let manager = FileManager.default
        let original = try Data(contentsOf: Self.legacyINF)
        // The result of one fix, alone.
        let single = folder.appendingPathComponent("single")
        try manager.createDirectory(at: single, withIntermediateDirectories: true)
        try original.write(to: single.appendingPathComponent("x.inf"))
        try manager.copyItem(at: Self.cleanINF, to: single.appendingPathComponent("clean.inf"))
        let alone = try Self.run(["fix", "--no-config", "--no-binaries", "--unsafe-fixes", "."], in: single)
        let fixed = try Data(contentsOf: single.appendingPathComponent("x.inf"))
        #expect(fixed != original)
        #expect(alone.stderr.contains(" in 1 file."), "the summary counts the files changed, not those read: \(alone.stderr)")
        for round in 0..<4 {
            let shared = folder.appendingPathComponent("shared-\(round)")
            try manager.createDirectory(at: shared, withIntermediateDirectories: true)
            try original.write(to: shared.appendingPathComponent("x.inf"))
            try original.write(to: shared.appendingPathComponent("copy.inf"))
            let runs = ParallelRuns(count: 3)
            DispatchQueue.concurrentPerform(iterations: 3) { index in
                // Two fixers on one file, one on a copy.
                let file = index == 2 ? "copy.inf" : "x.inf"
                runs.set(index, try? Self.run(["fix", "--no-config", "--no-binaries", "--unsafe-fixes", file], in: shared))
            }
            let result = try Data(contentsOf: shared.appendingPathComponent("x.inf"))
            #expect(result == fixed, "round \(round): the shared file holds exactly one fix's result")
            #expect(try Data(contentsOf: shared.appendingPathComponent("copy.inf")) == fixed)
            for run in runs.all {
                guard let run else { Issue.record("a fixer did not run"); continue }
                #expect(run.status == 0 || run.status == 1 || run.status == 2)
                #expect(!run.stderr.contains("Fatal") && !run.stderr.contains("crash"))
                if run.status == 2 {
                    // The loser either saw the file change or found the other writer's lock.
                    #expect(run.stderr.contains("changed since it was read") || run.stderr.contains("another writer holds"), "\(run.stderr)")
                    #expect(!run.stderr.contains("after these fixes"), "nothing was written, so no follow-up: \(run.stderr)")
                    #expect(run.stderr.contains("Fixed 0 findings in 0 files."), "\(run.stderr)")
                }
            }
            let leftovers = try manager.contentsOfDirectory(atPath: shared.path).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty, "no temporary file is left: \(leftovers)")
        }
    }
}

/// Results of parallel runs, one slot each.
final class ParallelRuns: @unchecked Sendable {
    private var slots: [CommandLineTests.Run?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: CommandLineTests.Run?) { lock.lock(); slots[index] = value; lock.unlock() }
    var all: [CommandLineTests.Run?] { lock.lock(); defer { lock.unlock() }; return slots }
}
