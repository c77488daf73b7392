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
        return Self.tokens(in: context, delimiter: 0x24).map { token in
            let what = token.text.uppercased() == "$ARCH$"
                ? "'\(token.text)' was not replaced by an architecture; SetupAPI reads it as text"
                : "'\(token.text)' is a template token that was not replaced"
            return Violation(range: token.range, message: "\(what): generate the INF with stampinf\(note)",
                             maximumLevel: built ? nil : .note, infVerifValues: [token.section])
        }
    }

    /// The template tokens (``TemplateTokens``) that start with `delimiter` in section names, keys and
    /// fields, with the name of the section each is in (the `[Version]` signature, `$Windows NT$`, left out).
    static func tokens(in context: RuleContext, delimiter: UInt16) -> [(range: Range<Int>, text: String, section: String)] {
        let tree = context.tree
        let signature = context.document.version.signature?.syntaxIndex
        let units = tree.source.text.units
        let lines = tree.lines
        // Nearly every line has no delimiter at all: only the lines with one are read.
        let candidates = units.withUnsafeBufferPointer { text in
            lines.indices.filter { $0 != signature && text[lines[$0].range].contains(delimiter) }
        }
        var result: [(range: Range<Int>, text: String, section: String)] = []
        for index in candidates {
            let line = lines[index]
            // The line of the last section header up to here; its name is read only for a finding.
            let headerLine = lines[...index].lastIndex { $0.header != nil }
            var ranges: [Range<Int>] = []
            if let header = line.header { ranges.append(header.nameRange) }
            if let key = line.key { ranges.append(key.range) }
            ranges += line.fields.map(\.range)
            for range in ranges {
                for token in TemplateTokens.tokens(in: range, units: units) where units[token.lowerBound] == delimiter {
                    let section = headerLine.flatMap { lines[$0].header.map { tree.text(of: $0.nameRange) } } ?? ""
                    result.append((token, tree.text(of: token), section))
                }
            }
        }
        return result
    }
}
