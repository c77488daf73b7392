import Findings
import Reporting
import Testing

/// The InfVerif-style format beyond the golden file.
struct InfVerifReporterTests {
    @Test func cleanRunPrintsOnlyTheTrailer() {
        let report = Report(findings: [], rules: [], filesChecked: 12, duration: .milliseconds(75_003),
                            mode: .isolation, toolVersion: "0.1.0")
        #expect(InfVerifReporter().render(report) == "Checked 12 INF(s) in 1 m 15 s 3 ms\n")
    }

    @Test func everyFindingStaysOnOneLine() {
        let finding = Finding(rule: "umdf1-driver", codes: [1402, 1403], level: .note,
                              message: "First\r\nsecond\u{1B}[0m.",
                              location: Location(file: "a.inf", line: 9, column: 1))
        let report = Report(findings: [finding], rules: [], filesChecked: 1, duration: .zero, mode: .isolation,
                            toolVersion: "0.1.0")
        #expect(InfVerifReporter().render(report)
            == "NOTE (1402) in a.inf, line 9: First second\u{241B}[0m.\nChecked 1 INF(s) in 0 m 0 s 0 ms\n")
    }
}
