import Findings

/// The default format, written for people.
///
/// Each finding is a block: a header `file:line:col: level[rule/codes]: message` (with `[*]` before
/// the message when the finding carries a fix), a code frame that underlines the offending columns,
/// and `= …` lines with the related places, why the rule matters, how to fix it, what the automatic
/// fix does and what must still be done by hand. Findings about a whole file print `file: …` and
/// findings in a binary print `file+0x1A2B: …`, both without a frame. A summary line and, when
/// fixes exist, a hint about `--fix` close the output.
///
/// ```
/// Driver/toaster.inf:42:67: warning[obsolete-registry-value/1320]: [*] The MediaCategories value Display is obsolete.
///   42 | HKLM,SYSTEM\CurrentControlSet\Control\MediaCategories\%MediaGuid%,Display,,1
///      |                                                                   ^~~~~~~
///   = why: Windows no longer reads the value, and writing it needs a global registry key.
///   = help: Delete the line.
///   = fix: Delete the obsolete value (safe)
///
/// Checked 3 INF files in 0.41 s: 4 errors, 2 warnings, 1 note (2 fixable)
/// [*] 1 fixable with --fix (1 more with --unsafe-fixes)
/// ```
///
/// The concise form (`--output-format concise`) prints only each finding's header, on one line,
/// then the summary.
public struct TextReporter: Reporter {
    /// Whether to colour the output with ANSI escape codes.
    public var colors: Bool
    /// Whether each finding is its header line alone.
    public var concise: Bool

    /// Creates a text reporter; pass `colors: true` only when the output is a terminal.
    public init(colors: Bool = false, concise: Bool = false) {
        self.colors = colors
        self.concise = concise
    }

    public func render(_ report: Report) -> String {
        var text = ""
        write(report) { text += $0 }
        return text
    }

    /// Writes one block per finding, formatted on every core (``OrderedParallel``), then the summary.
    public func write(_ report: Report, to output: (String) -> Void) {
        let style = TextStyle(colors: colors)
        let findings = report.findings
        OrderedParallel.forEachPiece(count: findings.count, empty: "") { range in
            var chunk = ""
            chunk.reserveCapacity(range.count * 512)
            // Notes that repeat from finding to finding (a rule's why and help, a fix's follow-up) are
            // formatted once.
            var notes = NoteCache()
            for finding in findings[range] {
                if concise {
                    appendHeader(for: finding, style: style, singleLine: true, to: &chunk)
                    chunk += "\n"
                } else {
                    appendBlock(for: finding, in: report, style: style, notes: &notes, to: &chunk)
                    chunk += "\n\n"
                }
            }
            return chunk
        } output: { output($0) }
        output(summaryLines(report, style: style).joined(separator: "\n") + "\n")
    }

    /// Formatted notes by what they are made of.
    private struct NoteCache {
        var ruleNotes: [String: String] = [:]
        var followUps: [String: String] = [:]
    }

    /// Appends a finding's block, its lines separated by line breaks, without a final one.
    private func appendBlock(for finding: Finding, in report: Report, style: TextStyle, notes: inout NoteCache, to out: inout String) {
        appendHeader(for: finding, style: style, to: &out)
        if let frame = CodeFrame(location: finding.location) {
            for line in frame.lines(style: style, level: finding.level) {
                out += "\n"
                out += line
            }
        }
        if let scope = finding.scope {
            out += "\n"
            appendNote("holds for", scope.description, style: style, to: &out)
        }
        for related in finding.related {
            out += "\n"
            appendNote("related", "\(related.location.displayDescription): \(related.message)", style: style, to: &out)
        }
        if let rule = report.rule(named: finding.rule) {
            out += "\n"
            if let text = notes.ruleNotes[rule.name] {
                out += text
            } else {
                var text = ""
                appendNote("why", rule.why, style: style, to: &text)
                text += "\n"
                appendNote("help", rule.fix, style: style, to: &text)
                notes.ruleNotes[rule.name] = text
                out += text
            }
        }
        if let fix = finding.fix {
            let safety = fix.safety == .safe ? "safe" : "unsafe, needs --unsafe-fixes"
            out += "\n"
            appendNote("fix", "\(fix.title) (\(safety))", style: style, to: &out)
            if let followUp = fix.followUp {
                out += "\n"
                if let text = notes.followUps[followUp] {
                    out += text
                } else {
                    var text = ""
                    appendNote("follow-up", followUp, style: style, to: &text)
                    notes.followUps[followUp] = text
                    out += text
                }
            }
        }
    }

    /// The header line, and the message's further lines indented below it.
    private func appendHeader(for finding: Finding, style: TextStyle, singleLine oneLine: Bool = false, to out: inout String) {
        // The rule and the InfVerif code of this problem (the first; JSON and SARIF list them all).
        let ruleLabel = finding.codes.first.map { "\(finding.rule)/\($0)" } ?? finding.rule
        let messageLines = textLines(oneLine ? singleLine(finding.message) : finding.message)
        out += style.bold(terminalSafe(finding.location.displayDescription) + ":")
        out += " "
        out += style.level("\(finding.level.rawValue)[\(ruleLabel)]:", finding.level)
        out += " "
        if finding.fix != nil {
            out += style.fixable("[*]")
            out += " "
        }
        out += style.bold(messageLines[0])
        for line in messageLines.dropFirst() {
            out += "\n    "
            out += line
        }
    }

    /// A `  = label: text` line, with the text's further lines indented below it.
    private func appendNote(_ label: String, _ text: String, style: TextStyle, to out: inout String) {
        let lines = textLines(text)
        out += "  "
        out += style.gutter("=")
        out += " "
        out += style.bold(label + ":")
        out += " "
        out += lines[0]
        guard lines.count > 1 else { return }
        let indent = String(repeating: " ", count: label.count + 6)
        for line in lines.dropFirst() {
            out += "\n"
            out += indent
            out += line
        }
    }

    private func summaryLines(_ report: Report, style: TextStyle) -> [String] {
        let summary = report.summary
        let what = report.binariesChecked == 0 ? counted(report.filesChecked, "INF file", "INF files")
            : report.filesChecked == 0 ? counted(report.binariesChecked, "binary", "binaries")
            : counted(report.filesChecked, "INF file", "INF files") + " and " + counted(report.binariesChecked, "binary", "binaries")
        var line = "Checked \(what) in "
            + "\(report.duration.secondsDescription): "
        let hidden = report.hidden.total == 0 ? "" : "; \(report.hidden.total) hidden: \(report.hidden.phrases.joined(separator: ", "))"
        if summary.total == 0 {
            line += style.success("no problems found") + hidden
            return [line]
        }
        let counts = [
            (summary.errors, Level.error, "error", "errors"),
            (summary.warnings, Level.warning, "warning", "warnings"),
            (summary.notes, Level.note, "note", "notes"),
        ]
        line += counts.filter { $0.0 > 0 }
            .map { style.level(counted($0.0, $0.2, $0.3), $0.1) }
            .joined(separator: ", ")
        if summary.fixable > 0 {
            line += " (\(summary.fixable) fixable)"
        }
        line += hidden
        var lines = [line]
        if summary.safeFixes > 0 {
            var hint = style.fixable("[*]") + " \(summary.safeFixes) fixable with --fix"
            if summary.unsafeFixes > 0 { hint += " (\(summary.unsafeFixes) more with --unsafe-fixes)" }
            lines.append(hint)
        } else if summary.unsafeFixes > 0 {
            lines.append(style.fixable("[*]") + " \(summary.unsafeFixes) fixable with --fix --unsafe-fixes")
        }
        return lines
    }
}

/// The lines of `text`, each safe for a terminal; never empty.
private func textLines(_ text: String) -> [String] {
    // Most texts are one line, and are not split into characters.
    if !containsLineBreak(text) { return [terminalSafe(text)] }
    return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { terminalSafe(String($0)) }
}
