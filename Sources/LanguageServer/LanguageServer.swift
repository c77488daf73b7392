import Findings
import Fixing
import Foundation
import Platform
import INFSyntax
import IsolationRules

/// A Language Server Protocol 3.17 server for INF files on the engine `check` uses: diagnostics from
/// the unsaved buffer, each finding's fix as a quick fix, "fix all safe" and "suppress on this line"
/// actions, and the rule's documentation on hover. One message is handled at a time; a malformed
/// message or an unknown method gets a JSON-RPC error and the server goes on.
public final class LanguageServer {
    /// An open document: where it lives on disk and its current text.
    private struct Document {
        let path: String
        var text: String
        var version: Int?
    }

    /// JSON-RPC and LSP error codes.
    enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case serverNotInitialized = -32002
    }

    private var documents: [String: Document] = [:]
    /// Documents changed since diagnostics were last published: published together once the input
    /// holds no further message, so a burst of changes is checked once.
    private var changed: [String] = []
    private let cache = CheckerCache()
    private var initialized = false
    /// Whether the client registers file watchers for the server (`workspace.didChangeWatchedFiles.dynamicRegistration`).
    private var canWatchFiles = false
    /// How positions count characters, as negotiated at `initialize`.
    private var encoding: PositionEncoding = .utf16
    private var shutdownRequested = false
    private let send: ([UInt8]) -> Void
    private let documentationBaseURL: String

    /// A server that writes each framed message it sends with `send`.
    public init(documentationBaseURL: String = "https://github.com/isolint/isolint/blob/main/", send: @escaping ([UInt8]) -> Void) {
        self.send = send
        self.documentationBaseURL = documentationBaseURL
    }

    /// Handles one message; returns the process's exit status once `exit` arrives.
    public func handle(_ message: IncomingMessage) -> Int32? {
        switch message {
        case .badHeader(let reason):
            log(reason)
            return nil
        case .body(let body):
            return handle(body: body)
        }
    }

    private func handle(body: [UInt8]) -> Int32? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) else {
            respondError(id: NSNull(), .parseError, "the message is not JSON")
            return nil
        }
        guard let message = object as? [String: Any] else {
            respondError(id: NSNull(), .invalidRequest, "a message must be a JSON object")
            return nil
        }
        let id = message["id"]
        guard let method = message["method"] as? String else {
            // A response to a request of ours (none is sent), or nonsense.
            if id == nil || (message["result"] == nil && message["error"] == nil) {
                respondError(id: id ?? NSNull(), .invalidRequest, "a request needs a method")
            }
            return nil
        }
        let params = message["params"] as? [String: Any] ?? [:]
        if method == "exit" { return shutdownRequested ? 0 : 1 }
        if shutdownRequested {
            if let id { respondError(id: id, .invalidRequest, "the server is shutting down") }
            return nil
        }
        if !initialized && method != "initialize" {
            if let id { respondError(id: id, .serverNotInitialized, "initialize first") }
            return nil
        }
        do {
            if let id {
                respond(id: id, result: try request(method, params))
            } else {
                try notification(method, params)
            }
        } catch let error as RequestError {
            if let id { respondError(id: id, error.code, error.message) } else { log(error.message) }
        } catch {
            if let id { respondError(id: id, .invalidParams, "\(error)") }
        }
        return nil
    }

    struct RequestError: Error {
        let code: ErrorCode
        let message: String
    }

    private func request(_ method: String, _ params: [String: Any]) throws -> Any {
        switch method {
        case "initialize":
            initialized = true
            let workspace = (params["capabilities"] as? [String: Any])?["workspace"] as? [String: Any]
            canWatchFiles = ((workspace?["didChangeWatchedFiles"] as? [String: Any])?["dynamicRegistration"] as? Bool) ?? false
            // The first encoding the client offers that the server speaks; UTF-16 when it offers none.
            let offered = (((params["capabilities"] as? [String: Any])?["general"] as? [String: Any])?["positionEncodings"] as? [String]) ?? []
            encoding = offered.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
            cache.encoding = encoding
            return initializeResult()
        case "shutdown":
            shutdownRequested = true
            return NSNull()
        case "textDocument/diagnostic":
            let (uri, document) = try openDocument(params)
            return ["kind": "full", "items": diagnostics(for: document, uri: uri)] as [String: Any]
        case "textDocument/codeAction":
            let (uri, document) = try openDocument(params)
            guard let range = params["range"] as? [String: Any], let start = LSPPosition(json: range["start"]),
                  let end = LSPPosition(json: range["end"]) else { throw RequestError(code: .invalidParams, message: "codeAction needs a range") }
            let only = (params["context"] as? [String: Any])?["only"] as? [String]
            return codeActions(document, uri: uri, start: start, end: end, only: only)
        case "textDocument/hover":
            let (_, document) = try openDocument(params)
            guard let position = LSPPosition(json: params["position"]) else { throw RequestError(code: .invalidParams, message: "hover needs a position") }
            return hover(document, at: position)
        case "textDocument/definition", "textDocument/references":
            let (uri, document) = try openDocument(params)
            guard let position = LSPPosition(json: params["position"]) else { throw RequestError(code: .invalidParams, message: "\(method) needs a position") }
            let navigation = Navigation(cache.check(path: document.path, text: document.text))
            guard let (symbol, _) = navigation.symbol(at: position) else { return [Any]() }
            var ranges = method == "textDocument/definition" ? navigation.definitions(of: symbol) : navigation.references(to: symbol)
            if method == "textDocument/references", ((params["context"] as? [String: Any])?["includeDeclaration"] as? Bool) ?? false {
                ranges = navigation.definitions(of: symbol) + ranges
            }
            return ranges.map { ["uri": uri, "range": Self.range(navigation.checked.position(ofUnit: $0.lowerBound), navigation.checked.position(ofUnit: $0.upperBound))] as [String: Any] }
        case "textDocument/completion":
            let (_, document) = try openDocument(params)
            guard let position = LSPPosition(json: params["position"]) else { throw RequestError(code: .invalidParams, message: "completion needs a position") }
            let items = Navigation(cache.check(path: document.path, text: document.text)).completions(at: position)
            return ["isIncomplete": false, "items": items.map { ["label": $0.label, "kind": $0.kind] as [String: Any] }] as [String: Any]
        case "textDocument/documentSymbol":
            let (_, document) = try openDocument(params)
            let checked = cache.check(path: document.path, text: document.text)
            let navigation = Navigation(checked)
            let steps = navigation.outlineSteps()
            func span(_ range: Range<Int>) -> [String: Any] {
                Self.range(checked.position(ofUnit: range.lowerBound), checked.position(ofUnit: range.upperBound))
            }
            // Each section, with the lines that lead on from it (the graph's structure) as children:
            // children lie inside their section, as LSP asks.
            return zip(navigation.outline(), checked.tree.sections).map { section, node -> [String: Any] in
                // The section ends where its last line's text does, before the line end.
                let units = checked.tree.source.text.units
                var end = checked.tree.lines[section.lastLine].range.upperBound
                for unit: UInt16 in [0x0A, 0x0D] where end > section.header.lowerBound && units[end - 1] == unit { end -= 1 }
                let last = checked.position(ofUnit: end)
                let children = node.bodyLines.compactMap { steps[$0] }.map { step -> [String: Any] in
                    ["name": step.name, "detail": step.detail, "kind": step.kind, "range": span(step.range), "selectionRange": span(step.selection)]
                }
                return ["name": "[\(section.name)]", "kind": 3, "children": children,
                        "range": Self.range(checked.position(ofUnit: section.header.lowerBound), last),
                        "selectionRange": span(section.nameRange)]
            }
        case "textDocument/foldingRange":
            let (_, document) = try openDocument(params)
            let checked = cache.check(path: document.path, text: document.text)
            return Navigation(checked).outline().compactMap { section -> [String: Any]? in
                let start = checked.position(ofUnit: section.header.lowerBound).line
                let end = checked.position(ofUnit: checked.tree.lines[section.lastLine].range.lowerBound).line
                return end > start ? ["startLine": start, "endLine": end] : nil
            }
        default:
            throw RequestError(code: .methodNotFound, message: "no method \(method)")
        }
    }

    private func notification(_ method: String, _ params: [String: Any]) throws {
        switch method {
        case "initialized":
            // Package files and settings that change what a check says: the client tells when they change.
            guard canWatchFiles else { return }
            let globs = ["**/*.{inf,inx,in}", "**/*.{sys,dll,exe}", "**/isolint.toml", "**/*.json"]
            write(["jsonrpc": "2.0", "id": "isolint-watch", "method": "client/registerCapability", "params": [
                "registrations": [["id": "isolint-watch", "method": "workspace/didChangeWatchedFiles",
                                   "registerOptions": ["watchers": globs.map { ["globPattern": $0] }]] as [String: Any]],
            ] as [String: Any]])
        case "$/setTrace", "$/cancelRequest":
            return
        case "textDocument/didOpen":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
                  let text = item["text"] as? String, let path = Self.path(ofURI: uri) else {
                throw RequestError(code: .invalidParams, message: "didOpen needs a textDocument with a file uri and text")
            }
            documents[uri] = Document(path: path, text: text, version: item["version"] as? Int)
            markChanged(uri)
        case "textDocument/didChange":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String, var document = documents[uri],
                  let changes = params["contentChanges"] as? [[String: Any]] else {
                throw RequestError(code: .invalidParams, message: "didChange of a document that is not open")
            }
            for change in changes {
                guard let text = change["text"] as? String else { continue }
                if let range = change["range"] as? [String: Any], let start = LSPPosition(json: range["start"]), let end = LSPPosition(json: range["end"]) {
                    document.text = Self.replacing(start..<max(start, end), in: document.text, with: text, encoding: encoding)
                } else {
                    document.text = text
                }
            }
            document.version = item["version"] as? Int
            documents[uri] = document
            markChanged(uri)
        case "textDocument/didSave":
            if let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String, documents[uri] != nil { markChanged(uri) }
        case "textDocument/didClose":
            guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else { return }
            documents[uri] = nil
            changed.removeAll { $0 == uri }
            notify("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])
        case "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration":
            // A configuration, baseline or package file changed: read everything again.
            cache.invalidate()
            for uri in documents.keys.sorted() { markChanged(uri) }
        default:
            return
        }
    }

    private func initializeResult() -> [String: Any] {
        [
            "capabilities": [
                "positionEncoding": encoding.rawValue,
                "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]] as [String: Any],
                "codeActionProvider": ["codeActionKinds": ["quickfix", "source.fixAll"]],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "foldingRangeProvider": true,
                "completionProvider": ["triggerCharacters": ["%", "=", ","]],
                "diagnosticProvider": ["interFileDependencies": true, "workspaceDiagnostics": false],
            ] as [String: Any],
            "serverInfo": ["name": "isolint"],
        ]
    }

    // MARK: - Documents

    private func openDocument(_ params: [String: Any]) throws -> (String, Document) {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else {
            throw RequestError(code: .invalidParams, message: "the request needs a textDocument uri")
        }
        guard let document = documents[uri] else { throw RequestError(code: .invalidParams, message: "\(uri) is not open") }
        return (uri, document)
    }

    /// The file path of a `file:` URI.
    static func path(ofURI uri: String) -> String? {
        PathSyntax.host.path(ofFileURI: uri)
    }

    /// `text` with the UTF-16 positions `range` replaced by `replacement` (LSP's line breaks: LF, CR LF, CR).
    static func replacing(_ range: Range<LSPPosition>, in text: String, with replacement: String, encoding: PositionEncoding) -> String {
        let units = Array(text.utf16)
        func offset(_ position: LSPPosition) -> Int {
            var line = 0, index = 0
            while line < position.line && index < units.count {
                if units[index] == 0x0D { line += 1; index += (index + 1 < units.count && units[index + 1] == 0x0A) ? 2 : 1; continue }
                if units[index] == 0x0A { line += 1 }
                index += 1
            }
            var end = index
            while end < units.count && units[end] != 0x0A && units[end] != 0x0D { end += 1 }
            return encoding.unit(at: position.character, in: units, from: index, to: end)
        }
        let lower = offset(range.lowerBound), upper = max(lower, offset(range.upperBound))
        return String(decoding: units[..<lower], as: UTF16.self) + replacement + String(decoding: units[upper...], as: UTF16.self)
    }

    // MARK: - Diagnostics

    /// Marks `uri` and the other open INF files of its package folder, whose findings may depend on it
    /// (binaries no INF installs, sections shared through Include), for checking.
    private func markChanged(_ uri: String) {
        let folder = documents[uri].map { ($0.path as NSString).deletingLastPathComponent }
        for (other, document) in documents.sorted(by: { $0.key < $1.key })
        where other == uri || (folder != nil && (document.path as NSString).deletingLastPathComponent == folder) {
            if !changed.contains(other) { changed.append(other) }
        }
        if !changed.contains(uri) { changed.append(uri) }
    }

    /// Publishes the diagnostics of the documents changed since the last call: called when no
    /// further message is waiting.
    public func publishChanged() {
        let uris = changed
        changed = []
        for uri in uris { publish(uri) }
    }

    private func publish(_ uri: String) {
        guard let document = documents[uri] else { return }
        var params: [String: Any] = ["uri": uri, "diagnostics": diagnostics(for: document, uri: uri)]
        if let version = document.version { params["version"] = version }
        notify("textDocument/publishDiagnostics", params)
    }

    private func diagnostics(for document: Document, uri: String) -> [[String: Any]] {
        let checked = cache.check(path: document.path, text: document.text)
        if let error = checked.settingsError {
            return [["range": Self.range(LSPPosition(line: 0, character: 0), LSPPosition(line: 0, character: 0)),
                     "severity": 1, "source": "isolint", "message": "The settings cannot be read: \(error)"]]
        }
        return checked.findings.map { diagnostic($0, uri: uri, in: checked) }
    }

    static func range(_ start: LSPPosition, _ end: LSPPosition) -> [String: Any] {
        ["start": start.json, "end": end.json]
    }

    private func diagnostic(_ finding: Finding, uri: String, in checked: CheckedDocument) -> [String: Any] {
        let (start, end) = checked.range(of: finding.location)
        var result: [String: Any] = [
            "range": Self.range(start, end),
            "severity": finding.level == .error ? 1 : finding.level == .warning ? 2 : 3,
            "code": ([finding.rule] + finding.codes.prefix(1).map(String.init)).joined(separator: "/"),
            "codeDescription": ["href": documentationBaseURL + "docs/rules/\(finding.rule).md"],
            "source": "isolint",
            "message": finding.message,
        ]
        if finding.rule == "unused-section" || finding.rule == "unused-suppression" { result["tags"] = [1] }
        let related = finding.related.filter { $0.location.file == finding.location.file }.map { item -> [String: Any] in
            let (start, end) = checked.range(of: item.location)
            return ["location": ["uri": uri, "range": Self.range(start, end)] as [String: Any], "message": item.message]
        }
        if !related.isEmpty { result["relatedInformation"] = related }
        return result
    }

    // MARK: - Code actions

    private func codeActions(_ document: Document, uri: String, start: LSPPosition, end: LSPPosition, only: [String]?) -> [[String: Any]] {
        let checked = cache.check(path: document.path, text: document.text)
        let newline = checked.tree.lineEndingStyle.newline
        var actions: [[String: Any]] = []
        let wantsQuickFix = only.map { $0.contains { "quickfix".hasPrefix($0) || $0.hasPrefix("quickfix") } } ?? true
        let wantsFixAll = only.map { $0.contains { "source.fixAll".hasPrefix($0) } } ?? true
        if wantsQuickFix {
            for finding in checked.findings {
                let (findingStart, findingEnd) = checked.range(of: finding.location)
                // The finding touches the requested range (a cursor inside it, or any overlap).
                guard findingStart <= end, start <= findingEnd || (start.line == findingStart.line && finding.location.line > 0) else { continue }
                let diagnostic = diagnostic(finding, uri: uri, in: checked)
                if let fix = finding.fix, !fix.edits.isEmpty {
                    let edits = fix.edits.map { edit -> [String: Any] in
                        ["range": Self.range(checked.position(ofByte: edit.byteRange.lowerBound), checked.position(ofByte: edit.byteRange.upperBound)),
                         "newText": edit.replacement.replacingOccurrencesOfNewlines(with: newline)]
                    }
                    var title = fix.title
                    if fix.safety == .unsafe { title += " (unsafe" + (fix.followUp.map { ": \($0)" } ?? "") + ")" }
                    actions.append([
                        "title": title, "kind": "quickfix", "diagnostics": [diagnostic], "isPreferred": fix.safety == .safe,
                        "edit": ["changes": [uri: edits]],
                    ])
                }
                // A suppression of the rules that judge suppressions would only hide the comment's own problem.
                if finding.location.line > 0, finding.rule != "unused-suppression", finding.rule != "invalid-suppression" {
                    let lineStart = LSPPosition(line: finding.location.line - 1, character: 0)
                    actions.append([
                        "title": "Suppress \(finding.rule) on this line", "kind": "quickfix", "diagnostics": [diagnostic],
                        "edit": ["changes": [uri: [["range": Self.range(lineStart, lineStart),
                                                    "newText": "; isolint: ignore[\(finding.rule)]" + newline]]]],
                    ])
                }
            }
        }
        if wantsFixAll, let (original, fixed) = cache.fixAll(path: document.path, text: document.text) {
            let encoding = checked.tree.source.encoding
            let edits = UnifiedDiff.lineEdits(old: original, new: fixed, encoding: encoding).map { edit -> [String: Any] in
                ["range": Self.range(checked.position(ofByte: edit.range.lowerBound), checked.position(ofByte: edit.range.upperBound)),
                 "newText": encoding.decodeFragment(edit.replacement)]
            }
            actions.append(["title": "Fix all safe isolint findings", "kind": "source.fixAll", "edit": ["changes": [uri: edits]]])
        }
        return actions
    }

    // MARK: - Hover

    private func hover(_ document: Document, at position: LSPPosition) -> Any {
        let checked = cache.check(path: document.path, text: document.text)
        let covering = checked.findings.filter { finding in
            let (start, end) = checked.range(of: finding.location)
            return finding.location.line > 0 && start <= position && (position < end || position == end || start == end && position.line == start.line)
        }
        guard !covering.isEmpty else {
            // Off a finding: what the cursor's section name, string key or DIRID stands for.
            let navigation = Navigation(checked)
            guard let (symbol, range) = navigation.symbol(at: position), let text = navigation.hover(symbol) else { return NSNull() }
            return ["contents": ["kind": "markdown", "value": text],
                    "range": Self.range(checked.position(ofUnit: range.lowerBound), checked.position(ofUnit: range.upperBound))] as [String: Any]
        }
        let rules = Dictionary(RuleCatalog.descriptions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var sections: [String] = []
        for finding in covering {
            var text = "**\(finding.rule)**"
            if let code = finding.codes.first { text += " (InfVerif \(code))" }
            text += ": \(finding.message)"
            if let rule = rules[finding.rule] {
                text += "\n\n\(rule.why)\n\n*Fix:* \(rule.fix)\n\n[Rule documentation](\(documentationBaseURL)docs/rules/\(rule.name).md)"
            }
            sections.append(text)
        }
        return ["contents": ["kind": "markdown", "value": sections.joined(separator: "\n\n---\n\n")]]
    }

    // MARK: - Output

    private func respond(id: Any, result: Any) {
        write(["jsonrpc": "2.0", "id": id, "result": result])
    }

    private func respondError(id: Any, _ code: ErrorCode, _ message: String) {
        write(["jsonrpc": "2.0", "id": id, "error": ["code": code.rawValue, "message": message] as [String: Any]])
    }

    private func notify(_ method: String, _ params: [String: Any]) {
        write(["jsonrpc": "2.0", "method": method, "params": params])
    }

    private func write(_ message: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        send(framed(Array(data)))
    }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data("isolint lsp: \(text)\n".utf8))
    }
}
