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
    /// How positions count characters within a line.
    var encoding: PositionEncoding = .utf16

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
        let line = position.line - 1
        guard encoding == .utf8 else { return LSPPosition(line: line, character: position.column - 1) }
        let start = tree.lineStarts[line]
        return LSPPosition(line: line, character: encoding.characters(tree.source.text.units[start..<min(index, tree.source.text.units.count)]))
    }

    /// The code unit at an LSP position (clamped to the text).
    func unit(at position: LSPPosition) -> Int {
        let starts = tree.lineStarts
        let units = tree.source.text.units
        guard position.line >= 0 else { return 0 }
        guard position.line < starts.count else { return units.count }
        let end = position.line + 1 < starts.count ? starts[position.line + 1] : units.count
        return encoding.unit(at: position.character, in: units, from: starts[position.line], to: end)
    }

    /// The LSP range of a finding's location (the start of the file for a whole-file finding).
    func range(of location: Location) -> (LSPPosition, LSPPosition) {
        guard location.line > 0, location.line <= tree.lineStarts.count else {
            return (LSPPosition(line: 0, character: 0), LSPPosition(line: 0, character: 0))
        }
        let units = tree.source.text.units.count
        let startUnit = min(tree.lineStarts[location.line - 1] + max(0, location.column - 1), units)
        let endLine = min(max(location.endLine, location.line), tree.lineStarts.count)
        let endUnit = min(tree.lineStarts[endLine - 1] + max(0, location.endColumn - 1), units)
        let start = position(ofUnit: startUnit)
        return (start, max(start, position(ofUnit: max(startUnit, endUnit))))
    }
}

/// How LSP positions count characters in a line: UTF-16 code units (the default every client
/// supports) or UTF-8 bytes, as negotiated at `initialize`.
enum PositionEncoding: String {
    case utf16 = "utf-16"
    case utf8 = "utf-8"

    /// How many characters the code units `units` make in this encoding.
    func characters(_ units: ArraySlice<UInt16>) -> Int {
        guard self == .utf8 else { return units.count }
        var count = 0
        var index = units.startIndex
        while index < units.endIndex {
            let unit = units[index]
            if unit < 0x80 { count += 1 } else if unit < 0x800 { count += 2 } else if (0xD800...0xDBFF).contains(unit),
                index + 1 < units.endIndex, (0xDC00...0xDFFF).contains(units[index + 1]) {
                count += 4
                index += 1
            } else { count += 3 }
            index += 1
        }
        return count
    }

    /// The code unit `character` characters after `start`, not past `end` (a character that would
    /// be cut in two counts as not reached).
    func unit(at character: Int, in units: [UInt16], from start: Int, to end: Int) -> Int {
        guard self == .utf8 else { return min(start + max(0, character), end) }
        var index = start, count = 0
        while index < end {
            let unit = units[index]
            let pair = (0xD800...0xDBFF).contains(unit) && index + 1 < end && (0xDC00...0xDFFF).contains(units[index + 1])
            let width = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3
            if count + width > character { break }
            count += width
            index += pair ? 2 : 1
        }
        return index
    }
}

/// A 0-based position as LSP counts it (in the negotiated encoding's units).
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
    /// How the documents' positions count characters.
    var encoding: PositionEncoding = .utf16
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
            return CheckedDocument(bytes: bytes, tree: tree, findings: [], settingsError: error.description, encoding: encoding)
        case .success(let settings):
            let checker = checkers[folder] ?? Checker(options: settings.options)
            checkers[folder] = checker
            let package = packages[folder] ?? PackageContents(root: folder)
            packages[folder] = package
            let findings = settings.keep(checker.checkFile(tree: tree, displayPath: path, package: package).findings)
                .filter { $0.location.file == path && $0.location.binaryOffset == nil }
            return CheckedDocument(bytes: bytes, tree: tree, findings: findings, settingsError: nil, encoding: encoding)
        }
    }
}
