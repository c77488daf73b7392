import DriverPackage
import Foundation
import INFModel
import Findings
@testable import IsolationEngine
@testable import IsolationRules
import Testing

/// Packages with binaries, checked end to end through `CheckRun`: which binaries are read, how
/// damage, uninstalled binaries, suppressions and options change what is reported.
@Suite("Package binaries")
struct BinaryPackageTests {
    static let driverINF = ExampleINF.installing(["isodrv.sys"])

    @Test("a binary cut off in its headers is one warning, and nothing else is read from it")
    func truncatedInHeaders() throws {
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(Self.driverINF.utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-cut-in-headers.sys"),
        ])
        let binaryFindings = package.check().findings.filter { $0.location.binaryOffset != nil }
        #expect(binaryFindings.map(\.rule) == ["binary-unreadable"])
        let finding = try #require(binaryFindings.first)
        #expect(finding.level == .warning)
        #expect(finding.message.contains("cannot be read as a PE image"))
        #expect(finding.location.file == package.path + "/isodrv.sys")
        let lines = Self.driverINF.split(separator: "\n", omittingEmptySubsequences: false)
        let filesHeader = try #require(lines.firstIndex(of: "[Files]"))
        #expect(finding.related.map(\.location.line) == [filesHeader + 2])
    }

    @Test("a file that is not a PE image at all is reported, not skipped")
    func notPE() throws {
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(Self.driverINF.utf8),
            "isodrv.sys": Array("This is not a driver.\n".utf8),
        ])
        let findings = package.check(.only("binary")).findings
        #expect(findings.map(\.rule) == ["binary-unreadable"])
        #expect(findings.first?.message.contains("not a PE file") == true)
    }

    @Test("a binary cut off in its sections is a warning, and what is left is still checked")
    func truncatedInSections() throws {
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(Self.driverINF.utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-cut-in-sections.sys"),
        ])
        let findings = package.check(.only("binary")).findings
        #expect(findings.contains { $0.rule == "binary-unreadable" && $0.level == .warning })
        #expect(findings.contains { $0.rule == "binary-hardcoded-registry-path" })
    }

    @Test("a binary no INF installs is a note, once per package, and is still scanned")
    func uninstalledBinary() throws {
        let package = try TemporaryPackage(files: [
            "a.inf": Array(Self.driverINF.utf8),
            "b.inf": Array(Self.driverINF.utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
            "tools/isodll.dll": try BinaryFixtures.bytes("isodll-x64.dll"),
        ])
        let findings = package.check().findings
        let notInstalled = findings.filter { $0.rule == "binary-not-installed" }
        #expect(notInstalled.count == 1)
        #expect(notInstalled.first?.level == .note)
        #expect(notInstalled.first?.location.file == package.path + "/tools/isodll.dll")
        #expect(notInstalled.first?.location.binaryOffset == 0)
        let scanned = findings.filter { $0.location.file.hasSuffix("tools/isodll.dll") && $0.rule == "binary-hardcoded-registry-path" }
        #expect(scanned.count == 1)
        #expect(scanned.first?.related.isEmpty == true)
    }

    @Test("INFs that install the same binary report each of its problems once, naming every installing line")
    func sharedBinary() throws {
        let package = try TemporaryPackage(files: [
            "a.inf": Array(Self.driverINF.utf8),
            "b.inf": Array(Self.driverINF.utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
        ])
        let findings = package.check(.only("binary-hardcoded-registry-path")).findings
        #expect(findings.count == 1)
        #expect(Set(findings.first?.related.map { URL(fileURLWithPath: $0.location.file).lastPathComponent } ?? []) == ["a.inf", "b.inf"])
    }

    @Test("binaries of an INF not checked in this run are not called uninstalled")
    func partialRun() throws {
        let other = Self.driverINF.replacingOccurrences(of: "isodrv.sys", with: "isoclean.sys")
        let package = try TemporaryPackage(files: [
            "a.inf": Array(Self.driverINF.utf8),
            "b.inf": Array(other.utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
            "isoclean.sys": try BinaryFixtures.bytes("isoclean-x64.sys"),
        ])
        let whole = package.check(.only("binary-not-installed")).findings
        #expect(whole.isEmpty)
        let single = CheckRun(options: .only("binary-not-installed")).run(paths: [package.path + "/a.inf"]).findings
        #expect(single.isEmpty)
    }

    @Test("a subfolder holding an INF is a package of its own")
    func nestedPackage() throws {
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(Self.driverINF.utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
            "helper/isodll.inf": Array(ExampleINF.installing(["isodll.dll"]).utf8),
            "helper/isodll.dll": try BinaryFixtures.bytes("isodll-x64.dll"),
        ])
        let findings = package.check().findings
        #expect(!findings.contains { $0.rule == "binary-not-installed" })
        let registry = findings.filter { $0.rule == "binary-hardcoded-registry-path" }.map(\.location.file)
        #expect(registry.sorted() == [package.path + "/helper/isodll.dll", package.path + "/isodrv.sys"])
    }

    @Test("a source tree, holding none of the files its INF lists, gets INF rules alone")
    func sourceTree() throws {
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(Self.driverINF.utf8),
            "build/other.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
        ])
        let findings = package.check().findings
        #expect(!findings.contains { $0.location.binaryOffset != nil })
        #expect(findings.contains { $0.rule == "missing-package-file" } == false)
    }

    @Test("without binary scanning only the INF is checked")
    func noBinaries() throws {
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(ExampleINF.installing(["isodrv.sys"], decoration: "NTamd64").utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
            "extra.dll": try BinaryFixtures.bytes("isodll-x64.dll"),
        ])
        let with = package.check().findings
        let without = package.check(CheckOptions(scansBinaries: false)).findings
        #expect(with.contains { $0.location.binaryOffset != nil })
        #expect(!without.contains { $0.location.binaryOffset != nil })
        #expect(without == with.filter { $0.location.binaryOffset == nil })
        #expect(Checker(options: CheckOptions(scansBinaries: false)).binaries == nil)
    }

    @Test("a suppression on the line that installs a binary silences the rule for that binary")
    func suppression() throws {
        let inf = Self.driverINF.replacingOccurrences(
            of: "[Files]\nisodrv.sys", with: "[Files]\nisodrv.sys ; isolint: ignore[binary-hardcoded-registry-path] logged only")
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(inf.utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
        ])
        let findings = package.check(.only("binary-hardcoded-registry-path", "binary-hardcoded-file-path")).findings
        #expect(findings.map(\.rule) == ["binary-hardcoded-file-path"])
    }

    @Test("--os evaluates the state APIs for one Windows version")
    func targetVersion() throws {
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(ExampleINF.installing(["isodrv.sys"], decoration: "NTamd64").utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
        ])
        func findings(_ build: Int) -> [Finding] {
            var options = CheckOptions.only("binary-api-newer-than-target")
            options.targetVersion = WindowsVersion(major: 10, minor: 0, build: build)
            return package.check(options).findings
        }
        #expect(findings(16299).count == 1)
        #expect(findings(17134).isEmpty)
    }

    @Test("desktop mode reports binary problems as warnings at most")
    func desktopMode() throws {
        let package = try TemporaryPackage(files: [
            "isodrv.inf": Array(Self.driverINF.utf8),
            "isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys"),
        ])
        let findings = package.check(CheckOptions(mode: .desktop)).findings.filter { $0.location.binaryOffset != nil }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.level <= .warning })
    }

    @Test("the binary cache reads each file once, whatever the number of threads asking")
    func cacheReadsOnce() throws {
        let package = try TemporaryPackage(files: ["isodrv.sys": try BinaryFixtures.bytes("isodrv-x64.sys")])
        let cache = BinaryCache(options: BinaryScanOptions(keepsString: { _ in true }))
        let binary = PackageBinary(root: package.path, relativePath: "isodrv.sys")
        let counts = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            counts.add(cache.image(of: binary)?.strings.count ?? -1)
        }
        let first = try #require(counts.values.first)
        #expect(first > 0 && counts.values.allSatisfy { $0 == first })
        // Replaced on disk, the file is not read again.
        try Data(try BinaryFixtures.bytes("isodll-x64.dll")).write(to: package.root.appendingPathComponent("isodrv.sys"))
        #expect(cache.image(of: binary)?.isKernelDriver == true)
        #expect(cache.image(of: PackageBinary(root: package.path, relativePath: "absent.sys")) == nil)
    }
}

/// Values gathered from parallel workers.
final class ResultBox: @unchecked Sendable {
    private var stored: [Int] = []
    private let lock = NSLock()

    func add(_ value: Int) {
        lock.lock()
        stored.append(value)
        lock.unlock()
    }

    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
