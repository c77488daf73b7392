import ArgumentParser

/// The `isolint` command: checks, explains and ports Windows driver packages for isolation.
@main
struct Isolint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isolint",
        abstract: "Check, explain and port Windows driver packages for driver package isolation.",
        version: IsolintVersion.string,
        subcommands: [Dump.self]
    )
}

/// The version printed by `isolint --version`.
enum IsolintVersion {
    static let string = "0.1.0"
}
