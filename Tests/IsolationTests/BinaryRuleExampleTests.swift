import Findings
import Foundation
import IsolationEngine
import IsolationRules
import TestSupport
import Testing

/// Runs every binary rule's examples: each example becomes a package folder holding its INF and
/// fixture binaries, checked with that rule alone. A triggering example must give exactly its
/// findings, at its levels, each pointing at an offset that spells what it reports; a
/// non-triggering example none.
@Suite("Binary rule examples")
struct BinaryRuleExampleTests {
    static let binaryRules = RuleCatalog.all.compactMap { $0.binaryRule }.map { BinaryRuleID($0) }

    @Test("a rule gives itself as a binary rule exactly when it is one")
    func binaryRuleMatchesConformance() {
        for rule in RuleCatalog.all {
            #expect((rule as? any BinaryRule.Type != nil) == (rule.binaryRule != nil), "\(rule.description.name)")
        }
        #expect(!Self.binaryRules.isEmpty)
    }

    @Test("every binary rule has a triggering and a non-triggering binary example", arguments: binaryRules)
    func hasExamples(rule: BinaryRuleID) {
        #expect(rule.type.binaryExamples.contains { !$0.reports.isEmpty }, "\(rule) has no triggering binary example")
        #expect(rule.type.binaryExamples.contains { $0.reports.isEmpty }, "\(rule) has no non-triggering binary example")
    }

    @Test("binary examples report exactly what they list", arguments: binaryRules)
    func examples(rule: BinaryRuleID) throws {
        let name = rule.type.description.name
        for (index, example) in rule.type.binaryExamples.enumerated() {
            let package = try TemporaryPackage(example)
            let found = package.check(.only(name)).findings.filter { $0.rule == name }
            let label = "\(rule) example \(index + 1)"
            let at = example.sourceLocation
            #expect(found.count == example.reports.count,
                    "\(label): expected \(example.reports.count) findings, got \(found.map { "\($0.level) \($0.message)" })", sourceLocation: at)
            var unmatched = found
            for report in example.reports {
                let match = try unmatched.firstIndex { finding in
                    guard finding.level == report.level, let offset = finding.location.binaryOffset else { return false }
                    guard let text = report.text else { return true }
                    let binary = try #require(example.files.first { finding.location.file.hasSuffix("/" + $0.path) })
                    let bytes = try package.bytes(binary.path)
                    return finding.message.contains(text) && spells(bytes, text, at: offset)
                }
                guard let match else {
                    Issue.record("\(label): no \(report.level) finding shows '\(report.text ?? "the file")' at its offset; got \(found.map { "\($0.level) +\($0.location.binaryOffset ?? -1) \($0.message)" })", sourceLocation: at)
                    continue
                }
                unmatched.remove(at: match)
            }
            for finding in found {
                #expect(finding.location.line == 0 && finding.location.column == 0, "\(label): a binary finding has no line", sourceLocation: at)
                let installed = example.inf.contains(URL(fileURLWithPath: finding.location.file).lastPathComponent)
                if installed {
                    #expect(finding.related.contains { $0.location.file.hasSuffix("example.inf") && $0.location.line > 0 },
                            "\(label): the finding does not name the line that installs the binary", sourceLocation: at)
                }
            }
        }
    }
}

/// A binary rule type wrapped for use as a test argument.
struct BinaryRuleID: CustomStringConvertible, Sendable {
    let type: any BinaryRule.Type
    init(_ type: any BinaryRule.Type) { self.type = type }
    var description: String { type.description.name }
}
