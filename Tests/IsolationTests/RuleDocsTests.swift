import Foundation
import Findings
@testable import IsolationEngine
@testable import IsolationRules
import Testing

/// The committed rule pages under `docs/rules/` are what `isolint generate-docs` writes from the rule
/// types. Set `ISOLINT_UPDATE_DOCS=1` to rewrite them instead of comparing.
@Suite("Rule documentation")
struct RuleDocsTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/rules")

    static let pages = RuleDocumentation.pages(for: RuleCatalog.all)

    static func committedPages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test("the committed rule pages are what generate-docs writes: none missing, stale or left over")
    func pagesAreCurrent() throws {
        if ProcessInfo.processInfo.environment["ISOLINT_UPDATE_DOCS"] == "1" {
            _ = try RuleDocumentation.write(Self.pages, toFolder: Self.folder.path)
            return
        }
        for page in Self.pages {
            let url = Self.folder.appendingPathComponent(page.fileName)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                Issue.record("docs/rules/\(page.fileName) is missing; run `isolint generate-docs --output docs` or ISOLINT_UPDATE_DOCS=1 swift test")
                continue
            }
            let committed = String(decoding: data, as: UTF8.self)
            if committed != page.text {
                let a = committed.split(separator: "\n", omittingEmptySubsequences: false)
                let b = page.text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                Issue.record("docs/rules/\(page.fileName) is stale from line \(line + 1); run `isolint generate-docs --output docs` or ISOLINT_UPDATE_DOCS=1 swift test")
            }
        }
        for name in try Self.committedPages() where !Self.pages.contains(where: { $0.fileName == name }) {
            Issue.record("docs/rules/\(name) documents no rule of the catalog; run `isolint generate-docs --output docs` to remove it")
        }
    }

    @Test("each rule's documentation path is a generated page, and the index links it")
    func indexLinksEveryRule() throws {
        let index = try #require(Self.pages.first { $0.fileName == "README.md" })
        for description in RuleCatalog.descriptions {
            #expect(description.documentationPath == "docs/rules/\(description.name).md")
            #expect(Self.pages.contains { $0.fileName == "\(description.name).md" })
            #expect(index.text.contains("[`\(description.name)`](\(description.name).md)"))
        }
    }

    @Test("the Windows versions a rule's text names are listed with their builds and decorations")
    func windowsVersions() {
        let text = "DIRID 13 needs Windows 10 version 1709 (build 16299), 1803 (build 17134) for UMDF; filters need 1903, "
            + "COM sections Windows 11 24H2, decorations from Windows 10 version 1607 (build 14310), e.g. NTamd64.10.0...17763; "
            + "GetServiceRegistryStateKey came with 2004; version parts go up to 65535."
        let releases = WindowsRelease.named(in: text)
        #expect(releases.map(\.name) == [
            "Windows 10 version 1607", "Windows 10 version 1709", "Windows 10 version 1803", "Windows 10 version 1809",
            "Windows 10 version 1903", "Windows 10 version 2004", "Windows 11 version 24H2",
        ])
        #expect(releases.map(\.version).first == "10.0.14310")
        #expect(releases.first { $0.name.hasSuffix("1809") }?.decoration == "NT<arch>.10.0...17763")
        #expect(WindowsRelease.named(in: "InfVerif codes 1709 and 1903 of a section").isEmpty)
    }

    @Test("a fix example is shown as a diff with every line as context")
    func fixDiff() {
        let diff = LineDiff.unified("[A]\nx = 1\ny = 2", "[A]\nx = 3\ny = 2\nz = 4")
        #expect(diff == " [A]\n-x = 1\n+x = 3\n y = 2\n+z = 4")
    }

    @Test("examples lose their markers and package comment, and say where findings are")
    func cleanExamples() {
        let example = RuleDocumentation.clean("; package-files: a.sys, sub/b.dll\n[Version]\n↓Signature = x\n⇓\n")
        #expect(example.text == "[Version]\nSignature = x")
        #expect(example.packageFiles == ["a.sys", "sub/b.dll"])
        #expect(RuleDocumentation.reportedAt(example.markers) == "Reported for the whole file and at line 2.")
        #expect(RuleDocumentation.reportedAt([(3, 1), (5, 2), (3, 4)]) == "Reported at lines 3 and 5.")
    }
}
