import ArgumentParser
import Foundation
import Platform

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
          isolint fix --diff driver/         the safe fixes as a diff, nothing written
          isolint fix driver/                apply them
          isolint explain driver/            where every file and registry value lands
          isolint rules                      list every rule
          isolint explain registry-root-not-hkr
          isolint init                       write a commented isolint.toml
        """,
        version: IsolintVersion.string,
        subcommands: [Check.self, Fix.self, Rules.self, Explain.self, Api.self, Dump.self, Init.self, Lsp.self, GenerateDocs.self],
        defaultSubcommand: nil
    )

    /// Runs the command line. Usage errors exit with 2 (the parser's own code for them differs
    /// between systems); help and version text go to standard output, every other message to
    /// standard error, and the process ends only after everything has been written.
    static func main() {
        Console.prepare()
        var command: ParsableCommand
        do {
            var runs = OperandRuns()
            command = try parseAsRoot(runs.shorten(InfVerifSwitches.translate(Array(CommandLine.arguments.dropFirst()))))
            if var holder = command as? any OperandHolding {
                holder.operands = runs.restore(holder.operands)
                command = holder
            }
        } catch {
            exit(with: error, message: fullMessage(for: error))
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            // The parser names the subcommand only for its own errors: a command's are shown with its usage too.
            let subcommand = type(of: command)
            let name = subcommand.configuration.commandName ?? ""
            exit(with: error, message: "Error: \(error.message)\nUsage: \(usageString(for: subcommand))\n  See 'isolint \(name) --help' for more information.")
        } catch {
            exit(with: error, message: fullMessage(for: error))
        }
        exitProcess(0)
    }

    /// Writes `message` where it belongs and ends the process with the status `error` stands for.
    private static func exit(with error: Error, message: String) -> Never {
        let code = exitCode(for: error)
        if !message.isEmpty { (code == .success ? StandardStream.output : .error).writeLine(message) }
        exitProcess(code == .validationFailure ? 2 : code.rawValue)
    }
}

/// The version printed by `isolint --version`.
enum IsolintVersion {
    static let number = "0.1.0"
    /// The date of the rule set this build carries.
    static let rulesDate = "2026-11-25"
    static let string = "\(number) (rules \(rulesDate))"
}
