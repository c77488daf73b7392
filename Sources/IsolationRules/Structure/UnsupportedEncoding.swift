import Findings
import INFModel
import INFSyntax
import IsolationEngine

/// Encodings InfVerif does not accept, and text that SetupAPI decodes differently than it was written.
public struct UnsupportedEncoding: Rule {
    public static let description = RuleDescription(
        name: "unsupported-encoding", codes: [1003],
        title: "The file's encoding is not ANSI or UTF-16LE with a BOM",
        why: "SetupAPI reads UTF-16LE (with a byte-order mark) or the ANSI code page; other encodings are rejected or turn non-ASCII text into garbage.",
        fix: "Save the file as UTF-16LE with a byte-order mark (or plain ASCII).",
        levels: levels("E E E E"), fixable: false, group: .structure)

    public static let triggeringExamples = [
        RuleExample("\u{FEFF}⇓[Version]\nSignature = \"$Windows NT$\"\n"),
        RuleExample("⇓[Version]\nSignature = \"$Windows NT$\"\n[Strings]\nName = \"Caf\u{E9} \u{2122}\"\n"),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("[Version]\nSignature = \"$Windows NT$\"\n[Strings]\nName = \"Plain ASCII\"\n"),
    ]

    public static var examplesDependOnEncoding: Bool { true }

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let source = context.tree.source
        if source.hasUTF16BigEndianMark {
            return [Violation(range: nil, message: "The file is UTF-16 big endian, which SetupAPI cannot read")]
        }
        if case .utf16LE = source.encoding, source.bytes.count % 2 == 1 {
            return [Violation(range: nil, message: "The file is UTF-16LE with an odd number of bytes (\(source.bytes.count)): its last byte is not a whole character, and SetupAPI may then read the whole file as ANSI")]
        }
        switch source.encoding {
        case .utf16LE(bom: false):
            return [Violation(range: nil, message: "The file is UTF-16LE without a byte-order mark; add one (FF FE)", maximumLevel: .warning)]
        case .utf8BOM:
            return [Violation(range: nil, message: "The file is UTF-8 with a BOM; InfVerif expects ANSI or UTF-16LE with a BOM", maximumLevel: .warning)]
        case .ansi:
            guard EncodingDetector.isUTF8BeyondASCII(source.bytes) else { return [] }
            return [Violation(range: nil, message: "The file holds UTF-8 text without a BOM; SetupAPI reads it as code page 1252, so non-ASCII characters come out wrong — save it as UTF-16LE with a BOM",
                              maximumLevel: .warning)]
        default:
            return []
        }
    }
}
