import DriverPackage
import Findings
import Foundation
import INFSyntax
import IsolationEngine
import IsolationRules
import TestSupport
import Testing

/// Runs every rule's examples: triggering examples must produce findings exactly where their `↓`
/// markers stand, non-triggering examples none. Each example is also checked in UTF-16LE with a BOM
/// and with CRLF line ends.
@Suite("Rule examples")
struct RuleExampleTests {
    /// The rules whose examples run: every rule, or the one ISOLINT_RULE names.
    static let selectedRules = RuleCatalog.all.filter { rule in
        ProcessInfo.processInfo.environment["ISOLINT_RULE"].map { $0 == rule.description.name } ?? true
    }

    static func findings(_ rule: any Rule.Type, _ bytes: [UInt8], mode: Mode = .isolation) -> [Finding] {
        RuleExample.check(rule, bytes: bytes, mode: mode, others: RuleCatalog.all).findings
    }

    /// A binary rule's examples may be binaries only (they run in `BinaryRuleExampleTests`).
    @Test("every rule has examples of both kinds", arguments: selectedRules.map { RuleID($0) })
    func hasExamples(rule: RuleID) {
        let binaryExamples = rule.type.binaryRule?.binaryExamples ?? []
        #expect(!rule.type.triggeringExamples.isEmpty || binaryExamples.contains { !$0.reports.isEmpty },
                "\(rule) has no triggering example")
        #expect(!rule.type.nonTriggeringExamples.isEmpty || binaryExamples.contains { $0.reports.isEmpty },
                "\(rule) has no non-triggering example")
    }

    @Test("triggering examples report exactly at their markers", arguments: selectedRules.map { RuleID($0) })
    func triggering(rule: RuleID) {
        for example in rule.type.triggeringExamples {
            let at = example.sourceLocation
            let (text, markers) = example.stripped
            #expect(!markers.isEmpty, "\(rule): a triggering example needs a ↓ marker", sourceLocation: at)
            for variant in EncodingVariant.allCases where variant != .utf16 || !rule.type.examplesDependOnEncoding {
                let found = Self.findings(rule.type, variant.encode(text))
                let positions = found.map { SourcePosition(line: $0.location.line, column: $0.location.column) }
                let expected = markers
                for finding in found {
                    #expect(Set(finding.codes) == Set(rule.type.description.codes),
                            "\(rule): a finding names codes \(finding.codes) that are not the rule's \(rule.type.description.codes)",
                            sourceLocation: at)
                }
                #expect(positions.sorted() == expected.sorted(),
                        "\(rule) [\(variant)]: expected findings at \(expected), got \(found.map { "\($0.location.line):\($0.location.column) \($0.message)" })\n\(text)",
                        sourceLocation: at)
            }
        }
    }

    @Test("non-triggering examples report nothing", arguments: selectedRules.map { RuleID($0) })
    func nonTriggering(rule: RuleID) {
        for example in rule.type.nonTriggeringExamples {
            for variant in EncodingVariant.allCases where variant != .utf16 || !rule.type.examplesDependOnEncoding {
                let found = Self.findings(rule.type, variant.encode(example.text))
                #expect(found.isEmpty, "\(rule) [\(variant)]: unexpected \(found.map { "\($0.location.line):\($0.location.column) \($0.message)" })\n\(example.text)",
                        sourceLocation: example.sourceLocation)
            }
        }
    }
}

/// A rule type wrapped for use as a test argument.
struct RuleID: CustomStringConvertible, Sendable {
    let type: any Rule.Type
    init(_ type: any Rule.Type) { self.type = type }
    var description: String { type.description.name }
}
