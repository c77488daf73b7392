import Findings
import INFSyntax
import IsolationEngine
import IsolationKnowledge

/// Where a finding of a code stands in the INF, the way InfVerif prints its line.
public enum LineConvention: String, Sendable, CaseIterable, Comparable {
    /// No line: the finding is about the whole file.
    case file = "the file"
    /// The header of the section the finding is about (`[Files]`).
    case header = "the section header"
    /// The line of the directive, entry or value the finding is about.
    case entry = "the entry"

    public static func < (a: LineConvention, b: LineConvention) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// What the rules' own examples show about one InfVerif code: which rules report it, at which level
/// in each of InfVerif's modes, and on which kind of line. The examples are tests, so every fact here
/// is one the test suite checks.
public struct CodeEvidence: Sendable {
    public let code: Int
    /// The rules whose triggering examples report the code first.
    public var rules: Set<String> = []
    /// The levels the findings have in each mode (`w h u k`), over every example that reports the code.
    public var levels: [Mode: Set<Level>] = [:]
    /// Where the findings stand.
    public var lines: Set<LineConvention> = []

    /// The evidence of every code that some triggering example of `rules` reports first, by code.
    public static func collect(rules: [any Rule.Type] = RuleCatalog.all) -> [Int: CodeEvidence] {
        var result: [Int: CodeEvidence] = [:]
        for rule in rules {
            for mode in [Mode.isolation, .signature, .universal, .declarative] {
                for example in rule.triggeringExamples {
                    let (tree, findings) = RuleExample.check(rule, bytes: Array(example.stripped.text.utf8), mode: mode)
                    for finding in findings {
                        guard let code = finding.codes.first else { continue }
                        var evidence = result[code] ?? CodeEvidence(code: code)
                        evidence.rules.insert(rule.description.name)
                        evidence.levels[mode, default: []].insert(finding.level)
                        evidence.lines.insert(convention(of: finding.location, in: tree))
                        result[code] = evidence
                    }
                }
            }
        }
        return result
    }

    /// The kind of line `location` stands on in `tree`.
    static func convention(of location: Location, in tree: SyntaxTree) -> LineConvention {
        guard !location.isWholeFile else { return .file }
        let line = tree.lines.first { location.line >= $0.firstPhysicalLine && location.line < $0.firstPhysicalLine + max(1, $0.physicalLineCount) }
        return line?.header != nil ? .header : .entry
    }
}
