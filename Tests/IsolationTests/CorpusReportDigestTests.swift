import Findings
import Foundation
import IsolationEngine
import IsolationRules
import TestSupport
import Testing

/// The corpus report does not change unless a rule's behaviour changes: the findings of every rule
/// over `../shared/corpus` (counts per rule, and a SHA-256 over each finding's rule, file, line,
/// column, level, codes and message) against the committed digest. A change to a rule regenerates
/// it with `ISOLINT_UPDATE_GOLDENS=1 swift test --filter CorpusReportDigestTests`; an optimisation
/// must leave it as it is.
@Suite("Corpus report digest")
struct CorpusReportDigestTests {
    static let digestFile = SharedData.repositoryFile("Tests/IsolationTests/Fixtures/corpus-report.digest")

    /// The digest text of the corpus report: the SHA-256, the number of findings, then each rule's count.
    static func digest() -> String {
        let root = SharedData.corpus.path
        let result = CheckRun(options: CheckOptions(mode: .isolation)).run(paths: [root])
        var hash = SHA256Digest()
        var counts: [String: Int] = [:]
        for finding in result.findings {
            let location = finding.location
            let file = location.file.hasPrefix(root) ? String(location.file.dropFirst(root.count)) : location.file
            let codes = finding.codes.map(String.init).joined(separator: ",")
            let message = finding.message.replacingOccurrences(of: root, with: "")
            hash.update("\(finding.rule)\t\(file)\t\(location.line):\(location.column)\t\(finding.level)\t\(codes)\t\(message)\n".utf8)
            counts[finding.rule, default: 0] += 1
        }
        var text = "sha256 \(hash.hexDigest())\nfindings \(result.findings.count) in \(result.filesChecked) files\n"
        for (rule, count) in counts.sorted(by: { $0.key < $1.key }) { text += "\(rule) \(count)\n" }
        return text
    }

    @Test("SHA-256 gives the published test vectors")
    func sha256() {
        var empty = SHA256Digest()
        #expect(empty.hexDigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var abc = SHA256Digest()
        abc.update("abc".utf8)
        #expect(abc.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var long = SHA256Digest()
        long.update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(long.hexDigest() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the corpus report is the committed one", .enabled(if: SharedData.hasCorpus, SharedData.corpusAbsent))
    func reportIsUnchanged() throws {
        let digest = Self.digest()
        if ProcessInfo.processInfo.environment["ISOLINT_UPDATE_GOLDENS"] != nil {
            try digest.write(to: Self.digestFile, atomically: true, encoding: .utf8)
            return
        }
        let committed = try String(contentsOf: Self.digestFile, encoding: .utf8)
        #expect(committed == digest, "the corpus report changed: if a rule changed on purpose, run ISOLINT_UPDATE_GOLDENS=1 swift test --filter CorpusReportDigestTests")
    }
}
