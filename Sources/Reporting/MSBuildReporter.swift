import Findings

/// MSBuild's canonical error lines, which Visual Studio's Error List and VS Code's `$msCompile`
/// problem matcher read, so that a driver project's build shows Isolint's findings where it shows
/// the compiler's:
///
/// ```
/// Driver\toaster.inf(30,1,30,41): error IV1322: Destination DIRID 12 … is not isolated [destination-not-driver-store]
/// ```
///
/// The place is `(line,column,endLine,endColumn)` for a range, `(1)` for a finding about a whole
/// file or in a binary (whose offset leads the message). The code is `IV` and the InfVerif code
/// when the finding has one, otherwise `IS` and a number derived from the rule's name (the same in
/// every version): codes of one or two letters and digits are what the matchers accept. Notes are
/// `info`. The rule's name ends the message; each finding stays on one line.
public struct MSBuildReporter: Reporter {
    /// Creates an MSBuild-format reporter.
    public init() {}

    public func render(_ report: Report) -> String {
        var output = ""
        for finding in report.findings { output += line(for: finding) + "\n" }
        return output
    }

    private func line(for finding: Finding) -> String {
        let location = finding.location
        var place = "(1)"
        if location.line > 0, !location.isBinary {
            place = location.column > 0 && location.endColumn > 0
                ? "(\(location.line),\(location.column),\(Swift.max(location.endLine, location.line)),\(location.endColumn))"
                : "(\(location.line))"
        }
        var message = singleLine(finding.message)
        if let offset = location.binaryOffset { message = "offset \(hexadecimal(offset)): " + message }
        return "\(terminalSafe(location.file))\(place): \(Self.category(finding.level)) \(Self.code(for: finding)): "
            + "\(terminalSafe(message)) [\(finding.rule)]"
    }

    /// MSBuild's category for a level.
    static func category(_ level: Level) -> String {
        switch level {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "info"
        }
    }

    /// `IV` and the finding's InfVerif code, or `IS` and four digits from the rule's name.
    static func code(for finding: Finding) -> String {
        if let code = finding.codes.first { return "IV\(code)" }
        // FNV-1a over the name, folded into 1000…9999: the same number in every version.
        var hash: UInt32 = 2_166_136_261
        for byte in finding.rule.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return "IS\(1000 + hash % 9000)"
    }
}
