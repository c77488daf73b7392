import Findings

/// One self-contained HTML page: a summary with counts, then the findings grouped by file, each
/// with its rule and InfVerif codes, level, location, message, a code frame that marks the
/// offending columns, related places, why the rule matters, how to fix it and the automatic fix.
///
/// The page carries its CSS inline, runs no script and loads nothing, so it opens from disk or as a
/// CI artifact. Every piece of text that comes from an INF, a path or a message is HTML-escaped.
public struct HTMLReporter: Reporter {
    /// The URL that rule documentation paths are appended to for each rule's link.
    public var documentationBaseURL: String

    /// Creates an HTML reporter.
    public init(documentationBaseURL: String = RenderOptions.defaultDocumentationBaseURL) {
        self.documentationBaseURL = documentationBaseURL
    }

    public func render(_ report: Report) -> String {
        let summary = report.summary
        var body = "<header>\n<h1>Isolint report</h1>\n"
        body += "<p class=\"meta\">isolint \(htmlEscape(report.toolVersion)) · mode \(htmlEscape(report.mode.rawValue)) · "
            + "\(counted(report.filesChecked, "INF file", "INF files")) checked in \(htmlEscape(report.duration.secondsDescription))</p>\n"
        body += "<ul class=\"counts\">\n"
        body += count(summary.errors, "error", "errors", class: "error")
        body += count(summary.warnings, "warning", "warnings", class: "warning")
        body += count(summary.notes, "note", "notes", class: "note")
        body += count(summary.fixable, "fixable", "fixable", class: "fixable")
        body += "</ul>\n</header>\n"
        let files = groupedByFile(report.findings)
        if files.isEmpty {
            body += "<p class=\"clean\">No problems found.</p>\n"
            return HTMLPage.document(title: "Isolint report", body: body)
        }
        body += "<nav>\n<h2>Files</h2>\n<ol>\n"
        for (index, file) in files.enumerated() {
            let counts = ReportSummary(findings: file.findings)
            body += "<li><a href=\"#file-\(index + 1)\">\(htmlEscape(file.path))</a> "
                + "<span class=\"tally\">\(tally(counts))</span></li>\n"
        }
        body += "</ol>\n</nav>\n<main>\n"
        for (index, file) in files.enumerated() {
            body += "<section class=\"file\" id=\"file-\(index + 1)\">\n<h2>\(htmlEscape(file.path))</h2>\n"
            for finding in file.findings { body += article(for: finding, in: report) }
            body += "</section>\n"
        }
        body += "</main>\n"
        return HTMLPage.document(title: "Isolint report", body: body)
    }

    private func count(_ value: Int, _ singular: String, _ plural: String, class name: String) -> String {
        "<li class=\"\(name)\"><strong>\(value)</strong> \(value == 1 ? singular : plural)</li>\n"
    }

    private func tally(_ summary: ReportSummary) -> String {
        [(summary.errors, "error", "errors"), (summary.warnings, "warning", "warnings"), (summary.notes, "note", "notes")]
            .filter { $0.0 > 0 }.map { counted($0.0, $0.1, $0.2) }.joined(separator: ", ")
    }

    /// The findings in report order, one group per file in order of first appearance.
    private func groupedByFile(_ findings: [Finding]) -> [(path: String, findings: [Finding])] {
        var groups: [(path: String, findings: [Finding])] = []
        for finding in findings {
            if groups.last?.path == finding.location.file {
                groups[groups.count - 1].findings.append(finding)
            } else {
                groups.append((finding.location.file, [finding]))
            }
        }
        return groups
    }

    private func article(for finding: Finding, in report: Report) -> String {
        let level = finding.level.rawValue
        let rule = report.rule(named: finding.rule)
        var out = "<article class=\"finding \(level)\">\n<div class=\"head\">"
        out += "<span class=\"level \(level)\">\(level)</span> "
        let codes = finding.codes.map(String.init).joined(separator: ", ")
        let ruleName = htmlEscape(finding.rule)
        if rule != nil {
            let url = documentationURL(base: documentationBaseURL, path: "docs/rules/\(finding.rule).md")
            out += "<a class=\"rule\" href=\"\(htmlEscape(url))\">\(ruleName)</a>"
        } else {
            out += "<span class=\"rule\">\(ruleName)</span>"
        }
        if !codes.isEmpty { out += " <span class=\"codes\">InfVerif \(codes)</span>" }
        out += " <span class=\"location\">\(htmlEscape(finding.location.displayDescription))</span>"
        if finding.fix != nil { out += " <span class=\"fixable\" title=\"has an automatic fix\">[*]</span>" }
        out += "</div>\n<p class=\"message\">\(htmlEscape(finding.message))</p>\n"
        if let frame = CodeFrame(location: finding.location) { out += codeFrame(frame) }
        var notes: [(String, String)] = finding.related.map { ("related", "\($0.location.displayDescription): \($0.message)") }
        if let rule {
            notes.append(("why", rule.why))
            notes.append(("help", rule.fix))
        }
        if let fix = finding.fix {
            notes.append(("fix", "\(fix.title) (\(fix.safety == .safe ? "safe" : "unsafe, needs --unsafe-fixes"))"))
            if let followUp = fix.followUp { notes.append(("follow-up", followUp)) }
        }
        if !notes.isEmpty {
            out += "<dl>\n" + notes.map { "<dt>\(htmlEscape($0.0))</dt><dd>\(htmlEscape($0.1))</dd>\n" }.joined() + "</dl>\n"
        }
        return out + "</article>\n"
    }

    /// The source line with its number, the offending columns marked.
    private func codeFrame(_ frame: CodeFrame) -> String {
        let characters = Array(frame.displayText)
        let start = min(frame.underlineStart, characters.count)
        let end = min(start + frame.underlineWidth, characters.count)
        let before = String(characters[..<start]), marked = String(characters[start..<end]), after = String(characters[end...])
        // A range that starts past the end of the line (a missing value) is marked as one empty cell.
        let mark = marked.isEmpty ? "<mark class=\"empty\"> </mark>" : "<mark>\(htmlEscape(marked))</mark>"
        return "<pre class=\"frame\"><span class=\"gutter\">\(frame.lineNumber)</span>"
            + "\(htmlEscape(before))\(mark)\(htmlEscape(after))</pre>\n"
    }
}

/// `text` with the five HTML-special characters replaced by entities, safe in element content and
/// in quoted attribute values.
func htmlEscape(_ text: String) -> String {
    guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}

/// The frame of every HTML page isolint writes: the document head with the inline style sheet.
enum HTMLPage {
    /// A complete page titled `title` around `body` (already escaped).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(htmlEscape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static let style = """
    :root { --error: #b42318; --warning: #b54708; --note: #175cd3; --ok: #067647; --line: #d0d5dd; --muted: #667085; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1200px; padding: 24px 32px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #101828; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 28px 0 10px; word-break: break-all; }
    a { color: var(--note); }
    .meta, .tally, .location, .codes { color: var(--muted); }
    .counts { list-style: none; display: flex; gap: 12px; padding: 0; margin: 16px 0; }
    .counts li { border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; min-width: 110px; }
    .counts strong { display: block; font-size: 24px; }
    .counts .error strong { color: var(--error); } .counts .warning strong { color: var(--warning); }
    .counts .note strong { color: var(--note); } .counts .fixable strong { color: var(--ok); }
    nav ol { margin: 0; padding-left: 24px; }
    .clean { color: var(--ok); font-weight: 600; }
    .finding { border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
    .finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); } .finding.note { border-left-color: var(--note); }
    .head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
    .level { font-size: 12px; font-weight: 700; text-transform: uppercase; color: #fff; border-radius: 4px; padding: 1px 6px; background: var(--muted); }
    .level.error { background: var(--error); } .level.warning { background: var(--warning); } .level.note { background: var(--note); }
    .rule { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-weight: 600; }
    .location { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; word-break: break-all; }
    .fixable { color: var(--ok); font-weight: 700; }
    .message { margin: 6px 0; font-weight: 600; white-space: pre-wrap; }
    pre { font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f8f9fb; border: 1px solid #eaecf0; border-radius: 4px; padding: 6px 10px; overflow-x: auto; white-space: pre; }
    .gutter { color: var(--muted); display: inline-block; min-width: 3em; padding-right: 8px; margin-right: 8px; border-right: 1px solid var(--line); text-align: right; user-select: none; }
    mark { background: #fee4e2; color: inherit; text-decoration: underline wavy var(--error); text-underline-offset: 3px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0; }
    dt { color: var(--muted); font-weight: 600; } dd { margin: 0; white-space: pre-wrap; }
    .tree, .tree ul { list-style: none; padding-left: 20px; margin: 2px 0; }
    .tree > li { margin: 6px 0; }
    .tree li { border-left: 1px solid var(--line); padding-left: 10px; }
    .tree .label { font-weight: 600; }
    .tree li > div { padding-left: 16px; }
    .tree code, .plan code { font: 13px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: break-all; }
    .badge { font-size: 12px; font-weight: 700; border-radius: 4px; padding: 0 6px; margin-left: 6px; white-space: nowrap; }
    .badge.isolated { color: var(--ok); border: 1px solid var(--ok); }
    .badge.not-isolated { color: var(--error); border: 1px solid var(--error); }
    .dim { color: var(--muted); }
    """
}
