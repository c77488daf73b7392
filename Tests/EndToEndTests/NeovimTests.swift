import Foundation
import TestSupport
import Testing

/// `isolint lsp` with a real editor as its client: Neovim, headless, runs a Lua script that opens an
/// INF, waits for the diagnostics and applies a quick fix.
@Suite("Language server in Neovim")
struct NeovimTests {
    static let neovim: URL? = Programs.onSearchPath("nvim")

    @Test("Neovim gets the diagnostics, applies a quick fix and sees the finding go",
          .enabled(if: neovim != nil, "nvim is not on the search path"))
    func quickFix() throws {
        let nvim = try #require(Self.neovim)
        let isolint = try #require(Programs.isolint)
        try SuppressionCommandLineTests.withPackage { folder in
            let script = CommandLineTests.packageRoot.appendingPathComponent("Tests/EndToEndTests/Editors/neovim-quickfix.lua")
            let process = Process()
            process.executableURL = nvim
            process.arguments = ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(script.path)"]
            process.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            environment["ISOLINT"] = isolint.path
            environment["INF_PATH"] = folder.appendingPathComponent("driver.inf").path
            environment["XDG_CONFIG_HOME"] = folder.path
            environment["XDG_DATA_HOME"] = folder.path
            environment["XDG_STATE_HOME"] = folder.path
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            DispatchQueue.global().asyncAfter(deadline: .now() + 120) { if process.isRunning { process.terminate() } }
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
            #expect(!message.contains("FAIL"), "\(message)")
        }
    }
}
