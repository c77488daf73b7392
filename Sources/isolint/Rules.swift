import ArgumentParser
import Findings
import IsolationEngine
import IsolationRules
import Platform
import Reporting

/// `isolint rules`: list every rule.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its InfVerif codes, levels per mode and whether it can fix.",
        discussion: """
        Levels are shown for the modes isolation, signature, universal, declarative and desktop \
        (E error, W warning, N note, - off); [*] marks rules with an automatic fix.

        Examples:
          isolint rules
          isolint rules --output-format json
          isolint explain deprecated-dirid
        """
    )

    @Option(help: "text (a table) or json (every rule with its levels, why, fix and documentation link).")
    var outputFormat: String = "text"

    @Option(help: "Base URL of the rule documentation, for the JSON links.")
    var documentationUrl: String = RenderOptions.defaultDocumentationBaseURL

    func validate() throws {
        guard ["text", "json"].contains(outputFormat) else {
            throw ValidationError("--output-format must be text or json, not '\(outputFormat)'")
        }
    }

    func run() {
        if outputFormat == "json" {
            StandardStream.output.write(RuleListJSON.render(RuleCatalog.descriptions, documentationBaseURL: documentationUrl))
            return
        }
        let modes: [Mode] = [.isolation, .signature, .universal, .declarative, .desktop]
        let width = RuleCatalog.descriptions.map(\.name.count).max() ?? 20
        let codeLists = RuleCatalog.descriptions.map { Self.compact($0.codes) }
        let codesWidth = max(5, codeLists.map(\.count).max() ?? 5)
        StandardStream.output.write("\("rule".padding(width))  \("codes".padding(codesWidth))  w h u k d  fix  title\n")
        for (rule, codes) in zip(RuleCatalog.descriptions, codeLists) {
            let levels = modes.map { mode -> String in
                switch rule.levels[mode] {
                case .error?: return "E"
                case .warning?: return "W"
                case .note?: return "N"
                case nil: return "-"
                }
            }.joined(separator: " ")
            StandardStream.output.write("\(rule.name.padding(width))  \(codes.padding(codesWidth))  \(levels)  \(rule.fixable ? "[*]" : "   ")  \(rule.title)\n")
        }
    }

    /// The codes in catalog order, with runs of three or more consecutive codes written as a range
    /// (`1262-1268`).
    static func compact(_ codes: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < codes.count {
            var end = index
            while end + 1 < codes.count && codes[end + 1] == codes[end] + 1 { end += 1 }
            if end - index >= 2 {
                parts.append("\(codes[index])-\(codes[end])")
            } else {
                parts += codes[index...end].map(String.init)
            }
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
