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

    @Test func cleanRunPrintsNothing() {
        let report = Report(findings: [], rules: [], filesChecked: 3, duration: .zero, mode: .isolation,
                            toolVersion: "0.1.0")
        #expect(GitHubReporter().render(report) == "")
    }
}
