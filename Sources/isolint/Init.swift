import ArgumentParser
import ConfigurationFiles
import Findings
import Foundation
import Platform
import IsolationEngine
import IsolationRules

/// `isolint init`: writes a commented `isolint.toml` to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented isolint.toml in the current folder or the one named.",
        discussion: """
        The file sets the mode and shows every other setting (select, extend-select, ignore, \
        baseline, per-path-ignores) as a commented-out example. An existing isolint.toml or \
        .isolint.toml is left alone unless --force is given.

        Examples:
          isolint init
          isolint init driver/package --mode signature
          isolint init --force
        """
    )

    @Argument(help: "The folder to write isolint.toml in (default: the current folder).")
    var folder: String = "."

    @Option(help: "The mode the file sets: isolation (w), signature (h), universal (u), declarative (k) or desktop.")
    var mode: String = Mode.isolation.rawValue

    @Flag(help: "Overwrite an existing isolint.toml.")
    var force = false

    func validate() throws {
        guard Mode(argument: mode) != nil else {
            throw ValidationError("--mode must be isolation (w), signature (h), universal (u), declarative (k) or desktop, not '\(mode)'")
        }
    }

    func run() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Self.failure("\(folder): no such folder")
        }
        let target = path(of: Configuration.fileNames[0])
        if !force, let existing = Configuration.fileNames.map(path(of:)).first(where: { manager.fileExists(atPath: $0) }) {
            let advice = existing == target ? "use --force to replace it"
                : "with --force, \(target) is written beside it and takes precedence"
            throw Self.failure("\(existing) already exists; \(advice)")
        }
        do {
            try Data(ConfigurationTemplate.text(mode: Mode(argument: mode) ?? .isolation).utf8)
                .write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw Self.failure("cannot write \(target): \(error.localizedDescription)")
        }
        StandardStream.output.write("wrote \(target)\n")
    }

    /// Prints `message` as an error and returns the exit status 2 to throw.
    static func failure(_ message: String) -> ExitCode {
        StandardStream.error.write("isolint: error: \(message)\n")
        return ExitCode(2)
    }

    /// The path of the file `name` in the folder, as the user wrote the folder.
    private func path(of name: String) -> String {
        folder == "." ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
