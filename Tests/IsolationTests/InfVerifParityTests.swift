import Findings
import Foundation
import IsolationEngine
import IsolationRules
import Testing

/// Keeps `docs/infverif-parity.md` in step with the rule catalog and the table of InfVerif codes.
/// Set ISOLINT_UPDATE_DOCS=1 to write the page again.
@Suite("InfVerif parity page")
struct InfVerifParityTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("every catalog code is in the table, and every code has a rule or a reason")
    func tableIsConsistent() {
        let problems = InfVerifParityDocument.inconsistencies()
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("the committed page is the generated one")
    func pageIsCurrent() throws {
        let url = Self.repositoryRoot.appendingPathComponent(InfVerifParityDocument.path)
        let generated = InfVerifParityDocument.markdown()
        if ProcessInfo.processInfo.environment["ISOLINT_UPDATE_DOCS"] != nil {
            try generated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated,
                "\(InfVerifParityDocument.path) is stale: run ISOLINT_UPDATE_DOCS=1 swift test --filter InfVerifParityTests")
    }

    @Test("every parity rule lists InfVerif codes and belongs to group F")
    func parityRulesHaveCodes() {
        let parity = RuleCatalog.descriptions.filter { $0.group == .infVerifParity }
        #expect(!parity.isEmpty)
        for description in parity {
            #expect(!description.codes.isEmpty, "\(description.name) lists no InfVerif code")
        }
    }
}
