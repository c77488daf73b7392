import Findings

/// Lines in the style of Microsoft's InfVerif, for build scripts and log parsers written against it.
///
/// ```
/// ERROR(1320) in Driver/toaster.inf, line 30: message
/// WARN (1320) in Driver/toaster.inf, line 42: message
/// ERROR(binary-hardcoded-registry-path) in Driver/toaster.sys, offset 0x1A2B: message
/// Checked 4 INF(s) in 0 m 0 s 412 ms
/// ```
///
/// The number is the rule's first InfVerif code; a rule without one shows its name instead. Notes,
/// which InfVerif does not have, print as `NOTE `. A finding about a whole file has no line, one in
/// a binary gives its offset. Each finding stays on one line: line breaks in messages become spaces,
/// and other control characters become visible symbols as in the text format.
public struct InfVerifReporter: Reporter {
    /// Creates an InfVerif-style reporter.
    public init() {}

    public func render(_ report: Report) -> String {
        var lines = report.findings.map(line(for:))
        lines.append("Checked \(report.filesChecked) INF(s) in \(report.duration.infVerifDescription)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(for finding: Finding) -> String {
        let code = finding.codes.first.map(String.init) ?? finding.rule
        let location = finding.location
        var place = "in \(terminalSafe(location.file))"
        if let offset = location.binaryOffset {
            place += ", offset \(hexadecimal(offset))"
        } else if !location.isWholeFile {
            place += ", line \(location.line)"
        }
        return "\(label(finding.level))(\(code)) \(place): \(terminalSafe(singleLine(finding.message)))"
    }

    /// InfVerif's level labels, padded to the width of `ERROR`.
    private func label(_ level: Level) -> String {
        switch level {
        case .error: return "ERROR"
        case .warning: return "WARN "
        case .note: return "NOTE "
        }
    }
}
