import Findings
import Fixing
import Foundation
import INFSyntax
import IsolationEngine
import IsolationRules
import TestSupport
import Testing

/// Applies each fixable rule's fixes to its before-examples and checks the result: exactly the
/// after-text, in LF, CRLF and UTF-16LE; it re-parses; a second run changes nothing; the rule no
/// longer fires.
@Suite("Rule fix examples")
struct RuleFixExampleTests {
    /// The fixable rules whose fix examples run: every one, or the one ISOLINT_RULE names.
    static let fixable = RuleCatalog.all.filter { rule in
        rule.description.fixable && (ProcessInfo.processInfo.environment["ISOLINT_RULE"].map { $0 == rule.description.name } ?? true)
    }.map { FixableRule($0) }


    @Test("every fixable rule has fix examples", arguments: fixable)
    func hasFixExamples(rule: FixableRule) {
        #expect(!rule.type.fixExamples.isEmpty, "\(rule) is fixable but shows no before/after example")
    }

    @Test("fixes give the after-text, re-parse, are idempotent and silence the rule", arguments: fixable)
    func fixExamples(rule: FixableRule) {
        // A rule that judges other findings runs with the whole catalog; only its own fixes apply.
        let checker = Checker(options: CheckOptions(), rules: rule.type.readsOtherFindings ? RuleCatalog.all : [rule.type])
        let engine = FixEngine(checker: checker, options: FixOptions(unsafe: true))
        let name = rule.type.description.name
        let own: @Sendable ([Finding]) -> [Finding] = { findings in findings.filter { $0.rule == name } }
        for example in rule.type.fixExamples {
            // Files end with a line end, as the examples' last lines do in a real file.
            for variant in EncodingVariant.allCases {
                let before = variant.encode(example.before + "\n")
                let result = engine.fix(bytes: before, displayPath: "example.inf", keep: own)
                #expect(result.refusal == nil, "\(rule) [\(variant)]: \(result.refusal?.description ?? "")", sourceLocation: example.sourceLocation)
                let matches = result.fixed == variant.encode(example.after + "\n")
                #expect(matches, "\(rule) [\(variant)]: got\n\(String(decoding: SourceFile(path: "x", bytes: result.fixed).text.units, as: UTF16.self))",
                        sourceLocation: example.sourceLocation)
                let tree = INFParser.parse(bytes: result.fixed, path: "example.inf")
                #expect(tree.readError == nil)
                #expect(tree.print() == result.fixed)
                let again = engine.fix(bytes: result.fixed, displayPath: "example.inf", keep: own)
                #expect(!again.changed, "\(rule) [\(variant)]: a second run changed the file again", sourceLocation: example.sourceLocation)
                let remaining = checker.check(tree: tree, displayPath: "example.inf").filter { $0.rule == rule.type.description.name }
                #expect(remaining.isEmpty, "\(rule) [\(variant)]: still reported: \(remaining.map(\.message))", sourceLocation: example.sourceLocation)
            }
        }
    }
}

/// A fixable rule type wrapped for use as a test argument.
struct FixableRule: CustomStringConvertible, Sendable {
    let type: any Rule.Type
    init(_ type: any Rule.Type) { self.type = type }
    var description: String { type.description.name }
}
