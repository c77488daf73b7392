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

    @Test("the fields holding a % are listed once per file, in section and line order, with their pieces")
    func percentFields() {
        let document = INFDocument(bytes: Array("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Reg]
        HKR,,Path,,%13%\\drv.sys
        HKR,,Plain,,value
        HKR,,%Name%,,50%
        [Strings]
        Name = "Value"

        """.utf8))
        let context = RuleContext(document: document, package: nil, architectures: nil, targetVersion: nil)
        let reg = document.sections.filter { $0.name == "Reg" }.flatMap(\.lines)
        #expect(reg.map(\.rawHasPercent) == [true, false, true])
        #expect(document.sections.filter { $0.name == "Install" }.flatMap(\.lines).allSatisfy { !$0.rawHasPercent })
        let fields = context.percentFields
        #expect(fields.map(\.field) == [5, 3, 5], "1-based, HKR being field 1 of a line without a key")
        #expect(fields.map(\.raw) == ["%13%\\drv.sys", "%Name%", "50%"])
        #expect(fields[0].pieces == [.dirid(13), .text("\\drv.sys")])
        #expect(fields[1].pieces == [.text("Value")])
        #expect(fields.allSatisfy { $0.section.name == "Reg" })
    }
}
