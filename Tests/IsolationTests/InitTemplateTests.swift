import ConfigurationFiles
import Findings
import IsolationEngine
import IsolationRules
import Testing

/// The `isolint.toml` that `isolint init` writes is a valid configuration, and so are the examples
/// it shows in comments.
@Suite("Configuration template")
struct InitTemplateTests {
    @Test("the template parses and sets the mode it was written for", arguments: Mode.allCases)
    func parses(mode: Mode) throws {
        let configuration = try Configuration.parse(ConfigurationTemplate.text(mode: mode), path: "isolint.toml")
        #expect(configuration.mode == mode)
        #expect(configuration.select == nil)
        #expect(configuration.extendSelect.isEmpty)
        #expect(configuration.ignore.isEmpty)
        #expect(configuration.baseline == nil)
        #expect(configuration.perPathIgnores.isEmpty)
    }

    /// The template with every commented-out setting (`# key = …`, `# [table]`, `# "glob" = …`) turned on.
    static func uncommented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard line.hasPrefix("# ") else { return line }
            let rest = line.dropFirst(2)
            let isSetting = rest.hasPrefix("[") || rest.hasPrefix("\"")
                || rest.split(separator: " ", maxSplits: 2).dropFirst().first == "="
            return isSetting ? rest : line
        }.joined(separator: "\n")
    }

    @Test("every commented-out example is a valid setting naming rules that exist")
    func examplesAreValid() throws {
        let text = Self.uncommented(ConfigurationTemplate.text())
        let configuration = try Configuration.parse(text, path: "isolint.toml")
        #expect(configuration.select?.isEmpty == false)
        #expect(!configuration.extendSelect.isEmpty)
        #expect(!configuration.ignore.isEmpty)
        #expect(configuration.baseline != nil)
        #expect(configuration.perPathIgnores.count == 1)
        let selection = RuleSelection(
            select: configuration.select?.map(RuleSelector.init),
            extendSelect: configuration.extendSelect.map(RuleSelector.init),
            ignore: (configuration.ignore + configuration.perPathIgnores.flatMap(\.rules)).map(RuleSelector.init))
        #expect(selection.unknownSelectors(in: RuleCatalog.descriptions).isEmpty)
    }

    @Test("the inline suppression the template shows names a rule that exists")
    func suppressionExample() throws {
        let line = try #require(ConfigurationTemplate.text().split(separator: "\n").first { $0.contains("; isolint: ignore[") })
        let names = line.split(separator: "[")[1].split(separator: "]")[0].split(separator: ",")
        for name in names {
            #expect(!RuleCatalog.rules(matching: String(name)).isEmpty, "no rule '\(name)'")
        }
    }
}
