import ArgumentParser
import Foundation

/// The `isolint` command: checks, explains and ports Windows driver packages for isolation.
@main
struct Isolint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isolint",
        abstract: "Check, explain and port Windows driver packages for driver package isolation.",
        discussion: """
        Examples:
          isolint check                      check every INF under the current folder
          isolint check driver/ --output-format sarif > isolint.sarif
          isolint check driver/ --output-format infverif --mode k
          isolint fix --diff driver/         show the safe fixes as a diff, write nothing
          isolint fix driver/                apply them
          isolint explain driver/            where every file and registry value lands
          isolint rules                      list every rule
          isolint explain registry-root-not-hkr
          isolint init                       write a commented isolint.toml
        """,
        version: IsolintVersion.string,
        subcommands: [Check.self, Fix.self, Rules.self, Explain.self, Api.self, Dump.self, Init.self, GenerateDocs.self],
        defaultSubcommand: nil
    )

    /// Runs the command line; usage errors exit with 2 rather than the parser's 64.
    static func main() {
        do {
            var command = try parseAsRoot(InfVerifSwitches.translate(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The version printed by `isolint --version`.
enum IsolintVersion {
    static let number = "0.1.0"
    /// The date of the rule set this build carries.
    static let rulesDate = "2026-11-25"
    static let string = "\(number) (rules \(rulesDate))"
}
