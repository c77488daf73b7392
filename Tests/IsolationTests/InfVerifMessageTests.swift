import Findings
import Foundation
import INFSyntax
import IsolationEngine
import IsolationKnowledge
import IsolationRules
import TestSupport
import Testing

/// InfVerif's own words: the table of message templates, their values, and every rule's findings
/// printed as InfVerif prints them.
@Suite("InfVerif's messages")
struct InfVerifMessageTests {
    @Test("the templates are InfVerif's table, code for code", .enabled(if: SharedData.hasSharedDocs, SharedData.sharedDocsAbsent))
    func templatesMatchTheTable() throws {
        let table = try String(contentsOf: SharedData.sharedRoot.appendingPathComponent("docs/infverif-levels.tsv"), encoding: .utf8)
        var expected: [Int: String] = [:]
        for row in table.split(separator: "\n") where !row.hasPrefix("#") && !row.hasPrefix("code\t") {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 5, let code = Int(fields[0]) else { continue }
            // The table is Markdown: `\\` is one backslash, `\$` a dollar sign.
            expected[code] = fields[4].replacingOccurrences(of: "\\\\", with: "\u{0}")
                .replacingOccurrences(of: "\\$", with: "$").replacingOccurrences(of: "\u{0}", with: "\\")
        }
        #expect(expected.count > 200)
        for (code, template) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(InfVerifMessages.template(for: code) == template, "\(code)")
        }
        for code in InfVerifCodes.all.flatMap({ Array($0.codes) }) where expected[code] != nil {
            #expect(InfVerifMessages.template(for: code) != nil, "\(code) has no template")
        }
    }

    @Test("values fill the placeholders in order, and only a full set makes a message")
    func substitution() {
        #expect(InfVerifMessages.valueCount(for: 1322) == 3)
        #expect(InfVerifMessages.message(code: 1322, values: ["%11%\\a.dll", "a.dll", "13"])
            == "Destination file path '%11%\\a.dll' for file 'a.dll' is not isolated to DIRID 13.")
        #expect(InfVerifMessages.message(code: 1322, values: ["a.dll"]) == nil)
        #expect(InfVerifMessages.message(code: 1324, values: [])
            == "[Version] section should specify PnpLockdown=1 to prevent external apps from modifying installed driver files.")
        #expect(InfVerifMessages.message(code: 1222, values: ["HKLM", "SOFTWARE"])
            == "Cannot modify HKLM\\SOFTWARE registry keys, although HKLM\\SYSTEM\\CurrentControlSet is allowed.")
        #expect(InfVerifMessages.message(code: 9999, values: []) == nil)
    }

    /// The findings of a rule's triggering examples, in `mode`.
    static func exampleFindings(_ rule: any Rule.Type, mode: Mode) -> [Finding] {
        rule.triggeringExamples.flatMap { example in
            RuleExampleTests.findings(rule, Array(example.stripped.text.utf8), mode: mode)
        }
    }

    @Test("every finding of a rule with an InfVerif code reads as InfVerif's message", arguments: RuleCatalog.all.map { RuleID($0) })
    func findingsCarryInfVerifsMessage(rule: RuleID) {
        let description = rule.type.description
        guard description.codes.contains(where: { InfVerifMessages.template(for: $0) != nil }) else { return }
        let modes = [Mode.isolation, .universal, .declarative, .signature].filter { description.levels[$0] != nil }
        let findings = modes.flatMap { Self.exampleFindings(rule.type, mode: $0) }
            .filter { $0.codes.first.map { InfVerifMessages.template(for: $0) != nil } ?? false }
        let missing = findings.filter { $0.infVerifMessage == nil }
        #expect(missing.isEmpty, "\(description.name): no InfVerif message for \(missing.map { "\($0.codes.first ?? 0) at \($0.location.line): \($0.message)" })")
        for finding in findings {
            #expect(!(finding.infVerifMessage ?? "").contains(InfVerifMessages.placeholder), "\(description.name): a value is left out")
            #expect(!(finding.infVerifMessage ?? "").contains("''"), "\(description.name): an empty value in \(finding.infVerifMessage ?? "")")
        }
    }
}
