import INFSyntax

/// A line of a section as SetupAPI returns it through its line and field API. Immutable, and a class
/// so that the many views of the model (sections, directives, plans, rule queries) share one copy.
public final class INFLine: Sendable {
    /// The key after string substitution; `nil` when the line has no key. A keyless line with exactly
    /// one field has that field as its key too (row 27).
    public let key: String?
    /// The key before substitution.
    public let rawKey: String?
    /// Whether the key was written before an `=` (rather than taken from a single field).
    public let hasExplicitKey: Bool
    /// Fields 1…n after `%strkey%` substitution (quotes removed).
    public let fields: [String]
    /// Fields 1…n before substitution (quotes removed).
    public let rawFields: [String]
    /// The index of the line in `SyntaxTree.lines`.
    public let syntaxIndex: Int
    /// The 1-based physical line where the line starts.
    public let lineNumber: Int

    public init(key: String?, rawKey: String?, hasExplicitKey: Bool, fields: [String], rawFields: [String],
                syntaxIndex: Int, lineNumber: Int) {
        self.key = key
        self.rawKey = rawKey
        self.hasExplicitKey = hasExplicitKey
        self.fields = fields
        self.rawFields = rawFields
        self.syntaxIndex = syntaxIndex
        self.lineNumber = lineNumber
    }

    /// The substituted field at 1-based `index`, or `nil` when the line has fewer fields.
    public func field(_ index: Int) -> String? {
        index >= 1 && index <= fields.count ? fields[index - 1] : nil
    }

    /// The raw field at 1-based `index`, or `nil` when the line has fewer fields.
    public func rawField(_ index: Int) -> String? {
        index >= 1 && index <= rawFields.count ? rawFields[index - 1] : nil
    }

    /// SetupGetLineText: the substituted fields joined by commas (row 31).
    public var text: String { fields.joined(separator: ",") }

    /// Whether the key equals `name`, ignoring case.
    public func hasKey(_ name: String) -> Bool {
        guard let key else { return false }
        return CaseInsensitive.equal(key, name)
    }
}

/// A section after merging: every line of every header with this name, in file order (row 33).
/// Immutable, and shared rather than copied, like its lines.
public final class INFSection: Sendable {
    /// The name as first spelled.
    public let name: String
    /// The lines of all headers with this name, in file order.
    public let lines: [INFLine]
    /// Indices in `SyntaxTree.sections` of each header with this name, in file order.
    public let headers: [Int]
    /// Line indices by folded key, so that directive look-ups do not scan the section; `nil` for a
    /// section of a few lines, which a look-up scans faster than it hashes.
    private let keyIndex: [CaseInsensitiveKey: [Int]]?

    /// The name up to its first dot (`SourceDisksFiles` of `SourceDisksFiles.amd64`), leading dots
    /// skipped, as splitting the name at dots gives it.
    public var baseName: Substring {
        let utf8 = name.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: every byte is a character.
            let start = utf8.firstIndex { $0 != UInt8(ascii: ".") } ?? utf8.endIndex
            let end = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
            return name[start..<end]
        }
        return name.split(separator: ".", maxSplits: 1).first ?? ""
    }

    /// The most lines a section scans for a key instead of indexing them.
    private static let scannedLines = 8

    public init(name: String, lines: [INFLine], headers: [Int]) {
        self.name = name
        self.lines = lines
        self.headers = headers
        guard lines.count > Self.scannedLines else {
            keyIndex = nil
            return
        }
        var index: [CaseInsensitiveKey: [Int]] = [:]
        for (position, line) in lines.enumerated() {
            guard let key = line.key else { continue }
            index[CaseInsensitiveKey(key), default: []].append(position)
        }
        self.keyIndex = index
    }

    /// The positions of the lines whose key is `key`, in file order.
    private func positions(of key: CaseInsensitiveKey) -> [Int] {
        if let keyIndex { return keyIndex[key] ?? [] }
        return lines.indices.filter { position in
            lines[position].key.map { CaseInsensitiveKey($0) == key } ?? false
        }
    }

    /// Whether a line's key is `key`, ignoring case.
    public func hasKey(_ key: CaseInsensitiveKey) -> Bool {
        if let keyIndex { return keyIndex[key] != nil }
        return lines.contains { line in line.key.map { CaseInsensitiveKey($0) == key } ?? false }
    }

    /// The lines whose key is `key`, ignoring case, in file order (a view: nothing is copied).
    public func lines(withKey key: String) -> LazyMapCollection<[Int], INFLine> {
        let lines = self.lines
        return positions(of: CaseInsensitiveKey(key)).lazy.map { lines[$0] }
    }

    /// The first line whose key is `key`, ignoring case.
    public func firstLine(withKey key: String) -> INFLine? {
        let wanted = CaseInsensitiveKey(key)
        if let keyIndex { return keyIndex[wanted]?.first.map { lines[$0] } }
        return lines.first { line in line.key.map { CaseInsensitiveKey($0) == wanted } ?? false }
    }
}
