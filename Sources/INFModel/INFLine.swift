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
    /// Whether the raw key or a raw field holds a `%`: only such lines name string keys or DIRIDs.
    public let rawHasPercent: Bool

    public init(key: String?, rawKey: String?, hasExplicitKey: Bool, fields: [String], rawFields: [String],
                rawHasPercent: Bool, syntaxIndex: Int, lineNumber: Int) {
        self.rawHasPercent = rawHasPercent
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
    /// The name folded for comparison (``CaseInsensitive/fold(_:)``), once.
    public let foldedName: String
    /// Whether this is a strings section (`[Strings]` or `[Strings.<anything>]`), whose lines are
    /// values, not directives.
    public var isStrings: Bool { foldedName == "strings" || foldedName.hasPrefix("strings.") }
    /// The section's index in its file's ``INFDocument/sections`` (its number in
    /// ``INFDocument/sectionNames``).
    public let number: Int
    /// The lines of all headers with this name, in file order.
    public let lines: [INFLine]
    /// Indices in `SyntaxTree.sections` of each header with this name, in file order.
    public let headers: [Int]
    /// The number of each line's key in ``keyNames`` (``KeyNames/none`` for a line without one), in
    /// line order: a directive look-up compares these instead of the keys' texts.
    public let keyIDs: [Int32]
    /// The numbered keys of the file the section belongs to.
    public let keyNames: KeyNames

    /// The name up to its first dot (`SourceDisksFiles` of `SourceDisksFiles.amd64`), leading dots
    /// skipped, as splitting the name at dots gives it (once, when the section is made).
    public let baseName: Substring

    private static func baseName(of name: String) -> Substring {
        // The dot is ASCII: found among the bytes, it never cuts a character.
        var text = name
        let (start, end) = text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count, bytes[start] == UInt8(ascii: ".") { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ".") { end += 1 }
            return (start, end)
        }
        let utf8 = name.utf8
        return name[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
    }

    init(name: String, number: Int, lines: [INFLine], headers: [Int], keyIDs: [Int32], keyNames: KeyNames) {
        self.name = name
        self.foldedName = CaseInsensitive.fold(name)
        self.baseName = Self.baseName(of: name)
        self.number = number
        self.lines = lines
        self.headers = headers
        self.keyIDs = keyIDs
        self.keyNames = keyNames
    }

    /// The positions of the lines whose key has number `id`, in file order.
    private func positions(of id: Int32?) -> [Int] {
        guard let id else { return [] }
        var result: [Int] = []
        for position in keyIDs.indices where keyIDs[position] == id { result.append(position) }
        return result
    }

    /// Whether a line's key is `key`, ignoring case.
    public func hasKey(_ key: CaseInsensitiveKey) -> Bool {
        guard let id = keyNames.id(of: key) else { return false }
        return keyIDs.contains(id)
    }

    /// Whether a line's key has number `id` in ``keyNames``.
    public func hasKey(id: Int32) -> Bool { keyIDs.contains(id) }

    /// The lines whose key is `key`, ignoring case, in file order (a view: nothing is copied).
    public func lines(withKey key: String) -> LazyMapCollection<[Int], INFLine> {
        let lines = self.lines
        return positions(of: keyNames.id(of: key)).lazy.map { lines[$0] }
    }

    /// The lines whose key has number `id` in ``keyNames`` (none for `nil`), in file order.
    public func lines(withKeyID id: Int32?) -> LazyMapCollection<[Int], INFLine> {
        let lines = self.lines
        return positions(of: id).lazy.map { lines[$0] }
    }

    /// The number of `key` in this file: its own, or for a name outside the known list, the one its
    /// text has here.
    private func id(of key: KeyName) -> Int32? { key.id >= 0 ? key.id : keyNames.id(of: key.text) }

    /// The lines whose key is `key`, in file order.
    public func lines(withKey key: KeyName) -> LazyMapCollection<[Int], INFLine> {
        let lines = self.lines
        return positions(of: id(of: key)).lazy.map { lines[$0] }
    }

    /// The first line whose key is `key`.
    public func firstLine(withKey key: KeyName) -> INFLine? {
        guard let id = id(of: key) else { return nil }
        return keyIDs.firstIndex(of: id).map { lines[$0] }
    }

    /// Whether a line's key is `key`.
    public func hasKey(_ key: KeyName) -> Bool { id(of: key).map(keyIDs.contains) ?? false }

    /// The first line whose key is `key`, ignoring case.
    public func firstLine(withKey key: String) -> INFLine? {
        guard let id = keyNames.id(of: key), let position = keyIDs.firstIndex(of: id) else { return nil }
        return lines[position]
    }
}
