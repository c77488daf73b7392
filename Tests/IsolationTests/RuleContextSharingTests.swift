import INFModel
import IsolationEngine
import Testing

/// Values rules share through a file's context are computed once per file, whichever copy asks.
@Suite("Values shared by the rules of a file")
struct RuleContextSharingTests {
    enum SectionCount: RuleContextKey { typealias Value = Int }
    enum FirstSection: RuleContextKey { typealias Value = String }

    @Test("the first request computes a value, later ones and copies of the context read it; keys are separate")
    func computedOnce() {
        let document = INFDocument(bytes: Array("[Version]\nSignature = \"$Windows NT$\"\n[Install]\nCopyFiles = A\n".utf8))
        let context = RuleContext(document: document, package: nil, architectures: nil, targetVersion: nil)
        var computed = 0
        func count(_ context: RuleContext) -> Int {
            context.shared(SectionCount.self) {
                computed += 1
                return context.document.sections.count
            }
        }
        #expect(count(context) == 2)
        let copy = context
        #expect(count(copy) == 2)
        #expect(computed == 1)
        #expect(context.shared(FirstSection.self) { context.document.sections[0].name } == "Version")
        // Another file's context computes its own.
        let other = RuleContext(document: INFDocument(bytes: Array("[A]\n".utf8)), package: nil, architectures: nil, targetVersion: nil)
        #expect(count(other) == 1)
        #expect(computed == 2)
    }
}
