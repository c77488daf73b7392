import INFModel
import INFSyntax

/// One problem a rule found, before the engine turns it into a finding for a mode.
public struct Violation: Sendable {
    /// Where: code units of the syntax tree, or the whole file when `nil`.
    public var range: Range<Int>?
    /// What is wrong here, in one sentence.
    public var message: String
    /// The problem concerns a key or DIRID on signature mode's exception list: not reported there.
    public var allowedInSignatureMode: Bool
    /// An automatic fix, as edits on code-unit ranges of the syntax tree.
    public var fix: UnitFix?
    /// Other places that explain the problem.
    public var related: [(range: Range<Int>, message: String)]
    /// A cap on the level, for a lesser form of what the rule finds (e.g. a warning instead of an error).
    public var maximumLevel: Level?

    public init(range: Range<Int>?, message: String, allowedInSignatureMode: Bool = false,
                fix: UnitFix? = nil, related: [(range: Range<Int>, message: String)] = [], maximumLevel: Level? = nil) {
        self.range = range
        self.message = message
        self.allowedInSignatureMode = allowedInSignatureMode
        self.fix = fix
        self.related = related
        self.maximumLevel = maximumLevel
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
