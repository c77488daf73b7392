import ArgumentParser
import Findings
import Foundation
import Platform
import IsolationEngine
import IsolationRules

/// `isolint generate-docs`: writes the rule pages and their index from the rule types.
struct GenerateDocs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-docs",
        abstract: "Write docs/rules/: one Markdown page per rule and the index README.md.",
        discussion: """
        Writes <output>/rules/<name>.md for every rule and <output>/rules/README.md, and deletes \
        pages of rules that no longer exist. The test suite fails when the committed pages differ \
        from what this writes.

        Examples:
          isolint generate-docs --output docs
          swift run isolint generate-docs --output /tmp/isolint-docs
        """,
        shouldDisplay: false
    )

    @Option(help: "The documentation folder; the pages go to its rules/ subfolder.")
    var output: String

    func run() throws {
        let folder = output.hasSuffix("/") ? output + "rules" : output + "/rules"
        do {
            let result = try RuleDocumentation.write(RuleDocumentation.pages(for: RuleCatalog.all), toFolder: folder)
            for name in result.removed {
                StandardStream.output.write("removed \(folder)/\(name)\n")
            }
            StandardStream.output.write("\(folder): \(RuleCatalog.all.count) rule pages and the index, \(result.written) written\n")
        } catch {
            StandardStream.error.write("isolint: error: cannot write \(folder): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}
