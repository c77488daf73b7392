import Findings
import INFModel
import INFSyntax
import IsolationEngine

/// A `$ARCH$` or other `$TOKEN$` of an `.inx` template left in an `.inf` file.
public struct UnresolvedToken: Rule {
    public static let description = RuleDescription(
        name: "unresolved-token", codes: [1274],
        title: "An INF holds an unresolved $TOKEN$",
        why: "$ARCH$, $KMDFVERSION$ and the like are placeholders that stampinf replaces when the build makes the INF from an .inx (or a project's .inf); SetupAPI reads them as text, so a section named [Install.NT$ARCH$] is never selected. In a package folder without the files the INF installs (a source tree) the finding is a note, since the build may still stamp the file.",
        fix: "Generate the INF from its .inx with stampinf (-a for the architecture, -k/-u for the WDF versions), or write the values in place, e.g. NTamd64 for NT$ARCH$.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NT↓$ARCH$
        [Contoso.NT↓$ARCH$]
        %Desc% = Install, ROOT\\CONTOSO
        [Install.Wdf]
        KmdfService = Contoso, Wdf_Section
        [Wdf_Section]
        KmdfLibraryVersion = ↓$KMDFVERSION$
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$CHICAGO$"
        Provider = "Contoso $ 2024"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64 ; built from contoso.inx: NT$ARCH$
        [Strings]
        Mfg = "Contoso"
        Price = "$5 or $6"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        // In a template the tokens are expected: the checker stamps $ARCH$ and keeps the others.
        guard !context.isTemplate else { return [] }
        // In a source tree the INF may be a stampinf source that the build completes: a note there.
        let built = context.isBuiltPackage
        let note = built ? "" : " (a note in a source tree, which the build may still stamp)"
        return Self.tokens(in: context, delimiters: [0x24]).map { token in
            let what = token.text.uppercased() == "$ARCH$"
                ? "'\(token.text)' was not replaced by an architecture; SetupAPI reads it as text"
                : "'\(token.text)' is a template token that was not replaced"
            return Violation(range: token.range, message: "\(what): generate the INF with stampinf\(note)",
                             maximumLevel: built ? nil : .note, infVerifValues: [token.section])
        }
    }

    /// A template token (``TemplateTokens``) of the file: where it is, its text and the name of the
    /// section it is in.
    struct Occurrence: Sendable {
        let range: Range<Int>
        let text: String
        let section: String
    }

    /// The template tokens of a file, found once for every rule that reports some of them.
    private enum FileTokens: RuleContextKey { typealias Value = [Occurrence] }

    /// The template tokens that start with one of `delimiters` in section names, keys and fields, in
    /// file order (the `[Version]` signature, `$Windows NT$`, left out).
    static func tokens(in context: RuleContext, delimiters: [UInt16]) -> [Occurrence] {
        let units = context.tree.source.text.units
        return allTokens(in: context).filter { delimiters.contains(units[$0.range.lowerBound]) }
    }

    /// The template tokens of every delimiter: only the lines that hold a delimiter are read.
    private static func allTokens(in context: RuleContext) -> [Occurrence] {
        context.shared(FileTokens.self) {
            let tree = context.tree
            let signature = context.document.version.signature?.syntaxIndex
            let units = tree.source.text.units
            var result: [Occurrence] = []
            var lastLine: Int?
            for position in TemplateTokens.delimiterPositions(in: units) {
                guard let index = tree.lineIndex(containing: position), index != lastLine else { continue }
                lastLine = index
                guard index != signature else { continue }
                let line = tree.lines[index]
                var ranges: [Range<Int>] = []
                if let header = line.header { ranges.append(header.nameRange) }
                if let key = line.key { ranges.append(key.range) }
                ranges += line.fields.map(\.range)
                for range in ranges {
                    for token in TemplateTokens.tokens(in: range, units: units) {
                        let section = tree.sectionIndex(containingLine: index).map { tree.text(of: tree.sections[$0].header.nameRange) } ?? ""
                        result.append(Occurrence(range: token, text: tree.text(of: token), section: section))
                    }
                }
            }
            return result
        }
    }
}
