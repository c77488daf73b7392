import Findings
import Testing
@testable import Reporting

/// Workflow-command escaping and GitHub's annotation limit.
struct GitHubReporterTests {
    @Test func dataEscaping() {
        #expect(escapeData("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b")
    }

    @Test func propertyEscaping() {
        #expect(escapeProperty("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae")
        #expect(escapeProperty("%3A") == "%253A")
    }

    private static func errors(_ count: Int) -> Report {
        let findings = (1...count).map {
            Finding(rule: "hardcoded-path", codes: [], level: .error, message: "Path.",
                    location: Location(file: "Pkg\\a.inf", line: $0, column: 1, endColumn: 3))
        }
        return Report(findings: findings, rules: SampleReport.rules, filesChecked: 1, duration: .zero,
                      mode: .isolation, toolVersion: "0.1.0")
    }

    @Test func pathsUseForwardSlashes() {
        let output = GitHubReporter().render(Self.errors(1))
        #expect(output.hasPrefix("::error file=Pkg/a.inf,line=1,col=1,endLine=1,endColumn=3,title=isolint (hardcoded-path)::Path."))
    }

    @Test func noticeWhenALevelExceedsTheLimit() {
        let atLimit = GitHubReporter().render(Self.errors(10)).split(separator: "\n")
        #expect(atLimit.count == 10)
        #expect(!atLimit.contains { $0.hasPrefix("::notice") })

        let overLimit = GitHubReporter().render(Self.errors(11)).split(separator: "\n")
        #expect(overLimit.count == 12)
        #expect(overLimit.last?.hasPrefix("::notice title=isolint::GitHub shows at most 10 annotations of each level per step; this run reported 11 errors, 0 warnings and 0 notes.") == true)
    }

    /// A report whose findings go note, warning, error, warning, note in file order.
    private static func mixed() -> Report {
        let levels: [Level] = [.note, .warning, .error, .warning, .note]
        let findings = levels.enumerated().map { index, level in
            Finding(rule: "hardcoded-path", codes: [], level: level, message: "Finding \(index + 1).",
                    location: Location(file: "a.inf", line: index + 1, column: 1))
        }
        return Report(findings: findings, rules: SampleReport.rules, filesChecked: 1, duration: .zero,
                      mode: .isolation, toolVersion: "0.1.0")
    }

    @Test func mostSevereFirst() {
        let lines = GitHubReporter().render(Self.mixed()).split(separator: "\n")
        #expect(lines.map { $0.split(separator: " ")[0] } == ["::error", "::warning", "::warning", "::notice", "::notice"])
        #expect(lines.map { $0.split(separator: ",")[1] } == ["line=3", "line=2", "line=4", "line=1", "line=5"])
    }

    @Test func stepSummary() {
        let repository = GitHubStepSummary.Repository(
            environment: ["GITHUB_REPOSITORY": "contoso/drivers", "GITHUB_SHA": "abc", "GITHUB_WORKSPACE": "/work/repo"],
            current: "/work/repo/src")
        let markdown = GitHubStepSummary(repository: repository, documentationBaseURL: "https://docs.example/")
            .render(Self.mixed())
        #expect(markdown.hasPrefix("## isolint\n\nChecked 1 INF file in isolation mode: 1 error, 2 warnings, 2 notes.\n"))
        #expect(markdown.contains("| [`hardcoded-path`](https://docs.example/docs/rules/hardcoded-path.md) |  | error | 5 |"))
        let items = markdown.split(separator: "\n").filter { $0.hasPrefix("- **") }
        #expect(items.count == 5)
        #expect(items.first == "- **error** [`a.inf:3:1`](https://github.com/contoso/drivers/blob/abc/src/a.inf#L3) [`hardcoded-path`](https://docs.example/docs/rules/hardcoded-path.md): Finding 3.")
        // Outside GitHub Actions the places are not links.
        let plain = GitHubStepSummary(repository: GitHubStepSummary.Repository(environment: [:], current: "/x")).render(Self.mixed())
        #expect(plain.contains("- **error** `a.inf:3:1` [`hardcoded-path`]"))
    }

    @Test func cleanRunPrintsNothing() {
        let report = Report(findings: [], rules: [], filesChecked: 3, duration: .zero, mode: .isolation,
                            toolVersion: "0.1.0")
        #expect(GitHubReporter().render(report) == "")
    }
}
