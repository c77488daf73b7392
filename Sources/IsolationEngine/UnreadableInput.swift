import DriverPackage
import Findings
import INFSyntax
import IsolationKnowledge

/// How the engine reports what it could not check — a file it cannot read, a folder that hides files —
/// under the rule that reports text SetupAPI rejects, whose name and codes are these.
public enum UnreadableInput {
    /// The rule's name.
    public static let rule = "syntax-error"
    /// Its InfVerif codes: 1002 (a syntax error), 1000 (an INF that cannot be opened).
    public static let codes = [1002, 1000]
    /// The code InfVerif prints for an INF it cannot open.
    static let notFound = 1000

    /// The finding for a problem that hides files from the check (a folder that cannot be read).
    public static func finding(for problem: DiscoveryProblem) -> Finding {
        Finding(rule: rule, codes: [notFound] + codes.filter { $0 != notFound }, level: .error,
                message: "Not checked: \(problem.description)", location: .wholeFile(problem.path),
                infVerifMessage: InfVerifMessages.message(code: notFound, values: [problem.path]))
    }

    /// The finding for a file that cannot be read (permissions, a FIFO or device, over the size limit).
    public static func finding(for error: SourceReadError, displayPath: String) -> Finding {
        Finding(rule: rule, codes: [notFound] + codes.filter { $0 != notFound }, level: .error,
                message: "The file cannot be read: \(error.description)", location: .wholeFile(displayPath),
                infVerifMessage: InfVerifMessages.message(code: notFound, values: [displayPath]))
    }
}
