import DriverPackage
import Findings
import Foundation
import INFModel
import Reporting
import Testing

/// The HTML page: one self-contained document with counts, findings grouped by file, code frames,
/// and every piece of outside text escaped.
struct HTMLReporterTests {
    static let page = HTMLReporter().render(SampleReport.report())

    /// How often `needle` occurs in `text`.
    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func pageIsOneSelfContainedDocument() {
        let page = Self.page
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(Self.occurrences(of: "<style>", in: page) == 1)
        #expect(!page.contains("<script"))
        #expect(!page.contains("<link"))
        #expect(!page.contains("src="))
        #expect(page.contains("default-src 'none'"))
        #expect(Self.occurrences(of: "<body>", in: page) == 1 && Self.occurrences(of: "</body>", in: page) == 1)
    }

    @Test func summaryCountsEveryLevel() {
        let page = Self.page
        let summary = SampleReport.report().summary
        #expect(page.contains("<li class=\"error\"><strong>\(summary.errors)</strong> errors</li>"))
        #expect(page.contains("<li class=\"warning\"><strong>\(summary.warnings)</strong> warnings</li>"))
        #expect(page.contains("<li class=\"note\"><strong>\(summary.notes)</strong> note</li>"))
        #expect(page.contains("<li class=\"fixable\"><strong>\(summary.fixable)</strong> fixable</li>"))
        #expect(page.contains("3 INF files checked in 0.41 s"))
    }

    @Test func findingsAreGroupedByFileInReportOrder() throws {
        let page = Self.page
        let report = SampleReport.report()
        var files: [String] = []
        for finding in report.findings where files.last != finding.location.file { files.append(finding.location.file) }
        #expect(Self.occurrences(of: "<section class=\"file\"", in: page) == files.count)
        #expect(Self.occurrences(of: "<article class=\"finding", in: page) == report.findings.count)
        // Sections come in report order, each under its escaped path.
        var searchFrom = page.startIndex
        for file in files {
            let heading = "<h2>\(file.replacingOccurrences(of: "&", with: "&amp;"))</h2>"
            let range = try #require(page.range(of: heading, range: searchFrom..<page.endIndex), "\(file)")
            searchFrom = range.upperBound
        }
    }

    @Test func findingCarriesRuleLevelLocationFrameAndHelp() {
        let page = Self.page
        #expect(page.contains("<span class=\"level error\">error</span>"))
        #expect(page.contains("<a class=\"rule\" href=\"https://github.com/isolint/isolint/blob/main/docs/rules/filter-via-registry.md\">filter-via-registry</a>"))
        #expect(page.contains("<span class=\"codes\">InfVerif 1329</span>"))
        #expect(page.contains("<span class=\"location\">Driver/toaster.inf:42:"))
        #expect(page.contains("<span class=\"gutter\">42</span>"))
        #expect(page.contains("<mark>Display</mark>"))
        #expect(page.contains("<dt>why</dt><dd>Windows no longer reads the value, and writing it needs a global registry key.</dd>"))
        #expect(page.contains("<dt>help</dt><dd>Delete the line.</dd>"))
        #expect(page.contains("<dt>fix</dt><dd>Delete the obsolete value (safe)</dd>"))
        #expect(page.contains("<dt>follow-up</dt>"))
        #expect(page.contains("<dt>related</dt><dd>Driver/toaster.inf:12:1: The service Toaster is added here.</dd>"))
        // A finding in a binary shows its offset and no frame.
        #expect(page.contains("<span class=\"location\">Driver/toaster.sys+0x1A2B</span>"))
    }

    @Test func textFromTheINFIsEscaped() {
        let hostile = "<script>alert(\"x\")</script> & 'quoted'"
        let line = "HKLM,Software\\<script>,Value,,\"<b>bold</b> & more\""
        let finding = Finding(
            rule: "version-section", codes: [1001], level: .error, message: "Bad value \(hostile)",
            location: Location(file: "pkg/<evil>&.inf", line: 3, column: 1, endColumn: 5, lineText: line),
            related: [RelatedLocation(location: .wholeFile("pkg/<other>.inf"), message: "see <here>")])
        let report = Report(findings: [finding], rules: SampleReport.rules, filesChecked: 1, duration: .milliseconds(5),
                            mode: .isolation, toolVersion: "0.1.0")
        let page = HTMLReporter().render(report)
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<b>"))
        #expect(!page.contains("<evil>"))
        #expect(page.contains("Bad value &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"))
        #expect(page.contains("<h2>pkg/&lt;evil&gt;&amp;.inf</h2>"))
        #expect(page.contains("<mark>HKLM</mark>,Software\\&lt;script&gt;,Value,,&quot;&lt;b&gt;bold&lt;/b&gt; &amp; more&quot;</pre>"))
        #expect(page.contains("pkg/&lt;other&gt;.inf: see &lt;here&gt;"))
    }

    @Test func emptyRunSaysSo() {
        let report = Report(findings: [], rules: SampleReport.rules, filesChecked: 2, duration: .milliseconds(1),
                            mode: .isolation, toolVersion: "0.1.0")
        let page = HTMLReporter().render(report)
        #expect(page.contains("No problems found."))
        #expect(!page.contains("<article"))
    }

    @Test func formatNameSelectsTheReporter() {
        #expect(ReportFormat(rawValue: "html") == .html)
        let options = RenderOptions(documentationBaseURL: "https://docs.example/x?a=1&b=2")
        let page = ReportFormat.html.render(SampleReport.report(), options: options)
        #expect(page.contains("href=\"https://docs.example/x?a=1&amp;b=2/docs/rules/version-section.md\""))
    }

    /// `isolint explain --output-format html`: the install plan as a tree, its INF text escaped.
    @Test func installPlanPageIsATreeWithEscapedText() {
        let inf = """
        [Version]
        Signature = "$Windows NT$"
        Class = Sample
        ClassGuid = {78A1C341-4539-11d3-B88D-00C04FAD5171}
        Provider = %Provider%
        PnpLockdown = 1

        [Manufacturer]
        %Provider% = Models, NTamd64

        [Models.NTamd64]
        %Device% = Install, ROOT\\Sample

        [DestinationDirs]
        DefaultDestDir = 13

        [SourceDisksNames]
        1 = %Disk%

        [SourceDisksFiles]
        sample.sys = 1

        [Install.NTamd64]
        CopyFiles = @sample.sys
        AddReg = Install_AddReg

        [Install_AddReg]
        HKR,,"<img src=x>",,"a & b"

        [Install.NTamd64.Services]
        AddService = Sample,0x00000002,Service_Inst

        [Service_Inst]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\sample.sys

        [Strings]
        Provider = "Contoso <Labs>"
        Device = "Sample <script>alert(1)</script> device"
        Disk = "Disk"
        """
        let document = INFDocument(bytes: Array(inf.utf8), path: "sample.inf")
        let plan = InstallPlan(document: document, target: TargetPlatform(architecture: .amd64, version: .newest), infName: "sample.inf")
        let report = InstallPlanReport(file: "pkg/<sample>.inf", plan: plan, verdicts: InstallVerdicts(), uninstalledFiles: ["notes & <todo>.txt"])
        let page = report.html()
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(page.contains("<h2>pkg/&lt;sample&gt;.inf</h2>"))
        #expect(page.contains("Sample &lt;script&gt;alert(1)&lt;/script&gt; device"))
        #expect(page.contains("&lt;img src=x&gt;"))
        #expect(page.contains("<ul class=\"tree\">"))
        #expect(page.contains("<span class=\"label\">files</span>"))
        #expect(page.contains("<span class=\"label\">registry</span>"))
        #expect(page.contains("<span class=\"label\">services</span>"))
        #expect(page.contains("<code>sample.sys</code>"))
        #expect(page.contains("<span class=\"badge isolated\">isolated</span>"))
        #expect(page.contains("<code>notes &amp; &lt;todo&gt;.txt</code>"))
        #expect(Self.occurrences(of: "<ul", in: page) == Self.occurrences(of: "</ul>", in: page))
        #expect(Self.occurrences(of: "<li", in: page) == Self.occurrences(of: "</li>", in: page))
    }
}
