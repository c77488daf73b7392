import ConfigurationFiles
import Findings
import Foundation
import INFSyntax
import IsolationEngine
import IsolationRules
import Testing

@Suite("Selection, suppressions, configuration and baselines")
struct ConfigurationTests {
    static let registryRule = RuleCatalog.descriptions.first { $0.name == "registry-root-not-hkr" }

    @Test("selectors match names, name prefixes and InfVerif codes")
    func selectors() throws {
        let rule = try #require(Self.registryRule)
        #expect(RuleSelector("registry-root-not-hkr").matches(rule))
        #expect(RuleSelector("registry").matches(rule))
        #expect(RuleSelector("1321").matches(rule))
        #expect(RuleSelector("ALL").matches(rule))
        #expect(!RuleSelector("1322").matches(rule))
        #expect(!RuleSelector("hkcr").matches(rule))
        let selection = RuleSelection(select: [RuleSelector("registry")], ignore: [RuleSelector("1320")])
        #expect(!selection.includes(rule))
        #expect(RuleSelection(select: [RuleSelector("nonsense-rule")]).unknownSelectors(in: RuleCatalog.descriptions).map(\.text) == ["nonsense-rule"])
    }

    @Test("groups are named by letter or name, codes by ranges; a code no rule reports is accepted and named for a note")
    func groupsAndRanges() throws {
        let catalog = RuleCatalog.descriptions
        for group in RuleGroup.allCases {
            let members = Set(catalog.filter { $0.group == group }.map(\.name))
            #expect(!members.isEmpty)
            for text in [group.rawValue, group.rawValue.lowercased(), group.tag, group.tag.uppercased()] {
                #expect(Set(catalog.filter { RuleSelector(text).matches($0) }.map(\.name)) == members, "\(text)")
            }
        }
        // A name prefix is still written with its dash.
        let prefixed = Set(catalog.filter { RuleSelector("registry-").matches($0) }.map(\.name))
        #expect(prefixed == Set(catalog.map(\.name).filter { $0.hasPrefix("registry-") }))
        let ranged = Set(catalog.filter { RuleSelector("1300-1303").matches($0) }.map(\.name))
        let listed = Set(catalog.filter { rule in (1300...1303).contains { rule.codes.contains($0) } }.map(\.name))
        #expect(!ranged.isEmpty && ranged == listed)
        #expect(RuleSelector("1303-1300").codes == nil)
        let selection = RuleSelection(ignore: [RuleSelector("2092"), RuleSelector("9990-9999"), RuleSelector("1322"), RuleSelector("nonsense")])
        #expect(selection.unknownSelectors(in: catalog).map(\.text) == ["nonsense"])
        #expect(selection.unmatchedCodes(in: catalog).map(\.text) == ["2092", "9990-9999"])
    }

    /// The lines with registry-root-not-hkr findings in a file whose `[Reg]` section holds `lines`.
    static func registryFindingLines(_ lines: String) -> [Int] {
        let text = "[Version]\nSignature = \"$Windows NT$\"\nPnpLockdown = 1\n[Install]\nAddReg = Reg\n[Reg]\n" + lines + "\n"
        let checker = Checker(options: CheckOptions(selection: RuleSelection(select: [RuleSelector("registry-root-not-hkr")])))
        return checker.check(tree: INFParser.parse(bytes: Array(text.utf8)), displayPath: "x.inf").map(\.location.line)
    }

    @Test("a suppression at the end of a line silences that line; on its own line, the line below")
    func suppressions() throws {
        #expect(Self.registryFindingLines("""
        ; isolint: ignore[registry-root-not-hkr] the tool reads this key by design
        HKLM, SOFTWARE\\Contoso, A, , "x"
        HKLM, SOFTWARE\\Contoso, B, , "y" ; isolint: ignore[1320]
        HKLM, SOFTWARE\\Contoso, C, , "z"
        """) == [10])
    }

    @Test("a suppression is recognised after any run of semicolons, spaces and tabs, in any case; other comments are not")
    func suppressionSpellings() throws {
        #expect(Self.registryFindingLines("""
        HKLM, SOFTWARE\\Contoso, A, , "x" ;;\t ISOLINT: Ignore[registry-root-not-hkr]
        HKLM, SOFTWARE\\Contoso, B, , "y" ;isolint:ignore[1321]
        HKLM, SOFTWARE\\Contoso, C, , "z" ; isolint ignore[1321]
        HKLM, SOFTWARE\\Contoso, D, , "w" ; \u{130}SOLINT: ignore[1321]
        HKLM, SOFTWARE\\Contoso, E, , "v" ; isolint:
        """) == [9, 10, 11])
    }

    @Test("two configurations differing only in their provider are not equal")
    func equalityCoversProvider() throws {
        let a = try Configuration.parse("provider = \"Contoso\"", path: "isolint.toml")
        let b = try Configuration.parse("provider = \"Fabrikam\"", path: "isolint.toml")
        #expect(a != b)
        #expect(a == (try Configuration.parse("provider = \"Contoso\"", path: "isolint.toml")))
    }

    @Test("isolint.toml settings are read and checked")
    func configuration() throws {
        let configuration = try Configuration.parse("""
        mode = "h"
        select = ["registry", 1322]
        extend-select = "pnplockdown"
        ignore = ["hkcr-modification"]
        baseline = "base.json"
        [per-path-ignores]
        "legacy/**" = ["registry-root-not-hkr"]
        "*.inx" = ["1324"]
        """, path: "isolint.toml")
        #expect(configuration.mode == .signature)
        #expect(configuration.select == ["registry", "1322"])
        #expect(configuration.extendSelect == ["pnplockdown"])
        #expect(configuration.ignore == ["hkcr-modification"])
        #expect(configuration.baseline == "base.json")
        #expect(configuration.ignoredRules(forPath: "legacy/old/x.inf").map(\.text) == ["registry-root-not-hkr"])
        #expect(configuration.ignoredRules(forPath: "x.inx").map(\.text) == ["1324"])
        #expect(configuration.ignoredRules(forPath: "new/x.inf").isEmpty)
        #expect(throws: ConfigurationError.self) { try Configuration.parse("colour = \"red\"", path: "isolint.toml") }
        #expect(throws: ConfigurationError.self) { try Configuration.parse("mode = \"strict\"", path: "isolint.toml") }
        #expect(throws: ConfigurationError.self) { try Configuration.parse("select = [", path: "isolint.toml") }
    }

    @Test("globs: * stays in a folder, ** crosses folders, ? is one character")
    func globs() {
        #expect(Glob.matches("*.inf", "x.inf"))
        #expect(!Glob.matches("*.inf", "sub/x.inf"))
        #expect(Glob.matches("**/x.inf", "a/b/x.inf"))
        #expect(Glob.matches("**/x.inf", "x.inf"))
        #expect(Glob.matches("legacy/**", "legacy/a/b.inf"))
        #expect(Glob.matches("x?.inf", "x1.inf"))
        #expect(!Glob.matches("x?.inf", "x12.inf"))
    }

    @Test("a baseline accepts findings by rule, file and line text, whatever their line number")
    func baseline() throws {
        func finding(_ rule: String, line: Int, text: String) -> Finding {
            Finding(rule: rule, codes: [], level: .error, message: "m",
                    location: Location(file: "x.inf", line: line, column: 1, lineText: text))
        }
        let old = [finding("a", line: 3, text: "HKLM, X"), finding("a", line: 4, text: "HKLM, X"), finding("b", line: 9, text: "y")]
        let baseline = Baseline(findings: old)
        #expect(baseline.entries.count == 2)
        #expect(baseline.entries.first { $0.rule == "a" }?.count == 2)
        // The same lines moved down by two, plus a third copy and a new rule: only the extras remain.
        let now = [finding("a", line: 5, text: "  HKLM, X"), finding("a", line: 6, text: "HKLM, X"),
                   finding("a", line: 7, text: "HKLM, X"), finding("b", line: 11, text: "y"), finding("c", line: 1, text: "z")]
        let remaining = baseline.filter(now)
        #expect(remaining.map(\.location.line) == [7, 1])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try baseline.write(path: url.path)
        #expect(try Baseline.load(path: url.path) == baseline)
    }

    @Test("configuration errors name the file and line, say what was expected and give an example",
          arguments: [
              ("# settings\nmode = isolation\n", 2, "the value isolation needs quotes, as TOML writes words: mode = \"isolation\""),
              ("ignore = []\nmode = 5\n", 2, "e.g. mode = \"isolation\""),
              ("\n\nselect = 3\n", 3, "e.g. select = [\"registry\", \"1322\"]"),
              ("samples = \"yes\"\n", 1, "e.g. samples = true"),
              ("mode = \"w\"\n[levels]\nx = 5\n", 2, "'levels.x' must be"),
          ])
    func configurationErrors(text: String, line: Int, expected: String) {
        do {
            _ = try Configuration.parse(text, path: "isolint.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix("isolint.toml:\(line): "), "\(error.description)")
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }
}
