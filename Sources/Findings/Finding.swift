/// Where a finding points: a range of an INF file, or an offset in a binary.
public struct Location: Sendable, Hashable, Codable {
    /// The file, as a path relative to the folder the run was started from when possible.
    public var file: String
    /// 1-based first line; 0 for a finding about the whole file.
    public var line: Int
    /// 1-based first column (UTF-16 code units of the decoded line); 0 for the whole file.
    public var column: Int
    /// 1-based last line of the range.
    public var endLine: Int
    /// 1-based column just past the range on `endLine`.
    public var endColumn: Int
    /// The byte range in the file, when the finding points into an INF.
    public var byteRange: Range<Int>?
    /// The byte offset in a binary, when the finding points into one.
    public var binaryOffset: Int?
    /// The text of the first line (without its line end), for code frames.
    public var lineText: String?

    public init(file: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil,
                byteRange: Range<Int>? = nil, binaryOffset: Int? = nil, lineText: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
        self.endColumn = endColumn ?? column
        self.byteRange = byteRange
        self.binaryOffset = binaryOffset
        self.lineText = lineText
    }

    /// A location for a whole file (line 0, no region).
    public static func wholeFile(_ file: String) -> Location {
        Location(file: file, line: 0, column: 0)
    }

    /// Whether the location names the whole file rather than a region of it.
    public var isWholeFile: Bool { line == 0 && binaryOffset == nil }
}

/// A second place that explains a finding, such as the line that installs a binary.
public struct RelatedLocation: Sendable, Hashable, Codable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

/// Whether a fix keeps behaviour the same on every Windows version the INF targets.
public enum FixSafety: String, Sendable, Hashable, Codable {
    /// Unchanged behaviour; applied by `--fix`.
    case safe
    /// The driver's code or the supported OS range may have to change too; needs `--unsafe-fixes`.
    case unsafe
}

/// One replacement of a byte range of a file with new text (encoded back into the file's encoding).
public struct TextEdit: Sendable, Hashable, Codable {
    public var byteRange: Range<Int>
    public var replacement: String

    public init(byteRange: Range<Int>, replacement: String) {
        self.byteRange = byteRange
        self.replacement = replacement
    }
}

/// An automatic fix: edits to one file, with what the developer must still do by hand.
public struct Fix: Sendable, Hashable, Codable {
    /// What the fix does, in a few words.
    public var title: String
    public var safety: FixSafety
    public var edits: [TextEdit]
    /// What else must change once the fix is applied (driver code, decorations…), if anything.
    public var followUp: String?

    public init(title: String, safety: FixSafety, edits: [TextEdit], followUp: String? = nil) {
        self.title = title
        self.safety = safety
        self.edits = edits
        self.followUp = followUp
    }
}

/// One problem found in a package: which rule, how serious, where, and what to do about it.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule's kebab-case name.
    public var rule: String
    /// The InfVerif codes the rule corresponds to.
    public var codes: [Int]
    public var level: Level
    /// What is wrong at this place, in one sentence.
    public var message: String
    public var location: Location
    public var related: [RelatedLocation]
    /// An automatic fix, when one exists.
    public var fix: Fix?
    /// The architectures and Windows versions the finding holds for, when fewer than the file installs on.
    public var scope: FindingScope?
    /// What InfVerif prints for the first of `codes` at this place, in its own words with the values
    /// of this finding; `nil` when the code has no InfVerif message or the rule does not give the values.
    public var infVerifMessage: String?

    public init(rule: String, codes: [Int], level: Level, message: String, location: Location,
                related: [RelatedLocation] = [], fix: Fix? = nil, scope: FindingScope? = nil,
                infVerifMessage: String? = nil) {
        self.scope = scope
        self.infVerifMessage = infVerifMessage
        self.rule = rule
        self.codes = codes
        self.level = level
        self.message = message
        self.location = location
        self.related = related
        self.fix = fix
    }
}

/// What reporters need to know of a rule: its name, codes, documentation and levels.
public struct RuleDescription: Sendable, Hashable, Codable {
    /// The kebab-case name users select it by.
    public var name: String
    /// The InfVerif codes accepted as aliases.
    public var codes: [Int]
    /// A short title.
    public var title: String
    /// Why the rule matters, in one sentence.
    public var why: String
    /// How to fix what it finds.
    public var fix: String
    /// The level in each mode (`nil` = off in that mode).
    public var levels: [Mode: Level]
    /// Whether the rule can offer an automatic fix.
    public var fixable: Bool
    /// The catalog group.
    public var group: RuleGroup
    /// The code InfVerif reports in a mode where it differs from the first of `codes` (e.g. 1304 in
    /// `/k` and `/u` for what `/w` reports as 1320).
    public var codeInMode: [Mode: Int]

    public init(name: String, codes: [Int], title: String, why: String, fix: String,
                levels: [Mode: Level], fixable: Bool, group: RuleGroup, codeInMode: [Mode: Int] = [:]) {
        self.name = name
        self.codes = codes
        self.title = title
        self.why = why
        self.fix = fix
        self.levels = levels
        self.fixable = fixable
        self.group = group
        self.codeInMode = codeInMode
    }

    /// The rule's codes for a finding in `mode`, the one InfVerif would print first: `specific` (the
    /// code a violation names), else the mode's own code, else the catalog order.
    public func codes(in mode: Mode, specific: Int? = nil) -> [Int] {
        guard let first = specific ?? codeInMode[mode] else { return codes }
        return [first] + codes.filter { $0 != first }
    }

    /// The documentation page of the rule, relative to the repository root.
    public var documentationPath: String { "docs/rules/\(name).md" }
}
