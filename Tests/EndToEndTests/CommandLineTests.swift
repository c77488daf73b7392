import Foundation
import TestSupport
import Testing

/// Runs the built `isolint` on the bundled example packages and pins stdout, stderr and exit codes.
/// Set ISOLINT_UPDATE_GOLDENS=1 to rewrite the golden files.
@Suite("Command line")
struct CommandLineTests {
    static let packageRoot = SharedData.packageRoot

    /// The `isolint` executable next to the test bundle.
    static var executable: URL? { Programs.isolint }

    struct ExecutableMissing: Error {}

    struct Run {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        guard let executable else { throw ExecutableMissing() }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                   status: process.terminationStatus)
    }

    /// Replaces the run's duration, which differs from run to run.
    static func normalize(_ text: String) -> String {
        var result = text
        let rules: [(pattern: String, replacement: String)] = [
            (#"in [0-9]+\.[0-9]+ s"#, "in <duration>"),
            (#""duration_ms": ?[0-9]+"#, "\"duration_ms\": <duration>"),
            (#"in 0 m 0 s [0-9]+ ms"#, "in <duration>"),
        ]
        for rule in rules {
            result = result.replacingOccurrences(of: rule.pattern, with: rule.replacement, options: .regularExpression)
        }
        return result
    }

    static func expectGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden/\(name)")
        let text = normalize(actual)
        if ProcessInfo.processInfo.environment["ISOLINT_UPDATE_GOLDENS"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }

    @Test("a legacy package: every finding in text, exit 1")
    func legacyText() throws {
        let run = try Self.run(["check", "Examples/legacy-filter"])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        try Self.expectGolden("legacy-filter.txt", run.stdout)
    }

    @Test("a legacy package as JSON and as GitHub annotations")
    func legacyMachineFormats() throws {
        let json = try Self.run(["check", "--output-format", "json", "Examples/legacy-filter"])
        #expect(json.status == 1)
        try Self.expectGolden("legacy-filter.json", json.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["findings"] as? [Any])?.count == 11)
        let github = try Self.run(["check", "--output-format", "github", "Examples/legacy-filter"])
        #expect(github.status == 1)
        try Self.expectGolden("legacy-filter.github.txt", github.stdout)
    }

    @Test("the isolated example packages pass, the UMDF one does not")
    func examplesVerdicts() throws {
        let isolated = try Self.run(["check", "Examples/isolated-kmdf"])
        #expect(isolated.status == 0)
        #expect(isolated.stdout.contains("Checked 1 INF file in"))
        #expect(isolated.stdout.contains("no problems found"))
        let umdf = try Self.run(["check", "Examples/umdf-sensor"])
        #expect(umdf.status == 1)
        try Self.expectGolden("umdf-sensor.txt", umdf.stdout)
    }

    @Test("--exit-zero, --select and --ignore change the verdict, not the findings")
    func selection() throws {
        let zero = try Self.run(["check", "--exit-zero", "Examples/legacy-filter"])
        #expect(zero.status == 0)
        let selected = try Self.run(["check", "--select", "1323", "--output-format", "github", "Examples/legacy-filter"])
        // 1323: a service registry key outside Parameters, written as a subkey or as a value of the key itself.
        #expect(selected.stdout.split(separator: "\n").filter { $0.hasPrefix("::error") }.count == 2)
        #expect(selected.stdout.contains("service-key-outside-parameters"))
        #expect(selected.stdout.contains("intrinsic-service-value"))
        let ignored = try Self.run(["check", "--ignore", "registry-,service,global,unisolated,pnplockdown,destination,filter,intrinsic,reserved", "Examples/legacy-filter"])
        #expect(ignored.status == 0)
        #expect(ignored.stdout.contains("no problems found"))
    }

    /// A JSON report without its duration, which differs from run to run.
    static func withoutDuration(_ report: String) -> String {
        report.replacing(/"duration_ms": \d+/, with: "")
    }

    @Test("--os takes release names in check, explain and api alike, and refuses a build older than Windows 10")
    func releaseNames() throws {
        for command in [["check", "--output-format", "json"], ["explain", "--output-format", "json"]] {
            let named = try Self.run(command + ["--os", "1809", "Examples/legacy-filter"])
            let numbered = try Self.run(command + ["--os", "10.0.17763", "Examples/legacy-filter"])
            #expect(named.status == numbered.status)
            #expect(Self.withoutDuration(named.stdout) == Self.withoutDuration(numbered.stdout))
            #expect(!named.stdout.isEmpty)
        }
        let api = try Self.run(["api", "IoOpenDriverRegistryKey", "--min-os", "1709"])
        #expect(api.status == 0)
        #expect(api.stdout == (try Self.run(["api", "IoOpenDriverRegistryKey", "--min-os", "10.0.16299"])).stdout)
        let old = try Self.run(["check", "--os", "1234", "Examples/legacy-filter"])
        #expect(old.status == 2)
        #expect(old.stderr.contains("--os 1234"))
    }

    @Test("--select takes a group; --ignore takes code ranges and, with a note, codes no rule reports")
    func groupsAndCodes() throws {
        let group = try Self.run(["check", "--select", "registry", "--output-format", "json", "Examples/legacy-filter"])
        let letter = try Self.run(["check", "--select", "B", "--output-format", "json", "Examples/legacy-filter"])
        #expect(Self.withoutDuration(group.stdout) == Self.withoutDuration(letter.stdout))
        #expect(group.stdout.contains("service-key-outside-parameters"))
        let shared = try Self.run(["check", "--ignore", "2092,1300-1303", "Examples/isolated-kmdf"])
        #expect(shared.status == 0)
        #expect(shared.stderr.contains("note: no rule reports InfVerif code 2092"))
    }

    @Test("errors of a subcommand show its usage; fix shows its own; a run that finds no INF says so")
    func usageAndEmptyRuns() throws {
        let explain = try Self.run(["explain", "nonsense-rule"])
        #expect(explain.status == 2)
        #expect(explain.stderr.contains("Usage: isolint explain <rule>"))
        #expect(explain.stderr.contains("See 'isolint explain --help'"))
        let api = try Self.run(["api", "ZwNothingAtAll"])
        #expect(api.status == 2)
        #expect(api.stderr.contains("Usage: isolint api "))
        let fix = try Self.run(["fix", "--help"])
        #expect(fix.stdout.contains("USAGE: isolint fix [<options>] [<paths> ...]"))
        #expect(!fix.stdout.contains("isolint check fix"))
        let fixTypo = try Self.run(["fix", "--bogus"])
        #expect(fixTypo.status == 2)
        #expect(fixTypo.stderr.contains("See 'isolint fix --help' for more information."), "\(fixTypo.stderr)")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data("[Version]\n".utf8).write(to: empty.appendingPathComponent("driver.inf.txt"))
        let quiet = try Self.run(["check", empty.path])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.contains("warning: no .inf, .inx or .inf.in file found in"))
        let strict = try Self.run(["check", "--fail-if-no-inf", empty.path])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("error: no .inf, .inx or .inf.in file found in"))
    }

    @Test("--output-format msbuild: every line is one VS Code's $msCompile matcher reads, one per finding")
    func msbuild() throws {
        let run = try Self.run(["check", "--output-format", "msbuild", "Examples"])
        let json = try Self.run(["check", "--output-format", "json", "Examples"])
        #expect(run.status == json.status)
        let lines = run.stdout.split(separator: "\n")
        let pattern = #/^(?:\s+\d+>)?(\S.*)\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\)\s*:\s+(error|warning|info)\s+(\w{1,2}\d+)\s*:\s*(.*)$/#
        #expect(!lines.isEmpty)
        for line in lines { #expect(try pattern.wholeMatch(in: String(line)) != nil, "\(line)") }
        #expect(lines.count == json.stdout.components(separatedBy: "\"rule\":").count - 1)
    }

    @Test("--statistics counts what the JSON report holds; concise prints one line a finding; --fail-on and --color")
    func statisticsAndFriends() throws {
        let json = try Self.run(["check", "--output-format", "json", "Examples"])
        let statistics = try Self.run(["check", "--statistics", "--output-format", "json", "Examples"])
        #expect(statistics.status == json.status)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        var expected: [String: Int] = [:]
        for finding in findings { expected[finding["rule"] as? String ?? "", default: 0] += 1 }
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(statistics.stdout.utf8)) as? [[String: Any]])
        var counted: [String: Int] = [:]
        for row in rows { counted[row["rule"] as? String ?? ""] = row["count"] as? Int }
        #expect(!counted.isEmpty && counted == expected)
        let table = try Self.run(["check", "--statistics", "Examples"])
        #expect(table.stdout.hasSuffix("Found \(findings.count) findings in \(expected.count) rules.\n"))

        let concise = try Self.run(["check", "--output-format", "concise", "Examples"])
        let lines = concise.stdout.split(separator: "\n")
        #expect(lines.count == findings.count + 2, "a line a finding, the summary and the fix hint")
        #expect(lines.first?.hasPrefix("Examples/") == true)

        let warningsOnly = ["check", "--select", "hardcoded-path,unisolated-file-reference,registry-path-not-copied", "Examples/legacy-filter"]
        #expect(try Self.run(warningsOnly).status == 0)
        #expect(try Self.run(warningsOnly + ["--fail-on", "warning"]).status == 1)
        #expect(try Self.run(warningsOnly + ["--fail-on", "loud"]).status == 2)
        #expect(try Self.run(["check", "--color", "always", "Examples/legacy-filter"]).stdout.contains("\u{1B}["))
        #expect(!(try Self.run(["check", "--color", "never", "Examples/legacy-filter"]).stdout.contains("\u{1B}[")))
        #expect(try Self.run(["check", "--statistics", "--output-format", "sarif", "Examples"]).status == 2)
    }

    @Test("rules --output-format json lists every rule the table lists, with levels, group and link")
    func rulesJSON() throws {
        let table = try Self.run(["rules"])
        let json = try Self.run(["rules", "--output-format", "json"])
        #expect(json.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let names = table.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(rules.compactMap { $0["name"] as? String } == names)
        let first = try #require(rules.first)
        #expect((first["levels"] as? [String: Any])?.count == 5)
        #expect(((first["group"] as? [String: Any])?["letter"] as? String)?.count == 1)
        #expect((first["documentation"] as? String)?.hasSuffix(".md") == true)
        #expect(try Self.run(["rules", "--output-format", "yaml"]).status == 2)
    }

    @Test("--provider reports INFs naming another provider, as InfVerif's /provider does")
    func provider() throws {
        let same = try Self.run(["check", "--provider", "Contoso", "--select", "provider-mismatch", "Examples/isolated-kmdf"])
        #expect(same.status == 0)
        let other = try Self.run(["check", "--provider", "Fabrikam", "--select", "1210", "--output-format", "infverif", "Examples/isolated-kmdf"])
        #expect(other.status == 1)
        #expect(other.stdout.contains("ERROR(1210)"))
        #expect(other.stdout.contains("Provider cannot be \"Contoso\", must be set to \"Fabrikam\"."))
    }

    @Test("help and version go to standard output with status 0; every line ends in LF alone, also for a CRLF INF")
    func standardStreams() throws {
        let help = try Self.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE:") && help.stderr.isEmpty)
        let version = try Self.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("0.") && version.stdout.hasSuffix(")\n"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-crlf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inf = "[Version]\r\nSignature=\"$Windows NT$\"\r\nClass=Sample\r\n\r\n[DefaultInstall]\r\nAddReg=R\r\n\r\n[R]\r\nHKLM,Software\\Contoso,X,,1\r\n"
        try Data(inf.utf8).write(to: folder.appendingPathComponent("crlf.inf"))
        for format in ["text", "json", "sarif", "infverif", "github"] {
            let run = try Self.run(["check", "--no-config", "--output-format", format, folder.path])
            #expect(run.status == 1, "\(format)")
            #expect(!run.stdout.isEmpty && !run.stdout.contains("\r"), "\(format) output holds a CR")
        }
    }

    @Test("a wildcard the shell left unexpanded is expanded by isolint; one that matches nothing is a missing path")
    func wildcards() throws {
        let run = try Self.run(["check", "--no-config", "--output-format", "json", "Examples/*/legacyfilter.in?"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("legacyfilter.inf"))
        let none = try Self.run(["check", "--no-config", "Examples/*/nothing-*.inf"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("Examples/*/nothing-*.inf: no such file or folder"))
    }

    @Test("usage errors and missing paths exit with 2")
    func usageErrors() throws {
        let missing = try Self.run(["check", "Examples/does-not-exist"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Examples/does-not-exist: no such file or folder"))
        let mode = try Self.run(["check", "--mode", "strict", "Examples/legacy-filter"])
        #expect(mode.status == 2)
        #expect(mode.stderr.contains("--mode must be"))
        let typo = try Self.run(["check", "--select", "registry-root-not-hrk", "Examples/legacy-filter"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'registry-root-not-hkr'?"))
    }

    @Test("InfVerif's switches are understood: /w /samples /provider /osver, in any case; a path stays a path")
    func infVerifSwitches() throws {
        let plain = try Self.run(["check", "--no-config", "--output-format", "infverif", "Examples/legacy-filter"])
        #expect(plain.stdout.contains("ERROR(1284)"))
        let switches = try Self.run(["check", "/W", "/samples", "/stampinf", "/provider", "Contoso", "/osver", "NTamd64.10.0...17763",
                                     "--no-config", "--output-format", "infverif", "Examples/legacy-filter"])
        #expect(switches.status == 1)
        #expect(!switches.stdout.contains("(1284)"))
        #expect(switches.stdout.contains("Checked 1 INF(s)"))
        let implied = try Self.run(["check", "/w", "/v", "--no-config", "Examples/legacy-filter", "Examples/isolated-kmdf"])
        #expect(implied.stdout.hasPrefix("Running in Verbose\nRunning Windows Driver INF check\nRunning in Console output mode\n"))
        #expect(implied.stdout.contains("ERROR(1324) in Examples/legacy-filter/legacyfilter.inf, line 3: [Version] section should specify PnpLockdown=1"))
        #expect(implied.stdout.contains("INF is NOT VALID\nChecking Examples/isolated-kmdf/contosoio.inf\nINF is VALID\nChecked 2 INF(s) in "))
        let json = try Self.run(["check", "/w", "--output-format", "json", "--no-config", "Examples/isolated-kmdf"])
        #expect(json.stdout.hasPrefix("{"))
        let ruleVersion = try Self.run(["check", "/h", "/rulever", "NTamd64.10.0...17763", "--no-config", "Examples/legacy-filter"])
        #expect(ruleVersion.stdout.contains("INF is NOT VALID"))
        let notSignature = try Self.run(["check", "--rule-version", "17763", "Examples/legacy-filter"])
        #expect(notSignature.status == 2)
        #expect(notSignature.stderr.contains("--rule-version applies to signature mode"))
        let vnext = try Self.run(["check", "/h", "/rulever", "vnext", "Examples/legacy-filter"])
        #expect(vnext.status == 2)
        #expect(vnext.stderr.contains("not published"))
        let unknown = try Self.run(["check", "/nosuchswitch", "Examples/legacy-filter"])
        #expect(unknown.status == 2)
    }

    @Test("modes follow InfVerif's letters: desktop lowers every error to a warning")
    func modes() throws {
        let desktop = try Self.run(["check", "--mode", "desktop", "Examples/legacy-filter"])
        #expect(desktop.status == 0)
        #expect(desktop.stdout.contains("11 warnings"))
        let universal = try Self.run(["check", "--mode", "u", "Examples/legacy-filter"])
        #expect(universal.stdout.contains("warning[registry-root-not-hkr"))
    }

    @Test("rules lists every rule and explain prints one")
    func rulesAndExplain() throws {
        let rules = try Self.run(["rules"])
        #expect(rules.status == 0)
        try Self.expectGolden("rules.txt", rules.stdout)
        let explain = try Self.run(["explain", "1323"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("# service-key-outside-parameters"))
        #expect(explain.stdout.contains("## Reported"))
    }

    @Test("explain shows where the examples' files and registry values land", arguments: ["isolated-kmdf", "legacy-filter", "umdf-sensor"])
    func explainExamples(example: String) throws {
        let run = try Self.run(["explain", "Examples/\(example)"])
        #expect(run.status == 0)
        try Self.expectGolden("explain-\(example).txt", run.stdout)
    }

    @Test("dump prints one line per file in the order given, more than a batch of them, and exits 2 for a missing one")
    func dumpOrder() throws {
        // Over one parallel batch (64 files): the three examples again and again, a missing file among them.
        let examples = ["Examples/isolated-kmdf/contosoio.inf", "Examples/legacy-filter/legacyfilter.inf", "Examples/umdf-sensor/contososensor.inf"]
        var files = (0..<30).flatMap { _ in examples }
        files.insert("Examples/missing.inf", at: 70)
        let run = try Self.run(["dump", "--stats"] + files)
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == files.count)
        for (line, file) in zip(lines, files) where file != "Examples/missing.inf" {
            #expect(line.hasPrefix(file + ": "), "\(line) is not the line of \(file)")
        }
    }

    static let corpus = SharedData.corpus

    @Test("explain on corpus INFs: a KMDF bus driver, a UMDF driver and an NDIS filter",
          .enabled(if: SharedData.hasCorpus, SharedData.corpusAbsent), arguments: [
        "ViGEm__ViGEmBus/sys/ViGEmBus.inf",
        "microsoft__Windows-driver-samples/gnss/gnssUmdf/gnssUmdf.inf",
        "microsoft__Windows-driver-samples/network/ndis/filter/netlwf.inf",
    ])
    func explainCorpus(file: String) throws {
        let run = try Self.run(["explain", file], in: Self.corpus)
        #expect(run.status == 0)
        let name = (file as NSString).lastPathComponent
        try Self.expectGolden("explain-\(name).txt", run.stdout)
        let json = try Self.run(["explain", "--output-format", "json", file], in: Self.corpus)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "isolint-plan/1")
        #expect((object?["devices"] as? [Any])?.isEmpty == false)
    }
}
