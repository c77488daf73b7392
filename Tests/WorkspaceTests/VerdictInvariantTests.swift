import DriverPackage
import Findings
import Foundation
import IsolationEngine
import IsolationRules
@testable import Reporting
import TestSupport
import Testing
import Workspace

/// Over every INF of the shared corpus, on amd64, x86 and arm64: each item `explain` marks not
/// isolated has an error-level `check` finding of that rule in the same file, under the same settings.
/// Today's exceptions are listed in `KnownVerdictGaps.txt`; the list may only shrink.
@Suite("Explain and check agree on the corpus")
struct VerdictInvariantTests {
    static let corpus = SharedData.corpus
    static let knownGaps = SharedData.repositoryFile("Tests/WorkspaceTests/KnownVerdictGaps.txt")

    static func settings(_ arch: String) throws -> WorkspaceSettings {
        var input = SettingsInput()
        input.paths = [corpus.path]
        input.noConfig = true
        input.arch = arch
        input.scansBinaries = false
        return try WorkspaceSettings.resolve(input)
    }

    /// The path of a corpus file below the corpus folder.
    static func relative(_ path: String) -> String {
        path.hasPrefix(corpus.path + "/") ? String(path.dropFirst(corpus.path.count + 1)) : path
    }

    @Test("every item explain marks not isolated has an error-level check finding of that rule",
          .enabled(if: SharedData.hasCorpus, SharedData.corpusAbsent))
    func explainImpliesCheck() throws {
        var gaps: [String] = []
        var counts: [String: Int] = [:]
        for arch in ["amd64", "x86", "arm64"] {
            let workspace = Workspace(paths: [Self.corpus.path], settings: try Self.settings(arch))
            var errors: [String: Set<String>] = [:]
            for finding in workspace.check().findings where finding.level == .error {
                errors[finding.location.file, default: []].insert(finding.rule)
            }
            let explanation = workspace.explain()
            for item in explanation.items {
                guard item.plan != nil else { continue }
                counts["files \(arch)", default: 0] += 1
                let marked = item.verdicts.allRules
                counts["not-isolated marks \(arch)", default: 0] += marked.count
                for rule in marked.sorted() where !(errors[item.file.displayPath]?.contains(rule) ?? false) {
                    // A mark from a warning or note finding is not a verdict check must fail on.
                    let level = item.findings.first { $0.rule == rule }?.level
                    if let level, level < .error { continue }
                    gaps.append("\(arch) \(Self.relative(item.file.displayPath)) \(rule)")
                }
            }
        }
        print("verdict invariant: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
              + "; gaps \(gaps.count)")
        if ProcessInfo.processInfo.environment["ISOLINT_UPDATE_GAPS"] == "1" {
            let header = "# arch, corpus file, rule: items explain marks not isolated with no error-level check finding of the rule.\n"
                + "# Written by ISOLINT_UPDATE_GAPS=1 swift test --filter VerdictInvariant; entries may only be removed.\n"
            try (header + Set(gaps).sorted().joined(separator: "\n") + "\n").write(to: Self.knownGaps, atomically: true, encoding: .utf8)
            return
        }
        let known = Set((try? String(contentsOf: Self.knownGaps, encoding: .utf8))?
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") } ?? [])
        let found = Set(gaps)
        for gap in found.subtracting(known).sorted() {
            Issue.record("explain marks an item not isolated that check does not fail on: \(gap)")
        }
        for gap in known.subtracting(found).sorted() {
            Issue.record("a listed gap no longer occurs: remove it from KnownVerdictGaps.txt: \(gap)")
        }
        for gap in found.intersection(known).sorted() {
            withKnownIssue("explain and check disagree: \(gap)") { Issue.record(Comment(rawValue: gap)) }
        }
    }
}
