import Findings
import Reporting
import Testing

/// The InfVerif-style format beyond the golden file.
struct InfVerifReporterTests {
    static func finding(_ file: String, line: Int, level: Level, code: Int = 1322, infVerif: String? = nil) -> Finding {
        Finding(rule: "destination-not-driver-store", codes: [code], level: level, message: "Isolint's words",
                location: Location(file: file, line: line, column: 1), infVerifMessage: infVerif)
    }

    @Test func cleanRunPrintsTheVerdictAndTheTrailer() {
        let report = Report(findings: [], rules: [], filesChecked: 2, duration: .milliseconds(75_003),
                            mode: .isolation, toolVersion: "0.1.0", checkedFiles: ["a.inf", "b.inf"])
        #expect(InfVerifReporter().render(report) == "INF is VALID\nINF is VALID\nChecked 2 INF(s) in 1 m 15 s 3 ms\n")
    }

    @Test("each INF's block ends with its verdict: NOT VALID only with an error")
    func verdictPerFile() {
        let findings = [
            Self.finding("b.inf", line: 4, level: .warning, code: 2083, infVerif: "Section [X] not referenced or used."),
            Self.finding("a.inf", line: 9, level: .error, infVerif: "Destination file path '%11%' for file 'a.sys' is not isolated to DIRID 13."),
        ]
        let report = Report(findings: findings, rules: [], filesChecked: 3, duration: .milliseconds(12), mode: .isolation,
                            toolVersion: "0.1.0", checkedFiles: ["b.inf", "a.inf", "c.inf"])
        #expect(InfVerifReporter().render(report) == """
            WARN (2083) in b.inf, line 4: Section [X] not referenced or used.
            INF is VALID
            ERROR(1322) in a.inf, line 9: Destination file path '%11%' for file 'a.sys' is not isolated to DIRID 13.
            INF is NOT VALID
            INF is VALID
            Checked 3 INF(s) in 0 m 0 s 12 ms

            """)
    }

    @Test("verbose output has InfVerif's banner for the mode and a Checking line per INF; binaries come last without a verdict")
    func verbose() {
        let binary = Finding(rule: "binary-hardcoded-path", codes: [], level: .warning, message: "A path",
                             location: Location(file: "pkg/a.sys", line: 0, column: 0, binaryOffset: 32))
        let report = Report(findings: [binary, Self.finding("pkg/a.inf", line: 3, level: .error)], rules: [], filesChecked: 1,
                            duration: .zero, mode: .universal, toolVersion: "0.1.0", checkedFiles: ["pkg/a.inf"])
        #expect(InfVerifReporter(verbose: true).render(report) == """
            Running in Verbose
            Running Universal INF check
            Running in Console output mode
            Checking pkg/a.inf
            ERROR(1322) in pkg/a.inf, line 3: Isolint's words
            INF is NOT VALID
            Checking pkg/a.sys
            WARN (binary-hardcoded-path) in pkg/a.sys, offset 0x20: A path
            Checked 1 INF(s) in 0 m 0 s 0 ms

            """)
        let signature = Report(findings: [], rules: [], filesChecked: 0, duration: .zero, mode: .signature, toolVersion: "0.1.0")
        #expect(InfVerifReporter(verbose: true).render(signature).hasPrefix("Running in Verbose\nRunning signature requirements check\n"))
    }

    @Test func everyFindingStaysOnOneLine() {
        let finding = Finding(rule: "umdf1-driver", codes: [1402, 1403], level: .note,
                              message: "First\r\nsecond\u{1B}[0m.",
                              location: Location(file: "a.inf", line: 9, column: 1))
        let report = Report(findings: [finding], rules: [], filesChecked: 1, duration: .zero, mode: .isolation,
                            toolVersion: "0.1.0")
        #expect(InfVerifReporter().render(report)
            == "NOTE (1402) in a.inf, line 9: First second\u{241B}[0m.\nINF is VALID\nChecked 1 INF(s) in 0 m 0 s 0 ms\n")
    }
}
