import Findings
import INFSyntax
import IsolationEngine
import IsolationKnowledge
import IsolationRules
import Testing

/// Every InfVerif code Isolint reports, shown by the rules' own examples (each a fixture that triggers
/// the code at its marked line, beside fixtures that do not): the code is reported, at InfVerif's
/// level in each mode, on the kind of line InfVerif prints.
@Suite("InfVerif codes, code by code")
struct InfVerifCodeParityTests {
    static let evidence = CodeEvidence.collect()

    /// InfVerif's level for `code` in `mode` (`E`, `W` or `-`), from its table.
    static func tableLevel(_ code: Int, _ mode: Mode) -> Character? {
        guard let entry = InfVerifCodes.entry(for: code) else { return nil }
        let columns = entry.levels.split(separator: " ")
        let column: Int
        switch mode {
        case .declarative: column = 0
        case .universal: column = 1
        case .isolation: column = 2
        default: return nil
        }
        return column < columns.count ? columns[column].first : nil
    }

    @Test("every code a rule lists is reported first by one of its triggering examples")
    func everyCodeHasATriggeringExample() {
        for rule in RuleCatalog.descriptions {
            for code in rule.codes where code != UnreadableInput.codes.last {
                #expect(Self.evidence[code]?.rules.contains(rule.name) == true,
                        "\(rule.name) lists \(code), but none of its triggering examples reports it")
            }
        }
    }

    @Test("a file that cannot be read is 1000 on the file, an error in every mode")
    func unreadableFile() {
        let finding = UnreadableInput.finding(for: SourceReadError(path: "x.inf", reason: .notRegularFile("a FIFO")), displayPath: "x.inf")
        #expect(finding.codes.first == 1000)
        #expect(finding.location.isWholeFile)
        #expect(finding.level == .error)
        #expect(finding.infVerifMessage == "INF 'x.inf' could not be found.")
    }

    @Test("in /k, /u and /w each code is reported at InfVerif's level: never where it is off, an error only where it is one")
    func levelsPerCodeFollowTheTable() {
        for (code, evidence) in Self.evidence.sorted(by: { $0.key < $1.key }) {
            for mode in [Mode.declarative, .universal, .isolation] {
                guard let table = Self.tableLevel(code, mode) else { continue }
                let levels = evidence.levels[mode] ?? []
                switch table {
                case "-":
                    #expect(levels.isEmpty, "\(code) is off in \(mode) but \(evidence.rules.sorted()) report it")
                case "W":
                    #expect(!levels.contains(.error), "\(code) is a warning in \(mode) but \(evidence.rules.sorted()) report an error")
                default:
                    break
                }
            }
        }
    }
}
