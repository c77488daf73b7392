import Reporting
import Testing

/// Each output format of the sample run, compared byte for byte with its golden file.
struct GoldenTests {
    @Test func textWithoutColours() throws {
        try Golden.check(TextReporter(colors: false).render(SampleReport.report()), matches: "sample.txt")
    }

    @Test func json() throws {
        try Golden.check(JSONReporter().render(SampleReport.report()), matches: "sample.json")
    }

    @Test func github() throws {
        try Golden.check(GitHubReporter().render(SampleReport.report()), matches: "sample.github.txt")
    }

    @Test func infVerif() throws {
        try Golden.check(InfVerifReporter().render(SampleReport.report()), matches: "sample.infverif.txt")
    }

    @Test func sarif() throws {
        try Golden.check(SARIFReporter().render(SampleReport.report()), matches: "sample.sarif")
    }
}
