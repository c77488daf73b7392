import Findings
import IsolationEngine
import IsolationKnowledge

/// The page that maps every code of InfVerif's table to the Isolint rules that report it, or says
/// why none does: `docs/infverif-parity.md`, written from the rule catalog and `InfVerifCodes`.
public enum InfVerifParityDocument {
    /// Where the page lives, relative to the repository root.
    public static let path = "docs/infverif-parity.md"

    /// The Markdown text of the page for `rules`.
    public static func markdown(rules: [any Rule.Type] = RuleCatalog.all) -> String {
        let descriptions = rules.map { $0.description }
        let evidence = CodeEvidence.collect(rules: rules)
        let codes = InfVerifCodes.all.flatMap { Array($0.codes) }
        let covered = codes.filter { code in descriptions.contains { $0.codes.contains(code) } }
        var text = """
        # InfVerif parity

        This page is generated from Isolint's rule catalog and its table of InfVerif codes
        (`Sources/IsolationKnowledge/InfVerifCodes.swift`); do not edit it by hand. To write it again, run
        `ISOLINT_UPDATE_DOCS=1 swift test --filter InfVerifParityTests`.

        The codes, their meaning and their levels are those of InfVerif's table of INF validation errors and
        warnings for WDK 10.0.26200 (Windows 11, version 25H2). Levels are InfVerif's in `/k`, `/u` and `/w`:
        E error, W warning, - not reported. Wherever Isolint selects rules (`--select`, `--ignore`, the
        configuration file, `; isolint: ignore[…]` comments) an InfVerif code selects every rule that lists it.
        A finding is never above its code's level in the mode: a code InfVerif reports as a warning in a mode
        is a warning there, and one it does not report in a mode is not reported.

        The line is where the finding stands, as the rules' examples (which the test suite runs) show it:
        the section header, the entry (the line of the directive, entry or value), or the file (no line).
        The message is InfVerif's, which `--output-format infverif` prints with the finding's values in
        place of `<value>`.

        Isolint has a rule for \(covered.count) of the \(codes.count) codes.

        | code | /k /u /w | InfVerif reports | Isolint rule | line | InfVerif's message | notes (why no rule) |
        |---|---|---|---|---|---|---|

        """
        for entry in InfVerifCodes.all {
            let rules = ruleColumn(entry, descriptions)
            let uncovered = entry.codes.contains { code in !descriptions.contains { $0.codes.contains(code) } }
            let reason = uncovered ? (entry.notCovered ?? "") : (entry.note ?? "")
            text += "| \(entry.label) | \(entry.levels) | \(escaped(entry.summary)) | \(rules.isEmpty ? "–" : rules) "
                + "| \(lineColumn(entry, evidence)) | \(messageColumn(entry)) | \(escaped(reason)) |\n"
        }
        text += """

        ## Codes of earlier InfVerif versions

        | code | meant | reported today as | Isolint rule |
        |---|---|---|---|

        """
        for old in InfVerifCodes.renumbered {
            let rules = old.now.map { now in descriptions.filter { $0.codes.contains(now) }.map { "`\($0.name)`" } } ?? []
            text += "| \(old.code) | \(escaped(old.meaning)) | \(old.now.map(String.init) ?? "–") | \(rules.isEmpty ? "–" : rules.joined(separator: ", ")) |\n"
        }
        return text
    }

    /// What is inconsistent between the catalog and the table: catalog codes the table does not list,
    /// entries with codes that have neither a rule nor a reason, and reasons left on covered entries.
    public static func inconsistencies(rules: [any Rule.Type] = RuleCatalog.all) -> [String] {
        let descriptions = rules.map { $0.description }
        var problems: [String] = []
        for description in descriptions {
            for code in description.codes where InfVerifCodes.entry(for: code) == nil {
                problems.append("\(description.name) lists \(code), which InfVerif's table does not have")
            }
        }
        for entry in InfVerifCodes.all {
            let uncovered = entry.codes.filter { code in !descriptions.contains { $0.codes.contains(code) } }
            if !uncovered.isEmpty && entry.notCovered == nil {
                problems.append("\(entry.label) has codes without a rule (\(uncovered.map(String.init).joined(separator: ", "))) and no reason")
            }
            if uncovered.isEmpty && entry.notCovered != nil {
                problems.append("\(entry.label) has a rule for every code but still gives a reason")
            }
        }
        return problems
    }

    /// The rules that list codes of `entry`, each with the codes it covers when they are not all of them.
    private static func ruleColumn(_ entry: InfVerifCode, _ descriptions: [RuleDescription]) -> String {
        descriptions.compactMap { description -> String? in
            let codes = entry.codes.filter(description.codes.contains)
            guard !codes.isEmpty else { return nil }
            return codes.count == entry.codes.count
                ? "`\(description.name)`"
                : "`\(description.name)` (\(codes.map(String.init).joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    /// Where the findings of the entry's codes stand: for a run, per code when they differ.
    private static func lineColumn(_ entry: InfVerifCode, _ evidence: [Int: CodeEvidence]) -> String {
        func lines(_ code: Int) -> String? {
            if code == UnreadableInput.codes.last { return LineConvention.file.rawValue }
            guard let found = evidence[code], !found.lines.isEmpty else { return nil }
            return found.lines.sorted().map(\.rawValue).joined(separator: " or ")
        }
        let perCode = entry.codes.compactMap { code in lines(code).map { (code, $0) } }
        guard !perCode.isEmpty else { return "–" }
        if Set(perCode.map(\.1)).count == 1 { return perCode[0].1 }
        return perCode.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
    }

    /// InfVerif's message for each code of the entry, as code spans.
    private static func messageColumn(_ entry: InfVerifCode) -> String {
        let messages = entry.codes.compactMap { code in InfVerifMessages.template(for: code).map { (code, $0) } }
        guard !messages.isEmpty else { return "–" }
        if messages.count == 1 { return span(messages[0].1) }
        return messages.map { "\($0.0): \(span($0.1))" }.joined(separator: "<br>")
    }

    /// `text` as a Markdown code span that a table cell can hold.
    private static func span(_ text: String) -> String {
        let fence = text.contains("`") ? "``" : "`"
        return fence + escaped(text) + fence
    }

    /// `text` with the characters that would break a Markdown table cell escaped.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
