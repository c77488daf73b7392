import Findings

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
/// which GitHub shows as an annotation on the file.
///
/// ```
/// ::error file=Driver/toaster.inf,line=30,col=1,endLine=30,endColumn=41,title=isolint (global-service-key/1320)::message%0Ahelp: …
/// ```
///
/// Single-line ranges give `line`, `col`, `endLine` and `endColumn`; ranges over several lines
/// give only the lines (GitHub rejects columns there); findings about a whole file or in a binary
/// give only the file (the binary offset leads the message). The message continues with the
/// related places and the rule's fix text on further lines. GitHub shows at most 10 annotations
/// of each level per step (and 50 per job), so errors come first, then warnings, then notes, and
/// when a level has more, a closing notice says so and points to SARIF.
public struct GitHubReporter: Reporter {
    /// GitHub's per-step limit of annotations of one level.
    static let annotationsPerLevel = 10

    /// Creates a GitHub Actions reporter.
    public init() {}

    public func render(_ report: Report) -> String {
        // GitHub keeps the first annotations of a step: the most severe come first, in report order within a level.
        let order = report.findings.indices.sorted {
            report.findings[$0].level > report.findings[$1].level || report.findings[$0].level == report.findings[$1].level && $0 < $1
        }
        var lines = order.map { command(for: report.findings[$0], in: report) }
        let summary = report.summary
        if Level.allCases.contains(where: { summary.count(of: $0) > Self.annotationsPerLevel }) {
            let message = "GitHub shows at most \(Self.annotationsPerLevel) annotations of each level per step; "
                + "this run reported \(counted(summary.errors, "error", "errors")), "
                + "\(counted(summary.warnings, "warning", "warnings")) and \(counted(summary.notes, "note", "notes")). "
                + "Upload the SARIF report (--output-format sarif) to code scanning to see every finding."
            lines.append("::notice title=\(escapeProperty("isolint"))::\(escapeData(message))")
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private func command(for finding: Finding, in report: Report) -> String {
        let location = finding.location
        var properties = [("file", forwardSlashes(location.file))]
        if location.line > 0, !location.isBinary {
            properties.append(("line", String(location.line)))
            if !location.isMultiLine, location.column > 0 {
                properties.append(("col", String(location.column)))
            }
            properties.append(("endLine", String(Swift.max(location.endLine, location.line))))
            if !location.isMultiLine, location.column > 0, location.endColumn > 0 {
                properties.append(("endColumn", String(location.endColumn)))
            }
        }
        // The rule and the InfVerif code of this problem (the first; JSON and SARIF list them all).
        let ruleLabel = ([finding.rule] + finding.codes.prefix(1).map(String.init)).joined(separator: "/")
        properties.append(("title", "isolint (\(ruleLabel))"))

        var message = finding.message
        if let offset = location.binaryOffset {
            message = "offset \(hexadecimal(offset)): " + message
        }
        for related in finding.related {
            message += "\nrelated: \(related.location.displayDescription): \(related.message)"
        }
        if let rule = report.rule(named: finding.rule) {
            message += "\nhelp: \(rule.fix)"
        }
        let propertyText = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(commandName(finding.level)) \(propertyText)::\(escapeData(message))"
    }

    private func commandName(_ level: Level) -> String {
        switch level {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }
}

/// A workflow command's message, escaped as GitHub requires: `%` as `%25`, CR as `%0D`, LF as `%0A`.
func escapeData(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "%": result += "%25"
        case "\r": result += "%0D"
        case "\n": result += "%0A"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// A workflow command's property value, escaped as GitHub requires: as ``escapeData(_:)``, and
/// also `:` as `%3A` and `,` as `%2C`.
func escapeProperty(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "%": result += "%25"
        case "\r": result += "%0D"
        case "\n": result += "%0A"
        case ":": result += "%3A"
        case ",": result += "%2C"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}
