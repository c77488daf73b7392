/// A key or a field of a line: its value as SetupAPI reads it (quotes removed, continuations joined,
/// NUL turned into a space, `%strkey%` not yet substituted) and where it stands in the source.
public struct Token: Sendable, Hashable {
    /// The value before string substitution.
    public let value: String
    /// The code units the token spans in the source, from its first character (or opening quote) to its
    /// last character (or closing quote); empty for an empty field, placed where the field would start.
    public let range: Range<Int>
    /// Whether a quote appeared in the token.
    public let isQuoted: Bool

    public init(value: String, range: Range<Int>, isQuoted: Bool) {
        self.value = value
        self.range = range
        self.isQuoted = isQuoted
    }
}

/// A section header `[name]` on a line.
public struct SectionHeader: Sendable, Hashable {
    /// The name between `[` and the first `]`, untrimmed (row 32).
    public let name: String
    /// The code units from `[` up to and including `]` (to the end of the line when unterminated).
    public let range: Range<Int>
    /// The code units of the name itself.
    public let nameRange: Range<Int>
    /// Whether the header has its closing `]`.
    public let isTerminated: Bool
}

/// One logical line: a physical line plus the lines joined to it by `\` continuations.
///
/// Logical lines partition the parsed text: their ranges follow one another with no gap, each
/// including its terminating LF, so printing them in order gives back the file.
public struct LogicalLine: Sendable {
    /// The code units of the line, including its final LF when it has one.
    public let range: Range<Int>
    /// The 1-based number of the first physical line.
    public let firstPhysicalLine: Int
    /// How many physical lines the continuations join (1 for an ordinary line).
    public let physicalLineCount: Int
    /// The section header on this line, if any.
    public let header: SectionHeader?
    /// The key before `=`, when the line has one (the single-field rule of row 27 is the model's).
    public let key: Token?
    /// The fields after the key (or all fields of a keyless line).
    public let fields: [Token]
    /// Comments on the line, each from `;` to the end of its physical line (CR excluded).
    public let comments: [Range<Int>]
    /// Text before the first section header, which SetupAPI ignores or rejects (row 36).
    public let isOrphan: Bool

    /// Whether the line holds a key or fields.
    @inlinable public var isEntry: Bool { key != nil || !fields.isEmpty }
}

/// A section as written: one header and the lines up to the next header.
///
/// Duplicated section names stay separate here; the model merges them.
public struct SectionNode: Sendable {
    /// The index in `SyntaxTree.lines` of the header line.
    public let headerLine: Int
    /// The indices in `SyntaxTree.lines` of the lines after the header, up to the next header.
    public let bodyLines: Range<Int>
    /// The header itself.
    public let header: SectionHeader
}

/// A problem found while reading the text: what SetupAPI would reject or silently misread.
public struct SyntaxDiagnostic: Sendable, Hashable {
    /// The kinds of problem the parser reports.
    public enum Kind: Sendable, Hashable {
        /// `[name` with no `]` on the line (ERROR_BAD_SECTION_NAME_LINE).
        case unterminatedSectionHeader
        /// A section name of 256 characters or more (ERROR_SECTION_NAME_TOO_LONG).
        case sectionNameTooLong
        /// Text before the first section header.
        case textBeforeFirstSection
        /// A quote with no closing quote on its line.
        case unterminatedQuote
        /// A NUL character, which SetupAPI reads as a space inside a token and trims at its ends.
        case nulCharacter
        /// A Ctrl-Z character, where SetupAPI stops reading the file.
        case endOfFileMarker
        /// A key or field longer than `MAX_INF_STRING_LENGTH` (4096) characters.
        case fieldTooLong
        /// A CR that does not end a line; SetupAPI does not treat it as a line end (rows 11–12).
        case bareCarriageReturn
    }
    /// What was found.
    public let kind: Kind
    /// Where: code units in the text.
    public let range: Range<Int>
    /// The 1-based physical line.
    public let line: Int
}
