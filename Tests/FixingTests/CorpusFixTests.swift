import DriverPackage
import Findings
import Fixing
import Foundation
import INFModel
import INFSyntax
import IsolationEngine
import IsolationRules
import TestSupport
import Testing

/// Ports every INF of the shared corpus in memory with every fix, safe and unsafe.
@Suite("Fixing the corpus")
struct CorpusFixTests {
    static let corpus = SharedData.corpus

    static let knownGaps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("KnownFixGaps.txt")
    static let architectures: [Architecture] = [.amd64, .x86, .arm64]

    /// The error rules of `bytes` on one architecture, with how often each is reported.
    static func errors(_ tree: SyntaxTree, _ architecture: Architecture) -> [String: Int] {
        var counts: [String: Int] = [:]
        for finding in Checker(options: CheckOptions(architectures: [architecture])).check(tree: tree, displayPath: "x.inf")
        where finding.level == .error {
            counts[finding.rule, default: 0] += 1
        }
        return counts
    }

    /// The paths that name a copied file somewhere it is not copied to: service binaries and registry
    /// data, on one architecture, as `value → name`.
    static func strayReferences(_ document: INFDocument, _ architecture: Architecture) -> Set<String> {
        let plan = InstallPlan(document: document, target: TargetPlatform(architecture: architecture, version: .newest), infName: "x.inf")
        var result = Set<String>()
        for device in plan.devices {
            var copiedTo: [String: Set<String>] = [:]
            for file in device.files where file.dirid != nil {
                copiedTo[file.name.lowercased(), default: []].insert(DirectoryTable.comparable(file.folder + "\\" + file.name))
            }
            // A registry value may list several paths separated by ';' (EventMessageFile).
            let values = device.services.compactMap(\.resolvedBinary) + device.registry.flatMap(\.data)
            for path in values.flatMap({ $0.split(separator: ";").map(String.init) }) where path.contains("\\") {
                let name = path.split(separator: "\\").last.map { String($0).trimmingCharacters(in: .init(charactersIn: "\" ")).lowercased() } ?? ""
                guard let destinations = copiedTo[name] else { continue }
                let comparable = DirectoryTable.comparable(path.trimmingCharacters(in: .init(charactersIn: "\" ")))
                if !destinations.contains(comparable) { result.insert("\(path) → \(name)") }
            }
        }
        return result
    }

    @Test("every corpus file is fixed without a refused round, keeps its encoding and still opens; no architecture gains an error rule or a stray reference, and a second run changes nothing",
          .enabled(if: SharedData.hasCorpus, SharedData.corpusAbsent))
    func fixesCorpus() throws {
        let manager = FileManager.default
        let enumerator = try #require(manager.enumerator(atPath: Self.corpus.path))
        let files = enumerator.compactMap { $0 as? String }.filter { $0.lowercased().hasSuffix(".inf") || $0.lowercased().hasSuffix(".inx") }.sorted()
        #expect(files.count == 720)
        let engine = FixEngine(checker: Checker(options: CheckOptions()), options: FixOptions(unsafe: true))
        var changed = 0, applied = 0, refusedRules: [String: Int] = [:]
        var gaps: [String] = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: Self.corpus.appendingPathComponent(file)))
            let result = engine.fix(bytes: bytes, displayPath: file)
            for refused in result.refused { refusedRules["\(refused.rule) (adds \(refused.introduces.joined(separator: ", ")))", default: 0] += 1 }
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
            let fixedTree = INFParser.parse(bytes: result.fixed)
            #expect(fixedTree.print() == result.fixed)
            let originalTree = INFParser.parse(bytes: bytes)
            let originalDocument = INFDocument(tree: originalTree), fixedDocument = INFDocument(tree: fixedTree)
            for architecture in Self.architectures {
                let old = Self.errors(originalTree, architecture), new = Self.errors(fixedTree, architecture)
                for (rule, count) in new.sorted(by: { $0.key < $1.key }) where count > (old[rule] ?? 0) {
                    gaps.append("\(architecture) \(file) adds \(rule)")
                }
                let stray = Self.strayReferences(fixedDocument, architecture).subtracting(Self.strayReferences(originalDocument, architecture))
                for reference in stray.sorted() { gaps.append("\(architecture) \(file) stray \(reference)") }
            }
            let again = engine.fix(bytes: result.fixed, displayPath: file)
            #expect(!again.changed, "\(file): a second run changes the file again")
        }
        print("corpus fix: \(files.count) files, architectures \(Self.architectures.map(\.rawValue).joined(separator: ", ")), "
              + "\(applied) fixes applied to \(changed) files, refused: "
              + (refusedRules.isEmpty ? "none" : refusedRules.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: "; "))
              + "; gaps \(gaps.count)")
        #expect(changed > 0)
        if ProcessInfo.processInfo.environment["ISOLINT_UPDATE_GAPS"] == "1" {
            let header = "# arch, corpus file, what the fixes add: an error rule reported more often, or a reference to a file where it is not copied.\n"
                + "# Written by ISOLINT_UPDATE_GAPS=1 swift test --filter CorpusFixTests; entries may only be removed.\n"
            try (header + Set(gaps).sorted().joined(separator: "\n") + "\n").write(to: Self.knownGaps, atomically: true, encoding: .utf8)
            return
        }
        let known = Set((try? String(contentsOf: Self.knownGaps, encoding: .utf8))?
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") } ?? [])
        for gap in Set(gaps).subtracting(known).sorted() { Issue.record("a fix leaves the package worse: \(gap)") }
        for gap in known.subtracting(gaps).sorted() { Issue.record("a listed gap no longer occurs: remove it from KnownFixGaps.txt: \(gap)") }
        for gap in known.intersection(gaps).sorted() {
            withKnownIssue("a fix leaves the package worse: \(gap)") { Issue.record(Comment(rawValue: gap)) }
        }
    }
}
