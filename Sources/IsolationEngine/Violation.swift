import Findings
import INFModel
import INFSyntax

/// A place in a package binary: the file, by its path below the package folder, and a byte offset.
public struct BinaryPosition: Sendable, Hashable {
    /// The binary's path below the package folder, with `/` separators.
    public var relativePath: String
    /// The file offset of what the violation is about.
    public var offset: Int

    public init(relativePath: String, offset: Int) {
        self.relativePath = relativePath
        self.offset = offset
    }
}

/// One problem a rule found, before the engine turns it into a finding for a mode.
public struct Violation: Sendable {
    /// Where in the INF: code units of the syntax tree, or the whole file when `nil` (and `binary` is `nil`).
    public var range: Range<Int>?
    /// Where in a package binary, for a violation about a binary rather than the INF; `range` is then ignored.
    public var binary: BinaryPosition?
    /// What is wrong here, in one sentence.
    public var message: String
    /// The problem concerns a key or DIRID on signature mode's exception list: not reported there.
    public var allowedInSignatureMode: Bool
    /// An automatic fix, as edits on code-unit ranges of the syntax tree.
    public var fix: UnitFix?
    /// Other places in the INF that explain the problem (for a binary: the lines that install it).
    public var related: [(range: Range<Int>, message: String)]
    /// A cap on the level, for a lesser form of what the rule finds (e.g. a warning instead of an error).
    public var maximumLevel: Level?
    /// The InfVerif code of this particular problem, for a rule that covers several; it must be one
    /// of the rule's codes, and is the one reported first.
    public var code: Int?
    /// The values InfVerif puts in its message for the code reported, in the order of the template's
    /// `<value>` marks (see `InfVerifMessages`); empty for a message without values.
    public var infVerifValues: [String]

    public init(range: Range<Int>?, message: String, allowedInSignatureMode: Bool = false,
                fix: UnitFix? = nil, related: [(range: Range<Int>, message: String)] = [], maximumLevel: Level? = nil,
                code: Int? = nil, infVerifValues: [String] = []) {
        self.code = code
        self.infVerifValues = infVerifValues
        self.range = range
        self.message = message
        self.allowedInSignatureMode = allowedInSignatureMode
        self.fix = fix
        self.related = related
        self.maximumLevel = maximumLevel
    }

    /// A violation at `position` in a package binary, with INF lines that explain it.
    public init(binary position: BinaryPosition, message: String, related: [(range: Range<Int>, message: String)] = [],
                maximumLevel: Level? = nil) {
        self.init(range: nil, message: message, related: related, maximumLevel: maximumLevel)
        self.binary = position
    }
}

/// A fix expressed on the syntax tree's code units; the engine maps it to bytes.
public struct UnitFix: Sendable {
    public var title: String
    public var safety: FixSafety
    /// Replacements of code-unit ranges with new text.
    public var edits: [(range: Range<Int>, replacement: String)]
    public var followUp: String?

    public init(title: String, safety: FixSafety, edits: [(range: Range<Int>, replacement: String)], followUp: String? = nil) {
        self.title = title
        self.safety = safety
        self.edits = edits
        self.followUp = followUp
    }
}
