import Foundation
import Fixing
import INFModel
import INFSyntax
import Isolation
import Testing

/// Ports every INF of the shared corpus in memory with every fix, safe and unsafe.
@Suite("Fixing the corpus")
struct CorpusFixTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    @Test("every corpus file is fixed without a refused round, keeps its encoding and still opens")
    func fixesCorpus() throws {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: Self.corpus.path) else {
            Issue.record("no corpus at \(Self.corpus.path)")
            return
        }
        let files = enumerator.compactMap { $0 as? String }.filter { $0.lowercased().hasSuffix(".inf") || $0.lowercased().hasSuffix(".inx") }.sorted()
        #expect(files.count == 720)
        let engine = FixEngine(checker: Checker(options: CheckOptions()), options: FixOptions(unsafe: true))
        var changed = 0, applied = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: Self.corpus.appendingPathComponent(file)))
            let result = engine.fix(bytes: bytes, displayPath: file)
            let opens = INFDocument(bytes: bytes).openError() == nil
            if opens {
                #expect(result.refusal == nil, "\(file): \(result.refusal?.description ?? "")")
            }
            guard result.changed else { continue }
            changed += 1
            applied += result.applied.count
            let before = SourceFile(path: file, bytes: bytes), after = SourceFile(path: file, bytes: result.fixed)
            #expect(after.encoding == before.encoding, "\(file): encoding changed")
            #expect(INFDocument(bytes: result.fixed).openError() == nil, "\(file): no longer opens")
            #expect(INFParser.parse(bytes: result.fixed).print() == result.fixed)
        }
        print("corpus fix: \(applied) fixes applied to \(changed) of \(files.count) files")
        #expect(changed > 0)
    }
}
