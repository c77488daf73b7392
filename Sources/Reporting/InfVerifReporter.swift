import Findings

/// Output in the shape of Microsoft's InfVerif, for build scripts and log parsers written against it.
///
/// ```
/// ERROR(1322) in Driver\toaster.inf, line 30: Destination file path '%11%' for file 'toaster.sys' is not isolated to DIRID 13.
/// WARN (2083) in Driver\toaster.inf, line 42: Section [Unused] not referenced or used.
/// INF is NOT VALID
/// INF is VALID
/// Checked 2 INF(s) in 0 m 0 s 412 ms
/// ```
///
/// Each INF's findings come in a block that ends with `INF is VALID` (no error) or `INF is NOT VALID`;
/// the last line counts the INFs. The message is InfVerif's own for the code, with the finding's
/// values, when the rule gives them, and Isolint's sentence otherwise. The number is the finding's
/// InfVerif code; a rule without one shows its name. Verbose output (InfVerif's `/v`) starts with
/// InfVerif's banner and puts `Checking <file>` before each block. Findings in other files (binaries
/// of a package) come last, before the count, under their own `Checking` lines, without a verdict:
/// InfVerif does not read binaries. Notes, which InfVerif does not have, print as `NOTE `. A finding
/// about a whole file has no line, one in a binary gives its offset. Each finding stays on one line:
/// line breaks in messages become spaces, and other control characters become visible symbols.
public struct InfVerifReporter: Reporter {
    /// Whether to print InfVerif's verbose banner and `Checking` lines.
    public var verbose: Bool

    /// Creates an InfVerif-style reporter.
    public init(verbose: Bool = false) {
        self.verbose = verbose
    }

    public func render(_ report: Report) -> String {
        var lines: [String] = verbose ? banner(report.mode) : []
        var byFile: [String: [Finding]] = [:]
        var order: [String] = []
        for finding in report.findings {
            if byFile[finding.location.file] == nil { order.append(finding.location.file) }
            byFile[finding.location.file, default: []].append(finding)
        }
        let infs = report.checkedFiles.isEmpty ? order : report.checkedFiles
        var printed = Set<String>()
        for file in infs where printed.insert(file).inserted {
            let findings = byFile[file] ?? []
            if verbose { lines.append("Checking \(terminalSafe(file))") }
            lines += findings.map(line(for:))
            lines.append(findings.contains { $0.level == .error } ? "INF is NOT VALID" : "INF is VALID")
        }
        for file in order where printed.insert(file).inserted {
            if verbose { lines.append("Checking \(terminalSafe(file))") }
            lines += (byFile[file] ?? []).map(line(for:))
        }
        lines.append("Checked \(report.filesChecked) INF(s) in \(report.duration.infVerifDescription)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// What InfVerif's `/v` prints before the first INF in `mode`; a mode whose banner is not
    /// published (`/k`, no mode switch) has none of its own.
    private func banner(_ mode: Mode) -> [String] {
        var lines = ["Running in Verbose"]
        switch mode {
        case .isolation: lines.append("Running Windows Driver INF check")
        case .universal: lines.append("Running Universal INF check")
        case .signature: lines.append("Running signature requirements check")
        case .declarative, .desktop: break
        }
        lines.append("Running in Console output mode")
        return lines
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
        let message = finding.infVerifMessage ?? finding.message
        return "\(label(finding.level))(\(code)) \(place): \(terminalSafe(singleLine(message)))"
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
