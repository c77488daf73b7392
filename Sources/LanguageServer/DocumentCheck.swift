import DriverPackage
import Findings
import Fixing
import Foundation
import INFSyntax
import IsolationEngine
import IsolationRules
import Workspace

/// A buffer checked as `check` checks the file it stands for: the same settings (`isolint.toml`,
/// baseline, per-path ignores), the same package folder and binaries, on the unsaved text.
struct CheckedDocument {
    /// The bytes checked: the buffer's text in the encoding of the file on disk.
    let bytes: [UInt8]
    let tree: SyntaxTree
    /// The findings about this file (not about the binaries of its package).
    let findings: [Finding]
    /// Why the settings could not be read, when they could not (the findings are then empty).
    let settingsError: String?

    /// The bytes SetupAPI would read for `text` saved over the file at `path`: in the file's own
    /// encoding (with its byte-order mark), or as plain bytes for a new file (UTF-8 with a BOM when
    /// the text is not ASCII, which SetupAPI would otherwise read as code page 1252).
    static func bytes(of text: String, savedOver path: String) -> [UInt8] {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        var encoding: TextEncoding = ascii ? .ansi : .utf8BOM
        if let existing = FileManager.default.contents(atPath: path) {
            encoding = SourceFile(path: path, bytes: Array(existing)).encoding
        }
        let bom: [UInt8]
        switch encoding {
        case .utf16LE(let hasBOM): bom = hasBOM ? [0xFF, 0xFE] : []
        case .utf8BOM: bom = [0xEF, 0xBB, 0xBF]
        case .ansi: bom = []
        }
        if let encoded = encoding.encode(text) { return bom + encoded }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// Where a byte offset of ``bytes`` stands as an LSP position (0-based line, UTF-16 character).
    func position(ofByte offset: Int) -> LSPPosition {
        let text = tree.source.text
        var low = 0, high = text.units.count
        // The first code unit whose bytes start at or after `offset`.
        while low < high {
            let middle = (low + high) / 2
            if text.byteOffset(ofUnit: middle) < offset { low = middle + 1 } else { high = middle }
        }
        return position(ofUnit: low)
    }

    /// The LSP position of a code unit of the decoded text.
    func position(ofUnit index: Int) -> LSPPosition {
        let position = tree.position(of: index)
        return LSPPosition(line: position.line - 1, character: position.column - 1)
    }

    /// The code unit at an LSP position (clamped to the text).
    func unit(at position: LSPPosition) -> Int {
        let starts = tree.lineStarts
        guard position.line >= 0 else { return 0 }
        guard position.line < starts.count else { return tree.source.text.units.count }
        let end = position.line + 1 < starts.count ? starts[position.line + 1] : tree.source.text.units.count
        return min(starts[position.line] + max(0, position.character), end)
    }
}

/// A 0-based position as LSP counts it (UTF-16 code units).
struct LSPPosition: Hashable, Comparable {
    let line: Int
    let character: Int

    static func < (a: LSPPosition, b: LSPPosition) -> Bool { (a.line, a.character) < (b.line, b.character) }

    var json: [String: Any] { ["line": line, "character": character] }

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(json: Any?) {
        guard let object = json as? [String: Any], let line = object["line"] as? Int, let character = object["character"] as? Int else { return nil }
        self.init(line: line, character: character)
    }
}

/// The checkers and package listings of the folders open documents live in, kept between checks
/// and dropped when files of the folder or the configuration change.
final class CheckerCache {
    private var settings: [String: Result<WorkspaceSettings, SettingsError>] = [:]
    private var checkers: [String: Checker] = [:]
    private var packages: [String: PackageContents] = [:]

    func invalidate() {
        settings = [:]
        checkers = [:]
        packages = [:]
    }

    /// The bytes `text` (the content of the file at `path`) has after its safe fixes, as `isolint fix`
    /// writes them, or `nil` when nothing changes.
    func fixAll(path: String, text: String) -> (original: [UInt8], fixed: [UInt8])? {
        let bytes = CheckedDocument.bytes(of: text, savedOver: path)
        let folder = (path as NSString).deletingLastPathComponent
        guard case .success(let settings)? = settings[folder] ?? { _ = check(path: path, text: text); return settings[folder] }(),
              let checker = checkers[folder] else { return nil }
        let keep: @Sendable ([Finding]) -> [Finding] = { settings.keep($0) }
        let result = FixEngine(checker: checker, options: FixOptions()).fix(bytes: bytes, displayPath: path, package: packages[folder], keep: keep)
        return result.changed ? (bytes, result.fixed) : nil
    }

    /// Checks `text` as the content of the file at `path`.
    func check(path: String, text: String) -> CheckedDocument {
        let bytes = CheckedDocument.bytes(of: text, savedOver: path)
        let tree = INFParser.parse(bytes: bytes, path: path)
        let folder = (path as NSString).deletingLastPathComponent
        let resolved = settings[folder] ?? {
            var input = SettingsInput()
            input.paths = [path]
            let result = Result { () throws(SettingsError) -> WorkspaceSettings in try WorkspaceSettings.resolve(input) }
            settings[folder] = result
            return result
        }()
        switch resolved {
        case .failure(let error):
            return CheckedDocument(bytes: bytes, tree: tree, findings: [], settingsError: error.description)
        case .success(let settings):
            let checker = checkers[folder] ?? Checker(options: settings.options)
            checkers[folder] = checker
            let package = packages[folder] ?? PackageContents(root: folder)
            packages[folder] = package
            let findings = settings.keep(checker.checkFile(tree: tree, displayPath: path, package: package).findings)
                .filter { $0.location.file == path && $0.location.binaryOffset == nil }
            return CheckedDocument(bytes: bytes, tree: tree, findings: findings, settingsError: nil)
        }
    }
}
