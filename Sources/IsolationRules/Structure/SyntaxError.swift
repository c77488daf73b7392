import Findings
import INFModel
import INFSyntax
import IsolationEngine

/// What SetupAPI would reject or silently misread.
public struct SyntaxError: Rule {
    public static let description = RuleDescription(
        name: UnreadableInput.rule, codes: UnreadableInput.codes,
        title: "SetupAPI rejects or misreads the text",
        why: "Windows reads INF text with its own rules; a line it rejects stops the install, and one it misreads installs something other than what the author wrote.",
        fix: "Close the section header or the quote, remove NUL and Ctrl-Z characters, end lines with LF or CR LF, and put every line after a section header.",
        levels: levels("E E E E"), fixable: false, group: .structure)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        ↓[Unterminated
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Name,,↓"Contoso
        """),
        RuleExample("""
        ↓junk before any section
        [Version]
        Signature = "$Windows NT$"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        ; a comment before the first section is fine
        [Version]
        Signature = "$Windows NT$"
        [Reg]
        HKR,,Name,,"Contoso ""Quoted"" Name"
        """),
    ]

    public init() {}

    /// The SetupAPI error (in hexadecimal, as InfVerif prints it) for a kind of syntax problem:
    /// ERROR_EXPECTED_SECTION_NAME, ERROR_BAD_SECTION_NAME_LINE, ERROR_SECTION_NAME_TOO_LONG, or
    /// ERROR_GENERAL_SYNTAX for what does not stop the file from opening.
    static func setupError(_ kind: SyntaxDiagnostic.Kind) -> String {
        switch kind {
        case .textBeforeFirstSection: return "E0000000"
        case .unterminatedSectionHeader: return "E0000001"
        case .sectionNameTooLong: return "E0000002"
        default: return "E0000003"
        }
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var nulReported = false
        for diagnostic in context.tree.diagnostics {
            let message: String
            // Only what stops SetupAPI from opening the file is InfVerif's 1002 error; the file opens
            // despite the rest, and InfVerif passes such files, so they are warnings.
            var opens = true
            switch diagnostic.kind {
            case .unterminatedSectionHeader:
                message = "The section header has no closing ']'; SetupAPI refuses to open the file"
                opens = false
            case .sectionNameTooLong:
                message = "The section name is longer than 255 characters; SetupAPI refuses to open the file"
                opens = false
            case .textBeforeFirstSection:
                opens = context.document.hasSection("Strings")
                message = opens
                    ? "Text before the first section header is ignored by SetupAPI"
                    : "Text before the first section header; SetupAPI refuses to open the file"
            case .unterminatedQuote:
                message = "The quote is not closed; SetupAPI reads the rest of the line, commas and semicolons included, as one value"
            case .nulCharacter:
                guard !nulReported else { continue }
                nulReported = true
                message = "A NUL character in the text; SetupAPI reads it as a space"
            case .endOfFileMarker:
                message = "A Ctrl-Z character; SetupAPI stops reading the file here"
            case .fieldTooLong:
                message = "The value is longer than \(SetupLimits.maximumStringLength) characters (MAX_INF_STRING_LENGTH); SetupAPI returns only the first \(SetupLimits.maximumStringLength)"
            case .bareCarriageReturn:
                message = "A CR without LF does not end a line for SetupAPI; lines must end in LF or CR LF"
            }
            let line = context.tree.position(of: diagnostic.range.lowerBound).line
            result.append(Violation(range: diagnostic.range, message: message, maximumLevel: opens ? .warning : nil,
                                    infVerifValues: [context.tree.source.path, "\(line)", Self.setupError(diagnostic.kind)]))
        }
        return result
    }
}
