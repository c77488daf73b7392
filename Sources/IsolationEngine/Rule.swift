import Findings
import INFModel

/// A check over one INF file: its documentation, its examples, and the function that finds problems.
///
/// Each rule is one type. Its examples are INF texts; in a triggering example a `↓` marks the place
/// every finding starts (the marker is removed before the text is checked). The test suite runs every
/// example of every rule, also re-encoded as UTF-16LE and with CRLF line ends.
public protocol Rule: Sendable {
    /// Name, InfVerif codes, title, why, fix text, levels per mode.
    static var description: RuleDescription { get }
    /// INF texts the rule must report, with `↓` where each finding starts.
    static var triggeringExamples: [RuleExample] { get }
    /// INF texts the rule must not report.
    static var nonTriggeringExamples: [RuleExample] { get }
    /// Whether the rule is about the file's encoding, so its examples are not re-encoded as UTF-16LE.
    static var examplesDependOnEncoding: Bool { get }
    /// For a rule with a fix: INF texts before and after applying every fix the rule offers.
    static var fixExamples: [FixExample] { get }
    /// The rule as a rule that also reads binaries, if it is one (given without a cast to the
    /// protocol, which searches every conformance of the program).
    static var binaryRule: (any BinaryRule.Type)? { get }
    /// Whether the rule judges what the other rules reported (suppressions that silence nothing): it
    /// then runs after every other rule, with ``RuleContext/suppressionAudit`` set.
    static var readsOtherFindings: Bool { get }

    init()

    /// The problems the rule finds in a file.
    func check(_ context: RuleContext) -> [Violation]
}

extension Rule {
    public static var binaryRule: (any BinaryRule.Type)? { nil }

    public static var readsOtherFindings: Bool { false }

    /// The rule's name.
    public static var name: String { description.name }

    public static var examplesDependOnEncoding: Bool { false }

    public static var fixExamples: [FixExample] { [] }
}

/// Builds the level table of a rule from the catalog's `w h u k` columns.
///
/// `E`, `W`, `N` are error, warning and note, `-` is off, and `E*` is an error that signature mode
/// lowers for keys and DIRIDs on its exception list. In `desktop` mode every rule is at most a warning.
public func levels(_ columns: String) -> [Mode: Level] {
    let parts = columns.split(separator: " ").map { String($0.filter { $0 != "*" }) }
    func level(_ text: String) -> Level? {
        switch text {
        case "E": return .error
        case "W": return .warning
        case "N": return .note
        default: return nil
        }
    }
    var table: [Mode: Level] = [:]
    let modes: [Mode] = [.isolation, .signature, .universal, .declarative]
    for (mode, text) in zip(modes, parts) {
        if let value = level(text) { table[mode] = value }
    }
    if let strongest = table.values.max() { table[.desktop] = min(strongest, .warning) }
    return table
}

/// An INF text of a rule's examples, with the place in the source where it is written, so that a
/// failing example points at itself.
public struct RuleExample: Sendable {
    public let text: String
    /// The source file and line of the example.
    public let filePath: String
    public let line: Int

    public init(_ text: String, filePath: String = #filePath, line: Int = #line) {
        self.text = text
        self.filePath = filePath
        self.line = line
    }
}

/// An INF text before and after a rule's fixes are applied, with the place where it is written.
public struct FixExample: Sendable {
    public let before: String
    public let after: String
    /// The source file and line of the example.
    public let filePath: String
    public let line: Int

    public init(before: String, after: String, filePath: String = #filePath, line: Int = #line) {
        self.before = before
        self.after = after
        self.filePath = filePath
        self.line = line
    }
}
