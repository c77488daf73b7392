import Findings
import Foundation
import Reporting
import TestSupport
import Testing

/// SARIF output: valid against the official 2.1.0 schema, and with the fields GitHub code scanning reads.
struct SARIFTests {
    private static func render(_ report: Report, sourceRoot: String? = nil) -> String {
        SARIFReporter(documentationBaseURL: "https://example.org/isolint/", sourceRoot: sourceRoot).render(report)
    }

    private static func parse(_ sarif: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    }

    private static func run(_ sarif: String) throws -> [String: Any] {
        let log = try parse(sarif)
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        return runs[0]
    }

    private static func results(_ run: [String: Any]) throws -> [[String: Any]] {
        try #require(run["results"] as? [[String: Any]])
    }

    private static func rules(_ run: [String: Any]) throws -> [[String: Any]] {
        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        return try #require(driver["rules"] as? [[String: Any]])
    }

    private static func physicalLocation(_ result: [String: Any]) throws -> [String: Any] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        try #require(locations.count == 1)
        return try #require(locations[0]["physicalLocation"] as? [String: Any])
    }

    private static func result(_ results: [[String: Any]], rule: String) throws -> [String: Any] {
        try #require(results.first { $0["ruleId"] as? String == rule })
    }

    static let reports: [(String, Report)] = [
        ("sample in isolation mode", SampleReport.report()),
        ("sample in universal mode", SampleReport.report(mode: .universal)),
        ("clean run", Report(findings: [], rules: SampleReport.rules, filesChecked: 1, duration: .zero,
                             mode: .isolation, toolVersion: "0.1.0")),
        ("absolute paths", Report(
            findings: [
                Finding(rule: "hardcoded-path", codes: [], level: .error, message: "Absolute.",
                        location: Location(file: "/home/ci/pkg/x.inf", line: 3, column: 2, endColumn: 9)),
                Finding(rule: "unknown-rule", codes: [], level: .note, message: "Windows path.",
                        location: Location(file: "C:\\Build\\My Pkg\\x.inf", line: 1, column: 1)),
            ],
            rules: SampleReport.rules, filesChecked: 2, duration: .seconds(1), mode: .signature, toolVersion: "0.1.0")),
    ]

    @Test(.enabled(if: SharedData.hasSchemas, SharedData.schemasAbsent), arguments: reports.indices)
    func outputIsValidAgainstTheSchema(index: Int) throws {
        let (name, report) = Self.reports[index]
        let errors = try SARIFSchemaValidator.errors(in: Self.render(report, sourceRoot: "/home/ci/pkg"))
        #expect(errors.isEmpty, "\(name): \(errors.joined(separator: "\n"))")
    }

    @Test(.enabled(if: SharedData.hasSchemas, SharedData.schemasAbsent))
    func outputWithoutSourceRootIsValidAgainstTheSchema() throws {
        let errors = try SARIFSchemaValidator.errors(in: Self.render(SampleReport.report()))
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    @Test(.enabled(if: SharedData.hasSchemas, SharedData.schemasAbsent))
    func validatorRejectsAnInvalidDocument() throws {
        let broken = Self.render(SampleReport.report()).replacingOccurrences(of: "\"level\": \"note\"",
                                                                             with: "\"level\": \"fatal\"")
        #expect(try SARIFSchemaValidator.errors(in: broken).count > 0)
    }

    /// A report over code scanning's limit: one error after 25,000 notes.
    static func oversized() -> Report {
        let notes = (1...SARIFReporter.maximumResults).map {
            Finding(rule: "hardcoded-path", codes: [], level: .note, message: "Note \($0).",
                    location: Location(file: "a.inf", line: $0, column: 1))
        }
        let error = Finding(rule: "version-section", codes: [1001], level: .error, message: "Last.",
                            location: Location(file: "z.inf", line: 1, column: 1))
        return Report(findings: notes + [error], rules: SampleReport.rules, filesChecked: 2, duration: .zero,
                      mode: .isolation, toolVersion: "0.1.0")
    }

    @Test func staysWithinCodeScanningsLimit() throws {
        let sarif = Self.render(Self.oversized())
        let run = try Self.run(sarif)
        let results = try Self.results(run)
        #expect(results.count == SARIFReporter.maximumResults)
        // The error is kept, the last note is left out, and the order is the report's.
        #expect(results.last?["ruleId"] as? String == "version-section")
        #expect(!results.contains { ($0["message"] as? [String: Any])?["text"] as? String == "Note 25000." })
        let invocations = try #require(run["invocations"] as? [[String: Any]])
        let notifications = try #require(invocations.first?["toolExecutionNotifications"] as? [[String: Any]])
        let text = (notifications.first?["message"] as? [String: Any])?["text"] as? String ?? ""
        #expect(text.hasPrefix("The run found 25001 problems; this log holds the 25000 most severe"))
        if SharedData.hasSchemas {
            #expect(try SARIFSchemaValidator.errors(in: sarif).isEmpty)
        }
    }

    @Test func logHeaderAndDriver() throws {
        let sarif = Self.render(SampleReport.report())
        let log = try Self.parse(sarif)
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let run = try Self.run(sarif)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "isolint")
        #expect(driver["version"] as? String == "0.1.0")
        #expect(driver["informationUri"] as? String == RenderOptions.defaultInformationURI)
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
    }

    @Test func everyCatalogRuleIsDescribed() throws {
        let rules = try Self.rules(Self.run(Self.render(SampleReport.report())))
        #expect(rules.map { $0["id"] as? String } == SampleReport.rules.map(\.name))
        let filter = try #require(rules.first { $0["id"] as? String == "filter-via-registry" })
        #expect(filter["helpUri"] as? String == "https://example.org/isolint/docs/rules/filter-via-registry.md")
        #expect((filter["shortDescription"] as? [String: Any])?["text"] as? String == "Filter registered through AddReg")
        #expect((filter["fullDescription"] as? [String: Any])?["text"] as? String
            == "UpperFilters and LowerFilters written by AddReg overwrite the filters of other packages.")
        #expect((filter["help"] as? [String: Any])?["text"] as? String
            == "Declare the filter in a [DDInstall.Filters] section with AddFilter.")
        #expect((filter["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let properties = try #require(filter["properties"] as? [String: Any])
        #expect(properties["infverifCodes"] as? [Int] == [1329])
        #expect(properties["tags"] as? [String] == ["registry"])
    }

    @Test func defaultLevelFollowsTheMode() throws {
        let rules = try Self.rules(Self.run(Self.render(SampleReport.report(mode: .universal))))
        let filter = try #require(rules.first { $0["id"] as? String == "filter-via-registry" })
        #expect((filter["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        let umdf = try #require(rules.first { $0["id"] as? String == "umdf1-driver" })
        let configuration = try #require(umdf["defaultConfiguration"] as? [String: Any])
        #expect(configuration["enabled"] as? Bool == false)
        #expect(configuration["level"] as? String == "error")
    }

    @Test func resultsPointAtTheirRules() throws {
        let run = try Self.run(Self.render(SampleReport.report()))
        let rules = try Self.rules(run)
        let results = try Self.results(run)
        #expect(results.count == SampleReport.findings.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(result["partialFingerprints"] == nil)
        }
        let levels = results.compactMap { $0["level"] as? String }
        #expect(Set(levels) == ["error", "warning", "note"])
        let service = try Self.result(results, rule: "global-service-key")
        #expect((service["message"] as? [String: Any])?["text"] as? String
            == "AddReg writes the Toaster service's key through HKLM.")
        #expect((service["properties"] as? [String: Any])?["infverifCodes"] as? [Int] == [1320])
    }

    @Test func urisAreRelativeToTheSourceRoot() throws {
        let run = try Self.run(Self.render(SampleReport.report(), sourceRoot: "/home/ci/My Repo"))
        let baseIDs = try #require(run["originalUriBaseIds"] as? [String: Any])
        #expect((baseIDs["%SRCROOT%"] as? [String: Any])?["uri"] as? String == "file:///home/ci/My%20Repo/")
        for result in try Self.results(run) {
            let artifact = try #require(Self.physicalLocation(result)["artifactLocation"] as? [String: Any])
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let uri = try #require(artifact["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.contains("\\") && !uri.contains(":"))  // platform: not a host path (a URI reference)
        }
        let special = try Self.result(Self.results(run), rule: "hardcoded-path")
        let artifact = try Self.physicalLocation(special)["artifactLocation"] as? [String: Any]
        #expect(artifact?["uri"] as? String == "Pkgs/Gr%C3%BC%C3%9Fe%2C%20100%25%3A%20v2/drv.inf")
    }

    @Test func absolutePathsBecomeFileURIs() throws {
        let results = try Self.results(Self.run(Self.render(Self.reports[3].1)))
        let artifacts = try results.map { try #require(Self.physicalLocation($0)["artifactLocation"] as? [String: Any]) }
        #expect(artifacts.map { $0["uri"] as? String } == ["file:///home/ci/pkg/x.inf", "file:///C:/Build/My%20Pkg/x.inf"])
        #expect(artifacts.allSatisfy { $0["uriBaseId"] == nil })
        let unknown = try Self.result(results, rule: "unknown-rule")
        #expect(unknown["ruleIndex"] == nil)
    }

    @Test func regions() throws {
        let results = try Self.results(Self.run(Self.render(SampleReport.report())))

        let wholeFile = try Self.physicalLocation(Self.result(results, rule: "version-section"))
        #expect(wholeFile["region"] == nil)
        #expect((wholeFile["artifactLocation"] as? [String: Any])?["uri"] as? String == "Legacy/old.inf")

        let binary = try Self.physicalLocation(Self.result(results, rule: "binary-hardcoded-registry-path"))
        let binaryRegion = try #require(binary["region"] as? [String: Any])
        #expect(binaryRegion["byteOffset"] as? Int == 0x1A2B)
        #expect(binaryRegion["startLine"] == nil)

        let multiLine = try Self.physicalLocation(Self.result(results, rule: "filter-via-registry"))
        let region = try #require(multiLine["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 58)
        #expect(region["startColumn"] as? Int == 5)
        #expect(region["endLine"] as? Int == 59)
        #expect(region["endColumn"] as? Int == 21)
    }

    @Test func relatedLocations() throws {
        let service = try Self.result(Self.results(Self.run(Self.render(SampleReport.report()))),
                                      rule: "global-service-key")
        let related = try #require(service["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 2)
        #expect(related.map { $0["id"] as? Int } == [1, 2])
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "The service Toaster is added here.")
        let region = (related[1]["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["byteOffset"] as? Int == 0x400)
    }

    @Test func fixesReplaceByteRanges() throws {
        let results = try Self.results(Self.run(Self.render(SampleReport.report())))
        let filter = try Self.result(results, rule: "filter-via-registry")
        let fixes = try #require(filter["fixes"] as? [[String: Any]])
        #expect((fixes[0]["description"] as? [String: Any])?["text"] as? String
            == "Declare the filter in [Toaster_Device.NT.Filters]")
        #expect((fixes[0]["properties"] as? [String: Any])?["safety"] as? String == "unsafe")
        let changes = try #require(fixes[0]["artifactChanges"] as? [[String: Any]])
        #expect((changes[0]["artifactLocation"] as? [String: Any])?["uri"] as? String == "Driver/toaster.inf")
        let replacements = try #require(changes[0]["replacements"] as? [[String: Any]])
        #expect(replacements.count == 2)
        let deletion = try #require(replacements[0]["deletedRegion"] as? [String: Any])
        #expect(deletion["byteOffset"] as? Int == 1900)
        #expect(deletion["byteLength"] as? Int == 58)
        #expect(replacements[0]["insertedContent"] == nil)
        let insertion = try #require(replacements[1]["deletedRegion"] as? [String: Any])
        #expect(insertion["byteOffset"] as? Int == 2400)
        #expect(insertion["byteLength"] as? Int == 0)
        #expect((replacements[1]["insertedContent"] as? [String: Any])?["text"] as? String
            == "[Toaster_Device.NT.Filters]\r\nAddFilter = ToasterFilter,,Toaster_Filter_Inst\r\n")

        #expect(try Self.result(results, rule: "version-section")["fixes"] == nil)
    }
}
