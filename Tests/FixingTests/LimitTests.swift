import Findings
import Fixing
import Foundation
import INFModel
import INFSyntax
import IsolationEngine
import IsolationRules
import Testing

/// Adversarial sizes: a 10 MB line and 100,000 chained sections are parsed, modelled, checked and
/// fixed to the end. Only results are asserted; Benchmarks/bench.py measures their time.
@Suite("Limits")
struct LimitTests {
    static let head = "[Version]\r\nSignature=\"$Windows NT$\"\r\nClass=System\r\nProvider=%P%\r\n[Strings]\r\nP=\"x\"\r\n"

    static func check(_ text: String) -> (tree: SyntaxTree, findings: [Finding]) {
        let tree = INFParser.parse(bytes: Array(text.utf8), path: "limit.inf")
        let findings = Checker(options: CheckOptions(scansBinaries: false)).check(tree: tree, displayPath: "limit.inf")
        return (tree, findings)
    }

    @Test("one 10 MB line with a field every 64 bytes")
    func tenMegabyteLine() {
        let fields = 10 * 1024 * 1024 / 64
        let text = Self.head + "[Big]\r\nk = " + String(repeating: String(repeating: "a", count: 63) + ",", count: fields) + "\r\n"
        let (tree, findings) = Self.check(text)
        #expect(tree.print() == Array(text.utf8))
        let document = INFDocument(tree: tree)
        let line = document.section(named: "big")?.lines.first
        #expect(line?.fields.count == fields + 1)
        #expect(line?.key == "k")
        #expect(findings.allSatisfy { $0.location.line <= 9 })
    }

    @Test("one 10 MB field, and a line continued 100,000 times")
    func longFieldAndContinuations() {
        let field = Self.head + "[Big]\r\nk = " + String(repeating: "b", count: 10 * 1024 * 1024) + "\r\n"
        let (fieldTree, fieldFindings) = Self.check(field)
        #expect(fieldTree.print() == Array(field.utf8))
        // The tree keeps the field; the model holds what SetupAPI returns, its first 4,096 characters.
        #expect(INFDocument(tree: fieldTree).section(named: "Big")?.lines.first?.rawField(1)?.count == 10 * 1024 * 1024)
        #expect(INFDocument(tree: fieldTree).section(named: "Big")?.lines.first?.fields.first?.count == SetupLimits.maximumStringLength)
        #expect(fieldFindings.contains { $0.message.contains("4096") || $0.rule.contains("length") })
        let continued = Self.head + "[Chain]\r\n" + String(repeating: "a,\\\r\n", count: 100_000) + "z\r\n"
        let (tree, _) = Self.check(continued)
        #expect(tree.print() == Array(continued.utf8))
        let lines = INFDocument(tree: tree).section(named: "Chain")?.lines
        #expect(lines?.count == 1)
        #expect(lines?.first?.fields.count == 100_001)
    }

    @Test("100,000 sections, each reaching the next")
    func hundredThousandSections() {
        var text = Self.head + "[Manufacturer]\r\nM = Models\r\n[Models]\r\nDev = S0, ROOT\\DEV\r\n"
        for index in 0..<100_000 { text += "[S\(index)]\r\nKmdfService = svc, S\(index + 1)\r\n" }
        let (tree, findings) = Self.check(text)
        #expect(tree.print() == Array(text.utf8))
        let document = INFDocument(tree: tree)
        #expect(document.section(named: "s99999") != nil)
        #expect(document.sections.count == 100_000 + 4) // Version, Strings, Manufacturer, Models
        #expect(!findings.isEmpty)
        let fixed = FixEngine(checker: Checker(options: CheckOptions(scansBinaries: false)), options: FixOptions(unsafe: true))
            .fix(bytes: Array(text.utf8), displayPath: "limit.inf")
        #expect(INFParser.parse(bytes: fixed.fixed, path: "limit.inf").print() == fixed.fixed)
    }

    @Test("a section that needs and includes itself, and sections that reach each other in a cycle")
    func cycles() {
        let text = Self.head + "[Manufacturer]\r\nM = Models\r\n[Models]\r\nDev = A, ROOT\\DEV\r\n"
            + "[A]\r\nNeeds = A, B\r\nInclude = limit.inf, limit.inf\r\nKmdfService = s, B\r\n"
            + "[B]\r\nKmdfService = s, A\r\nAddService = s, 2, A\r\n[A.Services]\r\nAddService = s, 2, A.Services\r\n"
        let (tree, findings) = Self.check(text)
        #expect(tree.print() == Array(text.utf8))
        #expect(!findings.isEmpty)
    }
}
