import Reporting
import Testing

/// ``ReportFormat`` hands the render options to the reporter it makes.
struct ReportFormatTests {
    @Test(arguments: ReportFormat.allCases)
    func formatsRenderThroughTheirReporter(format: ReportFormat) {
        let report = SampleReport.report()
        let options = RenderOptions()
        #expect(format.render(report, options: options) == format.reporter(options: options).render(report))
    }

    @Test func optionsReachTheReporters() {
        let report = SampleReport.report()
        let options = RenderOptions(colors: true, documentationBaseURL: "https://docs.example/isolint",
                                    informationURI: "https://example/isolint", sourceRoot: "/src")
        #expect(ReportFormat.text.render(report, options: options).contains("\u{1B}["))
        let sarif = ReportFormat.sarif.render(report, options: options)
        #expect(sarif.contains("\"helpUri\": \"https://docs.example/isolint/docs/rules/version-section.md\""))
        #expect(sarif.contains("\"informationUri\": \"https://example/isolint\""))
        #expect(sarif.contains("\"uri\": \"file:///src/\""))
        #expect(ReportFormat.json.render(report, options: options)
            .contains("\"documentation\": \"https://docs.example/isolint/docs/rules/version-section.md\""))
    }
}
