import DriverPackage
import Findings
import Fixing
import Foundation
import INFModel
import INFSyntax
import IsolationEngine
import IsolationRules
import Testing

/// Runs every input under Tests/Fixtures/fuzz-regressions and the hostile INF files through what the
/// INF fuzz target runs: parse, print back, model, section graph, install plans, infdump, every rule
/// and the fix engine.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func inputs() -> [URL] {
        var found: [URL] = []
        for folder in ["fuzz-regressions", "hostile"] {
            let url = fixtures.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            found += names.filter { $0.hasPrefix("inf-") || $0.lowercased().hasSuffix(".inf") }.sorted().map { url.appendingPathComponent($0) }
        }
        return found
    }

    @Test("every regression input goes through the whole INF pipeline", arguments: inputs())
    func infPipeline(_ url: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        let tree = INFParser.parse(bytes: bytes, path: url.lastPathComponent)
        #expect(tree.print() == bytes)
        let document = INFDocument(tree: tree, options: ModelOptions(stampArchitecture: "amd64"))
        _ = document.openError()
        _ = InfDump.render(document)
        _ = SectionGraph(document: document).installSectionNames
        for architecture in Architecture.allCases {
            _ = InstallPlan(document: document, target: TargetPlatform(architecture: architecture, version: .newest), infName: "fuzz.inf")
        }
        let package = PackageContents(root: "/nonexistent-fuzz-package", relativePaths: ["fuzz.inf", "fuzz.sys"])
        for mode in Mode.allCases {
            let findings = Checker(options: CheckOptions(mode: mode, scansBinaries: false)).check(tree: tree, displayPath: "fuzz.inf", package: package)
            for finding in findings {
                #expect(finding.location.line >= 0)
                for edit in finding.fix?.edits ?? [] { #expect(edit.byteRange.upperBound <= bytes.count) }
            }
        }
        let fixed = FixEngine(checker: Checker(options: CheckOptions(scansBinaries: false)), options: FixOptions(unsafe: true, maximumRounds: 2))
            .fix(bytes: bytes, displayPath: "fuzz.inf", package: package)
        #expect(INFParser.parse(bytes: fixed.fixed, path: "fuzz.inf").print() == fixed.fixed)
    }
}
