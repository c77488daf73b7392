import ArgumentParser
import Isolation

/// `isolint explain NAME|CODE`: a rule's documentation with its examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule, by name or InfVerif code.",
        discussion: """
        Examples:
          isolint explain registry-root-not-hkr
          isolint explain 1322
        """
    )

    @Argument(help: "A rule name, a name prefix or an InfVerif code.")
    var rule: String

    func run() throws {
        let matches = RuleCatalog.rules(matching: rule)
        guard !matches.isEmpty else {
            let suggestion = RuleNames.nearest(to: rule.lowercased()).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("no rule is named or coded '\(rule)'\(suggestion)")
        }
        print(matches.map { RuleDocumentation.markdown(for: $0) }.joined(separator: "\n---\n\n"), terminator: "")
    }
}
