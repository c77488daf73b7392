import Foundation
import TestSupport
import Testing

/// `isolint lsp` driven over standard input and output as an editor drives it.
@Suite("Language server over stdio")
struct LanguageServerTests {
    /// A running server and the messages it sent.
    final class Session {
        let process = Process()
        let input = Pipe(), output = Pipe()
        private var buffer: [UInt8] = []
        private var nextID = 1

        init(in folder: URL) throws {
            guard let executable = Programs.isolint else { throw CommandLineTests.ExecutableMissing() }
            process.executableURL = executable
            process.arguments = ["lsp"]
            process.currentDirectoryURL = folder
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // A server that hangs fails the test instead of blocking it.
            let process = self.process
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }
        }

        func sendRaw(_ bytes: [UInt8]) {
            input.fileHandleForWriting.write(Data(bytes))
        }

        func send(_ message: [String: Any]) throws {
            var message = message
            message["jsonrpc"] = "2.0"
            let body = try JSONSerialization.data(withJSONObject: message)
            sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
        }

        /// Sends a request and returns its response, keeping the notifications that came first.
        func request(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
            let id = nextID
            nextID += 1
            try send(["id": id, "method": method, "params": params])
            while true {
                let message = try receive()
                if message["id"] as? Int == id { return message }
            }
        }

        func notify(_ method: String, _ params: [String: Any] = [:]) throws {
            try send(["method": method, "params": params])
        }

        /// The next message the server sends.
        func receive() throws -> [String: Any] {
            while true {
                if let end = headerEnd(), let length = contentLength(end), buffer.count >= end + 4 + length {
                    let body = Array(buffer[(end + 4)..<(end + 4 + length)])
                    buffer.removeSubrange(..<(end + 4 + length))
                    return try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
                }
                let data = output.fileHandleForReading.availableData
                try #require(!data.isEmpty, "the server closed its output")
                buffer += data
            }
        }

        /// The next diagnostics the server publishes.
        func diagnostics() throws -> [[String: Any]] {
            while true {
                let message = try receive()
                if message["method"] as? String == "textDocument/publishDiagnostics" {
                    return (message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
                }
            }
        }

        private func headerEnd() -> Int? {
            guard buffer.count >= 4 else { return nil }
            for index in 0...(buffer.count - 4) where buffer[index..<(index + 4)].elementsEqual([13, 10, 13, 10]) { return index }
            return nil
        }

        private func contentLength(_ end: Int) -> Int? {
            let header = String(decoding: buffer[..<end], as: UTF8.self)
            return header.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        }

        /// Shuts the server down as an editor does (shutdown, then exit) and returns its exit status.
        func close() throws -> Int32 {
            _ = try request("shutdown")
            try notify("exit")
            return finish()
        }

        func finish() -> Int32 {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// `text` with LSP text edits applied (positions in UTF-16 code units, lines split at LF).
    static func apply(_ edits: [[String: Any]], to text: String) -> String {
        var units = Array(text.utf16)
        func offset(_ position: [String: Any]) -> Int {
            let line = position["line"] as? Int ?? 0, character = position["character"] as? Int ?? 0
            var index = 0, current = 0
            while current < line, index < units.count {
                if units[index] == 0x0A { current += 1 }
                index += 1
            }
            return min(index + character, units.count)
        }
        let ranges = edits.map { edit -> (Int, Int, String) in
            let range = edit["range"] as? [String: Any] ?? [:]
            return (offset(range["start"] as? [String: Any] ?? [:]), offset(range["end"] as? [String: Any] ?? [:]), edit["newText"] as? String ?? "")
        }
        for (start, end, replacement) in ranges.sorted(by: { $0.0 > $1.0 }) {
            units.replaceSubrange(start..<end, with: Array(replacement.utf16))
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func withPackage(_ body: (URL, String) throws -> Void) throws {
        try SuppressionCommandLineTests.withPackage { folder in
            try body(folder, folder.appendingPathComponent("driver.inf").absoluteString)
        }
    }

    static var initialize: [String: Any] { ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [String: Any]()] }

    @Test("diagnostics on open and change, from the unsaved buffer, with rule, code, severity and link")
    func diagnostics() throws {
        try Self.withPackage { folder, uri in
            let session = try Session(in: folder)
            let initialized = try session.request("initialize", Self.initialize)
            let capabilities = try #require((initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any])
            #expect(capabilities["positionEncoding"] as? String == "utf-16")
            try session.notify("initialized")
            let text = SuppressionCommandLineTests.driver
            try session.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "inf", "version": 1, "text": text]])
            let opened = try session.diagnostics()
            let registry = try #require(opened.first { $0["code"] as? String == "registry-root-not-hkr/1321" })
            #expect(registry["severity"] as? Int == 1)
            #expect(((registry["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int == 34)
            #expect(((registry["codeDescription"] as? [String: Any])?["href"] as? String)?.hasSuffix("docs/rules/registry-root-not-hkr.md") == true)
            #expect(opened.contains { $0["code"] as? String == "unused-suppression" && ($0["tags"] as? [Int]) == [1] })
            // The buffer changes without being saved: the file on disk still has the HKLM line.
            let changed = text.replacingOccurrences(of: "HKLM,Software\\Contoso,Other,,1", with: "HKR,,Other,,1")
            try session.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": changed]]])
            let after = try session.diagnostics()
            #expect(!after.contains { ($0["code"] as? String)?.hasPrefix("registry-root-not-hkr") == true })
            let pulled = try session.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
            #expect(((pulled["result"] as? [String: Any])?["items"] as? [Any])?.count == after.count)
            #expect(try session.close() == 0)
        }
    }

    @Test("quick fixes and 'fix all safe' give what isolint fix gives; hover shows the rule's why")
    func codeActions() throws {
        try Self.withPackage { folder, uri in
            let text = SuppressionCommandLineTests.driver
            let session = try Session(in: folder)
            _ = try session.request("initialize", Self.initialize)
            try session.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "inf", "version": 1, "text": text]])
            _ = try session.diagnostics()
            let cursor: [String: Any] = ["line": 7, "character": 40]
            let response = try session.request("textDocument/codeAction", [
                "textDocument": ["uri": uri], "range": ["start": cursor, "end": cursor], "context": ["diagnostics": [Any]()],
            ])
            let actions = try #require(response["result"] as? [[String: Any]])
            let quickFix = try #require(actions.first { $0["title"] as? String == "Remove the suppression comment" })
            #expect(quickFix["isPreferred"] as? Bool == true)
            let quickEdits = try #require(((quickFix["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
            #expect(Self.apply(quickEdits, to: text).contains("PnpLockdown = 1\nProvider") || Self.apply(quickEdits, to: text).contains("PnpLockdown = 1\n\n"))
            let fixAll = try #require(actions.first { $0["kind"] as? String == "source.fixAll" })
            let allEdits = try #require(((fixAll["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
            let fixedByServer = Self.apply(allEdits, to: text)
            let fix = try CommandLineTests.run(["fix", "driver.inf"], in: folder)
            #expect(fix.status != 2, "\(fix.stderr)")
            let fixedByCLI = try String(contentsOf: folder.appendingPathComponent("driver.inf"), encoding: .utf8)
            #expect(fixedByServer == fixedByCLI)
            #expect(!actions.contains { ($0["title"] as? String)?.hasPrefix("Suppress") == true },
                    "no suppression is offered for a suppression comment's own finding")
            let hover = try session.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 34, "character": 1]])
            let contents = (((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String) ?? ""
            #expect(contents.contains("**registry-root-not-hkr** (InfVerif 1321)"), "\(contents)")
            #expect(contents.contains("[Rule documentation]("))
            let registryActions = try session.request("textDocument/codeAction", [
                "textDocument": ["uri": uri], "range": ["start": ["line": 34, "character": 0], "end": ["line": 34, "character": 0]],
                "context": ["diagnostics": [Any](), "only": ["quickfix"]],
            ])
            let suppression = try #require((registryActions["result"] as? [[String: Any]])?.first { $0["title"] as? String == "Suppress registry-root-not-hkr on this line" })
            let suppressionEdits = try #require(((suppression["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
            let suppressed = Self.apply(suppressionEdits, to: text)
            try session.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": suppressed]]])
            #expect(!(try session.diagnostics()).contains { ($0["code"] as? String)?.hasPrefix("registry-root-not-hkr") == true })
            #expect(try session.close() == 0)
        }
    }

    @Test("malformed input gets JSON-RPC errors, never a crash; exit without shutdown ends with status 1")
    func malformed() throws {
        try Self.withPackage { folder, uri in
            let session = try Session(in: folder)
            let early = try session.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
            #expect((early["error"] as? [String: Any])?["code"] as? Int == -32002)
            _ = try session.request("initialize", Self.initialize)
            session.sendRaw(Array("Content-Length: 5\r\n\r\n{bad}".utf8))
            let parse = try session.receive()
            #expect((parse["error"] as? [String: Any])?["code"] as? Int == -32700)
            session.sendRaw(Array("X-Nothing: 1\r\n\r\n".utf8))
            let unknown = try session.request("textDocument/unknownThing")
            #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
            let notOpen = try session.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": [String: Any]()])
            #expect((notOpen["error"] as? [String: Any])?["code"] as? Int == -32602)
            try session.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "inf", "version": 1, "text": "[Version\n\u{0}junk"]])
            _ = try session.diagnostics()
            let far = try session.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 9999, "character": 9999]])
            #expect(far["result"] is NSNull)
            try session.notify("exit")
            #expect(session.finish() == 1)
        }
    }

    @Test("definition, references, hover on names and DIRIDs, completion, symbols and folding ranges")
    func navigation() throws {
        try Self.withPackage { folder, uri in
            let session = try Session(in: folder)
            _ = try session.request("initialize", Self.initialize)
            try session.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "inf", "version": 1, "text": SuppressionCommandLineTests.driver]])
            _ = try session.diagnostics()
            let document: [String: Any] = ["uri": uri]
            func lines(_ response: [String: Any]) -> [Int] {
                (response["result"] as? [[String: Any]] ?? []).compactMap { (($0["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int }
            }
            // `AddReg = Reg` goes to [Reg]; [Reg] is used by that line.
            let definition = try session.request("textDocument/definition", ["textDocument": document, "position": ["line": 16, "character": 10]])
            #expect(lines(definition) == [29])
            let references = try session.request("textDocument/references", [
                "textDocument": document, "position": ["line": 29, "character": 2], "context": ["includeDeclaration": false],
            ])
            #expect(lines(references) == [16])
            // %Contoso% is defined in [Strings] and used twice.
            let key = try session.request("textDocument/definition", ["textDocument": document, "position": ["line": 4, "character": 14]])
            #expect(lines(key) == [49])
            let uses = try session.request("textDocument/references", [
                "textDocument": document, "position": ["line": 4, "character": 14], "context": ["includeDeclaration": true],
            ])
            #expect(lines(uses) == [49, 4, 10])
            func hover(_ line: Int, _ character: Int) throws -> String {
                let response = try session.request("textDocument/hover", ["textDocument": document, "position": ["line": line, "character": character]])
                return (((response["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String) ?? ""
            }
            #expect(try hover(4, 14).contains("[Strings] line 50: `Contoso`"))
            #expect(try hover(27, 18).hasPrefix("DIRID 13: `C:\\Windows\\System32\\DriverStore\\FileRepository\\driver.inf_amd64_"))
            #expect(try hover(16, 2) == "`AddReg`: every field names a section.")
            #expect(try hover(21, 2).hasPrefix("`AddService = service name, flags, service-install-section"))
            let registry = try hover(30, 6)
            #expect(registry.contains("this line writes:") && registry.contains("`HKLM\\Software\\Contoso` ← Value"), "\(registry)")
            let symbols = try session.request("textDocument/documentSymbol", ["textDocument": document])
            let names = (symbols["result"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.first == "[Version]")
            #expect(names.count == 13)
            // The Models table and the section graph give the sections children: the lines that lead on.
            func steps(_ section: String) -> [String] {
                let symbol = (symbols["result"] as? [[String: Any]] ?? []).first { $0["name"] as? String == section }
                return (symbol?["children"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? "") \($0["detail"] ?? "")" }
            }
            #expect(steps("[Manufacturer]") == ["Contoso → [Models.NTamd64.10.0...16299]"])
            #expect(steps("[Models.NTamd64.10.0...16299]") == ["Contoso Device → [Install.NTamd64] (ROOT\\CONTOSO)"])
            #expect(steps("[Install.NTamd64]") == ["AddReg → [Reg]", "AddReg → [MoreReg]", "CopyFiles → [Files]"])
            #expect(steps("[Install.NTamd64.Services]") == ["AddService → [Service]"])
            #expect(steps("[Reg]").isEmpty)
            // Each child lies within its section, and its name within itself.
            func start(_ range: Any?) -> (Int, Int) {
                let position = (range as? [String: Any])?["start"] as? [String: Any]
                return (position?["line"] as? Int ?? -1, position?["character"] as? Int ?? -1)
            }
            func end(_ range: Any?) -> (Int, Int) {
                let position = (range as? [String: Any])?["end"] as? [String: Any]
                return (position?["line"] as? Int ?? -1, position?["character"] as? Int ?? -1)
            }
            for symbol in symbols["result"] as? [[String: Any]] ?? [] {
                for child in symbol["children"] as? [[String: Any]] ?? [] {
                    #expect(start(symbol["range"]) <= start(child["range"]) && end(child["range"]) <= end(symbol["range"]))
                    #expect(start(child["range"]) <= start(child["selectionRange"]) && end(child["selectionRange"]) <= end(child["range"]))
                }
            }
            func labels(_ line: Int, _ character: Int) throws -> [String] {
                let response = try session.request("textDocument/completion", ["textDocument": document, "position": ["line": line, "character": character]])
                return ((response["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            }
            #expect(try labels(16, 9).contains("MoreReg"))
            #expect(try Set(labels(4, 12)).isSuperset(of: ["Contoso", "Device", "Disk"]))
            let services = try labels(21, 0)
            #expect(services.contains("AddService") && !services.contains("KmdfService") && services.contains("AddReg"))
            let folding = try session.request("textDocument/foldingRange", ["textDocument": document])
            #expect((folding["result"] as? [[String: Any]])?.first.flatMap { $0["endLine"] as? Int } == 7)
            #expect(try session.close() == 0)
        }
    }

    @Test("a burst of changes is checked once at its end, with the last version")
    func debounce() throws {
        try Self.withPackage { folder, uri in
            let session = try Session(in: folder)
            _ = try session.request("initialize", Self.initialize)
            var burst: [UInt8] = []
            func frame(_ message: [String: Any]) throws {
                let body = try JSONSerialization.data(withJSONObject: message)
                burst += Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
            }
            let text = SuppressionCommandLineTests.driver
            try frame(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                       "params": ["textDocument": ["uri": uri, "languageId": "inf", "version": 1, "text": text]]])
            for version in 2...21 {
                try frame(["jsonrpc": "2.0", "method": "textDocument/didChange",
                           "params": ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text + "; \(version)\n"]]]])
            }
            session.sendRaw(burst)
            var versions: [Int] = []
            while versions.last != 21 {
                let message = try session.receive()
                if message["method"] as? String == "textDocument/publishDiagnostics" {
                    versions.append(((message["params"] as? [String: Any])?["version"] as? Int) ?? 0)
                }
            }
            #expect(versions.count < 21, "every change was checked: \(versions)")
            #expect(try session.close() == 0)
        }
    }

    @Test("the server asks to watch package files and reads isolint.toml again when it changes")
    func watchedFiles() throws {
        try Self.withPackage { folder, uri in
            let session = try Session(in: folder)
            _ = try session.request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [
                "workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]],
            ]])
            try session.notify("initialized")
            let registration = try session.receive()
            #expect(registration["method"] as? String == "client/registerCapability")
            let registrations = (registration["params"] as? [String: Any])?["registrations"] as? [[String: Any]]
            #expect(registrations?.first?["method"] as? String == "workspace/didChangeWatchedFiles")
            try session.send(["id": registration["id"] ?? NSNull(), "result": NSNull()])
            try session.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "inf", "version": 1, "text": SuppressionCommandLineTests.driver]])
            #expect(try session.diagnostics().contains { ($0["code"] as? String)?.hasPrefix("registry-root-not-hkr") == true })
            let toml = folder.appendingPathComponent("isolint.toml")
            try Data("ignore = [\"registry-root-not-hkr\"]\n".utf8).write(to: toml)
            try session.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": toml.absoluteString, "type": 1]]])
            #expect(!(try session.diagnostics()).contains { ($0["code"] as? String)?.hasPrefix("registry-root-not-hkr") == true })
            #expect(try session.close() == 0)
        }
    }

    @Test("positions count UTF-16 code units by default and UTF-8 bytes when the client asks for them",
          arguments: [[String](), ["utf-8", "utf-16"]])
    func positionEncodings(offered: [String]) throws {
        try TemporaryFolder.with("isolint-lsp-encoding") { folder in
            let uri = folder.appendingPathComponent("new.inf").absoluteString
            let line = "Provider = \"Çontoso Ünïcode\" ; isolint: ignore["
            let text = "[Version]\nSignature = \"$Windows NT$\"\n\(line)no-such-rule]\n"
            let session = try Session(in: folder)
            let initialized = try session.request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [
                "general": ["positionEncodings": offered],
            ]])
            let encoding = ((initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any])?["positionEncoding"] as? String
            #expect(encoding == (offered.isEmpty ? "utf-16" : "utf-8"))
            try session.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "inf", "version": 1, "text": text]])
            let invalid = try #require(try session.diagnostics().first { $0["code"] as? String == "invalid-suppression" })
            let start = ((invalid["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int
            #expect(start == (offered.isEmpty ? line.utf16.count : line.utf8.count))
            // The same position, in the same units, finds the finding again.
            let hover = try session.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 2, "character": start ?? 0]])
            let contents = (hover["result"] as? [String: Any])?["contents"] as? [String: Any]
            let value = contents?["value"] as? String ?? ""
            #expect(value.contains("invalid-suppression"))
            #expect(try session.close() == 0)
        }
    }
}

