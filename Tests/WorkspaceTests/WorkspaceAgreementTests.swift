import ConfigurationFiles
import Findings
import Foundation
import IsolationEngine
import IsolationRules
import TestSupport
import Testing
import Workspace

/// `check`, `fix` and `explain` are views of one workspace: the settings of an `isolint.toml` (per-path
/// ignores, a baseline) hide the same findings from all three, and fixes never touch what they hide.
@Suite("One workspace for check, fix and explain")
struct WorkspaceAgreementTests {
    static let packageRoot = SharedData.packageRoot

    /// A folder with the legacy example twice (`a/` and `b/`), an `isolint.toml` that ignores
    /// pnplockdown-missing under `b/`, and a baseline that accepts every reserved-class finding (a line no fix edits: the baseline matches on line text).
    static func makeFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-workspace-\(UUID().uuidString)")
        let example = try Data(contentsOf: packageRoot.appendingPathComponent("Examples/legacy-filter/legacyfilter.inf"))
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try example.write(to: root.appendingPathComponent("\(folder)/legacyfilter.inf"))
        }
        var unfiltered = SettingsInput()
        unfiltered.paths = [root.path]
        unfiltered.noConfig = true
        unfiltered.scansBinaries = false
        let all = Workspace(paths: [root.path], settings: try WorkspaceSettings.resolve(unfiltered)).check().findings
        try Baseline(findings: all.filter { $0.rule == "reserved-class" }).write(path: root.appendingPathComponent("baseline.json").path)
        try Data("""
            baseline = "baseline.json"

            [per-path-ignores]
            "b/*" = ["pnplockdown-missing"]
            """.utf8).write(to: root.appendingPathComponent("isolint.toml"))
        return root
    }

    static func settings(_ root: URL) throws -> WorkspaceSettings {
        var input = SettingsInput()
        input.paths = [root.path]
        input.scansBinaries = false
        return try WorkspaceSettings.resolve(input)
    }

    /// Whether a finding is one the settings hide.
    static func hidden(_ finding: Finding) -> Bool {
        finding.rule == "reserved-class" || (finding.rule == "pnplockdown-missing" && finding.location.file.contains("/b/"))
    }

    @Test("check, fix and explain hide the same findings, and fix leaves them alone")
    func agree() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(paths: [root.path], settings: try Self.settings(root))

        let check = workspace.check().findings
        #expect(!check.isEmpty)
        #expect(!check.contains(where: Self.hidden))
        #expect(check.contains { $0.rule == "pnplockdown-missing" && $0.location.file.contains("/a/") })

        let fix = workspace.fix(FixRequest(unsafe: true, write: false))
        #expect(fix.files.count == 2)
        for (file, outcome) in fix.files {
            let rules = Set(outcome.result.applied.map(\.rule))
            #expect(!rules.contains("reserved-class"), "a baselined finding was fixed in \(file.displayPath)")
            #expect(rules.contains("pnplockdown-missing") == file.displayPath.contains("/a/"), "\(file.displayPath): \(rules.sorted())")
            // Nothing was written.
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(outcome.result.original))
        }
        #expect(!fix.check.findings.contains(where: Self.hidden))
        #expect(fix.filesChanged == 2)

        let explanation = workspace.explain()
        #expect(explanation.items.count == 2)
        for item in explanation.items {
            #expect(item.plan != nil)
            #expect(!item.findings.contains(where: Self.hidden))
            let checked = Set(check.filter { $0.location.file == item.file.displayPath }.map(\.rule))
            let explained = Set(item.findings.map(\.rule))
            #expect(explained.isSubset(of: checked), "explain reports rules check does not: \(explained.subtracting(checked).sorted())")
        }
    }

    @Test("the last fix round is the report, and each file is parsed once per round")
    func lastRoundIsTheReport() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(paths: [root.appendingPathComponent("a").path], settings: try Self.settings(root))
        let fix = workspace.fix(FixRequest(unsafe: true, write: false))
        let outcome = try #require(fix.files.first?.outcome.result)
        #expect(outcome.rounds >= 1)
        #expect(outcome.parses == outcome.rounds + 1)
        // Fixing the fixed bytes again changes nothing: the report already holds no fix to apply.
        #expect(!outcome.check.findings.contains { ($0.fix?.edits.isEmpty == false) && !Self.hidden($0) })
    }

    @Test("settings are resolved once: --os and --arch parse alike for every command, and bad values name the option")
    func settingsResolution() throws {
        var input = SettingsInput()
        input.noConfig = true
        input.os = "NTx86.10.0...17763"
        let settings = try WorkspaceSettings.resolve(input)
        #expect(settings.options.architectures == [.x86])
        #expect(settings.options.targetVersion?.build == 17763)
        input.os = "ten"
        #expect(throws: SettingsError.self) { try WorkspaceSettings.resolve(input) }
        input.os = nil
        input.arch = "mips"
        do {
            _ = try WorkspaceSettings.resolve(input)
            Issue.record("--arch mips was accepted")
        } catch {
            #expect(error.description.contains("--arch"))
        }
    }

    @Test("--os takes release names, builds and decorations, and refuses Windows 10 builds older than the first",
          arguments: [
              ("1809", 17763), ("1903", 18362), ("22H2", 19045), ("20h2", 19042), ("10-21H2", 19044), ("Windows 10 1507", 10240),
              ("11", 22000), ("11-22H2", 22621), ("Win11 24H2", 26100), ("23H2", 22631), ("25H2", 26200), ("windows11_21h2", 22000),
              ("Server 2019", 17763), ("server2022", 20348), ("17763", 17763), ("10.0.17134", 17134), ("NTamd64.10.0...16299", 16299),
          ])
    func releaseNames(text: String, build: Int) throws {
        let target = try WorkspaceSettings.target(os: text)
        #expect(target.version.major == 10 && target.version.minor == 0 && target.version.build == build)
    }

    @Test("--os refuses what names no Windows, and says which option it read",
          arguments: ["1234", "10.0.1809", "NTamd64.10.0...5000", "11-1809", "Server 2012", "12H2", "ten"])
    func refusedVersions(text: String) {
        do {
            _ = try WorkspaceSettings.target(os: text)
            Issue.record("--os \(text) was accepted")
        } catch {
            #expect(error.description.hasPrefix("--os "))
        }
        do {
            _ = try WorkspaceSettings.target(text, option: "--min-os")
            Issue.record("--min-os \(text) was accepted")
        } catch {
            #expect(error.description.hasPrefix("--min-os "))
        }
    }
}
