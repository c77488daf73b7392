import ConfigurationFiles
import Findings
import Foundation
import INFSyntax
import IsolationEngine
import IsolationRules
import Testing
import Workspace

/// `[levels]` in `isolint.toml` sets a rule's level in every mode; rules InfVerif does not have are
/// at most warnings until raised there.
@Suite("Levels set in isolint.toml")
struct LevelOverrideTests {
    static func settings(_ toml: String, mode: String? = nil) throws -> WorkspaceSettings {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-levels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("isolint.toml")
        try toml.write(to: config, atomically: true, encoding: .utf8)
        var input = SettingsInput()
        input.paths = [folder.path]
        input.config = config.path
        input.mode = mode
        return try WorkspaceSettings.resolve(input)
    }

    static let hardcoded = """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Path,,"C:\\\\Windows\\\\System32\\\\contoso.dll"
        """

    static func levels(of rule: String, _ options: CheckOptions) -> [Level] {
        Checker(options: options).check(tree: INFParser.parse(bytes: Array(hardcoded.utf8), path: "x.inf"), displayPath: "x.inf")
            .filter { $0.rule == rule }.map(\.level)
    }

    @Test("a rule InfVerif does not have is a warning by default and an error when raised, in every mode")
    func raised() throws {
        let plain = try Self.settings("")
        #expect(Self.levels(of: "hardcoded-path", plain.options) == [.warning])
        for mode in ["isolation", "universal", "declarative"] {
            let raised = try Self.settings("[levels]\nhardcoded-path = \"error\"\n", mode: mode)
            #expect(Self.levels(of: "hardcoded-path", raised.options) == [.error], "mode \(mode)")
        }
    }

    @Test("a level can lower a rule, and names, prefixes and codes select rules as --select does")
    func selectors() throws {
        let lowered = try Self.settings("[levels]\n1322 = \"note\"\n\"registry\" = \"warning\"\n")
        #expect(lowered.options.levelOverrides["destination-not-driver-store"] == .note)
        #expect(lowered.options.levelOverrides["registry-root-not-hkr"] == .warning)
    }

    @Test("an unknown rule or level is an error naming the setting")
    func invalid() {
        #expect(throws: SettingsError.self) { try Self.settings("[levels]\nhardcoded-pth = \"error\"\n") }
        #expect(throws: SettingsError.self) { try Self.settings("[levels]\nhardcoded-path = \"fatal\"\n") }
    }

    @Test("samples = true and msft = true suppress what InfVerif's /samples and /msft do, and nothing when off")
    func infVerifSwitches() throws {
        #expect(try Self.settings("").options.suppressedCodes.isEmpty)
        #expect(try Self.settings("samples = true\n").options.suppressedCodes == [1284, 1285, 1293, 2083, 2086])
        #expect(try Self.settings("msft = true\n").options.suppressedCodes == [1204, 1284, 1285])
        #expect(throws: SettingsError.self) { try Self.settings("msft = \"yes\"\n") }
    }
}
