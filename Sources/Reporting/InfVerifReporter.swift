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
        // One string grows line by line; a file's name is made terminal-safe once for all its findings.
        var output = ""
        output.reserveCapacity(report.findings.count * 128 + 64)
        if verbose {
            for line in banner(report.mode) { output += line + "\n" }
        }
        var byFile: [String: [Finding]] = [:]
        var order: [String] = []
        for finding in report.findings {
            if byFile[finding.location.file] == nil { order.append(finding.location.file) }
            byFile[finding.location.file, default: []].append(finding)
        }
        func block(_ file: String, verdict: Bool) {
            let findings = byFile[file] ?? []
            let place = terminalSafe(file)
            if verbose { output += "Checking " + place + "\n" }
            for finding in findings { append(finding, in: place, to: &output) }
            if verdict { output += findings.contains { $0.level == .error } ? "INF is NOT VALID\n" : "INF is VALID\n" }
        }
        let infs = report.checkedFiles.isEmpty ? order : report.checkedFiles
        var printed = Set<String>()
        for file in infs where printed.insert(file).inserted { block(file, verdict: true) }
        for file in order where printed.insert(file).inserted { block(file, verdict: false) }
        output += "Checked \(report.filesChecked) INF(s) in \(report.duration.infVerifDescription)\n"
        return output
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

    /// Appends the line of `finding`, whose file prints as `file`.
    private func append(_ finding: Finding, in file: String, to output: inout String) {
        output += label(finding.level)
        output += "("
        output += finding.codes.first.map(String.init) ?? finding.rule
        output += ") in "
        output += file
        let location = finding.location
        if let offset = location.binaryOffset {
            output += ", offset " + hexadecimal(offset)
        } else if !location.isWholeFile {
            output += ", line " + String(location.line)
        }
        output += ": "
        output += terminalSafe(singleLine(finding.infVerifMessage ?? finding.message))
        output += "\n"
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
