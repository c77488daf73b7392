import ArgumentParser
import Findings
import Foundation
import IsolationEngine
import IsolationRules
import Platform
import Workspace

/// `isolint explain NAME|CODE`: a rule's documentation with its examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a package's install plan, or a rule by name or InfVerif code.",
        discussion: """
        With an INF file or package folder: where every file lands (the driver store path), which \
        absolute key each registry line writes (what HKR means in each section) and every service, \
        each marked isolated or not with the rule that says so. Otherwise: the rule's documentation.

        Examples:
          isolint explain Examples/isolated-kmdf
          isolint explain --os 10.0.17763 --arch amd64 --output-format json driver.inf
          isolint explain registry-root-not-hkr
          isolint explain 1322
        """
    )

    @Argument(help: "An INF file or package folder, or a rule name, name prefix or InfVerif code.")
    var rule: String

    @Option(help: "For a path: text, json or html.")
    var outputFormat: String = "text"

    @Option(help: "For a path: the Windows version to evaluate, as a release (1809, 11-24H2), a build (17763) or a decoration (default: the newest).")
    var os: String?

    @Option(help: "For a path: the architecture to evaluate (default: the INF's, amd64 first).")
    var arch: String?

    func run() throws {
        if FileManager.default.fileExists(atPath: rule) {
            guard ["text", "json", "html"].contains(outputFormat) else { throw ValidationError("--output-format must be text, json or html") }
            do {
                StandardStream.output.write(try ExplainPlan(path: rule, outputFormat: outputFormat, os: os, arch: arch).run())
            } catch let error as ExplainError {
                throw ValidationError(error.description)
            }
            return
        }
        let matches = RuleCatalog.rules(matching: rule)
        guard !matches.isEmpty else {
            let suggestion = RuleNames.nearest(to: rule.lowercased()).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("no rule is named or coded '\(rule)'\(suggestion)")
        }
        StandardStream.output.write(matches.map { RuleDocumentation.markdown(for: $0) }.joined(separator: "\n---\n\n"))
    }
}
