import Findings
import Testing
@testable import Reporting

/// The report value, the shared formatting helpers and the determinism of the outputs.
struct ReportTests {
    @Test func findingsAreSorted() {
        let report = SampleReport.report()
        let places = report.findings.map { "\($0.location.file):\($0.location.line):\($0.location.binaryOffset ?? -1)" }
        #expect(places == [
            "Driver/toaster.inf:30:-1", "Driver/toaster.inf:42:-1", "Driver/toaster.inf:58:-1",
            "Driver/toaster.sys:0:-1", "Driver/toaster.sys:0:6699",
            "Legacy/old.inf:0:-1", "Pkgs/Grüße, 100%: v2/drv.inf:7:-1",
        ])
    }

    @Test(arguments: ReportFormat.allCases)
    func outputDoesNotDependOnInputOrder(format: ReportFormat) {
        let forward = SampleReport.report()
        let backward = Report(findings: SampleReport.findings.reversed(), rules: SampleReport.rules, filesChecked: 3,
                              duration: .milliseconds(412), mode: .isolation, toolVersion: "0.1.0",
                              checkedFiles: forward.checkedFiles)
        #expect(format.render(forward, options: RenderOptions()) == format.render(backward, options: RenderOptions()))
    }

    @Test func summaryCounts() {
        let summary = SampleReport.report().summary
        #expect([summary.errors, summary.warnings, summary.notes, summary.total] == [4, 2, 1, 7])
        #expect([summary.safeFixes, summary.unsafeFixes, summary.fixable] == [1, 1, 2])
        #expect(summary.count(of: .warning) == 2)
    }

    @Test func ruleLookup() {
        let duplicate = RuleDescription(name: "hardcoded-path", codes: [1], title: "Second", why: "", fix: "",
                                        levels: [:], fixable: false, group: .files)
        let report = Report(findings: [], rules: SampleReport.rules + [duplicate], filesChecked: 0, duration: .zero,
                            mode: .isolation, toolVersion: "0.1.0")
        #expect(report.rule(named: "hardcoded-path")?.title == "Hard-coded absolute path")
        #expect(report.ruleIndex(named: "hardcoded-path") == 4)
        #expect(report.rule(named: "no-such-rule") == nil)
    }

    @Test func formatNames() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "concise", "json", "sarif", "github", "infverif", "html", "msbuild"])
    }

    @Test func durations() {
        #expect(Duration.milliseconds(412).secondsDescription == "0.41 s")
        #expect(Duration.milliseconds(1005).secondsDescription == "1.01 s")
        #expect(Duration.seconds(75).secondsDescription == "75.00 s")
        #expect(Duration.microseconds(1500).roundedMilliseconds == 2)
        #expect(Duration.milliseconds(-3).secondsDescription == "0.00 s")
        #expect(Duration.milliseconds(75_003).infVerifDescription == "1 m 15 s 3 ms")
    }

    @Test func locationDescriptions() {
        #expect(Location(file: "a.inf", line: 3, column: 7).displayDescription == "a.inf:3:7")
        #expect(Location.wholeFile("a.inf").displayDescription == "a.inf")
        #expect(Location(file: "a.sys", line: 0, column: 0, binaryOffset: 0x1A2B).displayDescription == "a.sys+0x1A2B")
    }

    @Test func artifactURIs() {
        let relative = ArtifactURI(path: ".\\Pkg dir\\50%,ü:x.inf")
        #expect(relative.uri == "Pkg%20dir/50%25%2C%C3%BC%3Ax.inf")
        #expect(relative.baseID == "%SRCROOT%")
        #expect(ArtifactURI(path: "a/b-c_d~e.inf").uri == "a/b-c_d~e.inf")
        let posix = ArtifactURI(path: "/srv/pkg/a.inf")
        #expect(posix.uri == "file:///srv/pkg/a.inf")
        #expect(posix.baseID == nil)
        #expect(ArtifactURI(path: "c:\\Pkg\\a.inf").uri == "file:///c:/Pkg/a.inf")
        #expect(ArtifactURI(path: "\\\\server\\share\\a.inf").uri == "file://server/share/a.inf")
        #expect(ArtifactURI.folderURI("/home/ci") == "file:///home/ci/")
        #expect(ArtifactURI.folderURI("C:\\src\\") == "file:///C:/src/")
        #expect(ArtifactURI.folderURI("relative") == nil)
    }

    @Test func oneLineFormatsJoinLineBreaks() {
        #expect(singleLine("a\r\nb\nc\rd") == "a b c d")
        #expect(singleLine("plain") == "plain")
        #expect(singleLine("a\u{2028}b\u{85}c") == "a b c")
    }

    @Test("line breaks are found by bytes exactly where Character.isNewline finds them")
    func lineBreaksByBytes() {
        let texts = ["", "plain", "a\nb", "a\r", "\u{0B}", "\u{0C}", "x\u{85}y", "\u{2028}", "\u{2029}", "é … → ‘quoted’",
                     "\u{2027}\u{202A}", "\u{84}\u{86}", "tab\there", "\u{E2}\u{80}", "中文", "\r\n"]
        for text in texts {
            #expect(containsLineBreak(text) == text.contains(where: \.isNewline), "\(text.unicodeScalars.map { $0.value })")
        }
    }
}
