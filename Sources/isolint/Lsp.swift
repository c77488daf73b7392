import ArgumentParser
import Foundation
import LanguageServer
import Platform

/// `isolint lsp`: a language server on standard input and output.
struct Lsp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP over standard input and output) for INF files.",
        discussion: """
        Editors start it and talk to it; it reports the findings of the unsaved buffer as `check` \
        would (the same isolint.toml, baseline and package folder), offers each fix as a quick fix, \
        a "fix all safe" action and "suppress on this line", shows on hover the rule's documentation \
        and what a DIRID, string key, section, directive or registry line stands for, and goes to \
        definitions and references, completes names and outlines the sections. It ends with status 0 \
        after shutdown and exit, 1 after exit alone or when its input ends. See docs/language-server.md.
        """
    )

    func run() throws {
        let server = LanguageServer { bytes in StandardStream.output.write(bytes: bytes) }
        var reader = MessageReader()
        let input = FileHandle.standardInput
        while true {
            let data = input.availableData
            if data.isEmpty { throw ExitCode(1) }
            reader.append(data)
            while let message = reader.next() {
                if let status = server.handle(message) {
                    if status != 0 { throw ExitCode(status) }
                    return
                }
            }
            // Nothing more is waiting: a burst of changes is checked once, at its end.
            server.publishChanged()
        }
    }
}
