import ArgumentParser
import ConfigurationFiles
import DriverPackage
import Findings
import Foundation
import Platform
import INFModel
import INFSyntax
import IsolationEngine
import IsolationRules
import Reporting
import Workspace

/// `isolint check`: report where driver packages are not isolated.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check INF files and driver package folders for driver package isolation.",
        discussion: """
        Checks every .inf, .inx and .inf.in file named or found (recursively) in the folders named; with no \
        path, the current folder. Exit status: 0 when no error remains, 1 when one does, 2 for bad \
        arguments or a path that does not exist.

        Examples:
          isolint check driver/package
          isolint check --mode signature --os 1809 x.inf
          isolint check --select registry --ignore hkcr-modification .
                                                 the Registry group but one rule
          isolint check --ignore 1300-1303,unused-section .
          isolint check --output-format github .
          isolint check /w /samples driver.inf   InfVerif's switches: /w /h /u /k,
                                                 /samples, /msft, /provider NAME,
                                                 /osver VERSION, /rulever VERSION,
                                                 /stampinf and /v
        """
    )

    @OptionGroup var arguments: CheckArguments

    func run() throws {
        try arguments.run()
    }
}

/// The options of `check`, which `fix` shares, and the check run itself.
struct CheckArguments: ParsableArguments {
    @Argument(help: "INF/INX files or package folders (default: the current folder).")
    var paths: [String] = []

    @Option(help: "Validation mode: isolation (w, the default), signature (h), universal (u), declarative (k) or desktop.")
    var mode: String?

    @Option(help: "Evaluate for one Windows version only: a release (1809, 22H2, 11, 11-24H2, Server 2022), a build (17763, 10.0.17763) or a decoration (NTamd64.10.0...17763).")
    var os: String?

    @Option(help: "Evaluate for one architecture: x86, amd64, arm, arm64 or ia64 (default: those the INF declares).")
    var arch: String?

    @Option(help: "The [Strings.LLLL] locale: four hex digits such as 0409, or 'none'.")
    var locale: String = "0409"

    @Option(help: "The provider every INF must name in [Version] (InfVerif's /provider); reported as provider-mismatch.")
    var provider: String?

    @Flag(name: .customLong("fail-if-no-inf"), help: "End with status 2 when the paths hold no .inf or .inx file (a warning otherwise).")
    var failIfNoINF = false

    @Flag(help: "As InfVerif's /samples (the WDK build's switch for Microsoft's samples): do not report 1284, 1285, 1293, 2083 and 2086.")
    var samples = false

    @Option(help: "With --mode signature, as InfVerif's /rulever: the newest Windows build whose rules apply (10.0.17763 or NTamd64.10.0...17763); sections that install only on later builds are not validated.")
    var ruleVersion: String?

    @Flag(help: "As InfVerif's /msft (Microsoft's own projects): accept the Sample class and Provider = Microsoft (no 1204, 1284, 1285).")
    var msft = false

    @Option(parsing: .singleValue, help: "Rules to report, comma-separated: rule names, name prefixes, groups (A-G or their names: files, registry, declarative, structure, binaries, infverif-parity, isolation-guidance), InfVerif codes or code ranges such as 1300-1303 (default: all).")
    var select: [String] = []

    @Option(parsing: .singleValue, help: "Rules to add to the selection.")
    var extendSelect: [String] = []

    @Option(parsing: .singleValue, help: "Rules not to report.")
    var ignore: [String] = []

    @Option(help: ArgumentHelp("Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))."))
    var outputFormat: String = "text"

    @Flag(help: "With --output-format infverif: InfVerif's verbose banner and a Checking line per INF (InfVerif's /v).")
    var verbose = false

    @Option(help: "Base URL of the rule documentation, for SARIF helpUri and JSON.")
    var documentationUrl: String = RenderOptions.defaultDocumentationBaseURL

    @Flag(help: "Exit with 0 even when errors are found.")
    var exitZero = false

    @Option(help: "The lowest level that makes the run fail (status 1): error (the default), warning or note.")
    var failOn: String = "error"

    @Flag(help: "Print how many findings each rule reported instead of the findings (as a table, or JSON with --output-format json).")
    var statistics = false

    @Option(help: "Colour the text output: auto (when writing to a terminal and NO_COLOR is unset), always or never.")
    var color: String = "auto"

    @Option(help: "Read settings from this file instead of the isolint.toml found from the current folder upward.")
    var config: String?

    @Flag(help: "Ignore any isolint.toml.")
    var noConfig = false

    @Option(help: "Report only findings that this baseline file does not accept.")
    var baseline: String?

    @Option(help: "Write every finding to this baseline file, then exit with 0.")
    var writeBaseline: String?

    @Flag(help: "Apply safe fixes to the files.")
    var fix = false

    @Flag(help: "Apply unsafe fixes too (implies --fix); each prints what else must change.")
    var unsafeFixes = false

    @Flag(help: "Print the fixes as a unified diff and write nothing (exit 1 when something would change).")
    var diff = false

    @Flag(help: "With --fix, keep each original as <file>.orig.")
    var backup = false

    @Flag(help: "List the fixes applied (with --diff, those that would be; without a fix option, those available), by file and rule.")
    var showFixes = false

    @Flag(help: "With --fix or --diff: print the number of files, fix rounds and parses on standard error.")
    var stats = false

    @Flag(help: "Check the INF files only, not the .sys, .dll and .exe files of built packages.")
    var noBinaries = false

    @Option(help: "The largest INF file read, e.g. 67108864, 512kB or 64MB (default 64MB); larger files are reported, not read.")
    var maxFileSize: String?

    func validate() throws {
        _ = try settings()
        guard let format = ReportFormat(rawValue: outputFormat) else {
            throw ValidationError("--output-format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(outputFormat)'")
        }
        guard Level(rawValue: failOn) != nil else { throw ValidationError("--fail-on must be error, warning or note, not '\(failOn)'") }
        guard ["auto", "always", "never"].contains(color) else { throw ValidationError("--color must be auto, always or never, not '\(color)'") }
        if statistics, !format.isForPeople, format != .json {
            throw ValidationError("--statistics prints a table or, with --output-format json, JSON; not \(outputFormat)")
        }
    }

    func run() throws {
        if fix || unsafeFixes || diff {
            try FixRunner(arguments: self).run()
            return
        }
        let settings = try settings()
        Self.reportNotes(settings)
        let options = settings.options
        let format = ReportFormat(rawValue: outputFormat) ?? .text
        let clock = ContinuousClock()
        let start = clock.now
        let workspace = Workspace(paths: paths, settings: settings)
        let result = workspace.check(applyingBaseline: writeBaseline == nil, progress: ProgressLine.forStandardError())
        ProgressLine.clear()
        for path in result.missingPaths {
            StandardStream.error.write("isolint: error: \(path): no such file or folder\n")
        }
        Self.reportProblems(result.problems)
        let findings = result.findings
        if let writeBaseline {
            do {
                try Baseline(findings: findings).write(path: writeBaseline)
            } catch {
                throw ValidationError(error.description)
            }
            StandardStream.error.write("isolint: wrote \(findings.count) findings to \(writeBaseline)\n")
            return
        }
        let duration = clock.now - start
        let report = Report(findings: findings, rules: RuleCatalog.descriptions, filesChecked: result.infFilesChecked,
                            duration: duration, mode: options.mode, toolVersion: IsolintVersion.number,
                            checkedFiles: result.checkedFiles, hidden: result.hidden, binariesChecked: result.namedBinaries)
        let reporter: any Reporter = statistics
            ? StatisticsReporter(json: format == .json)
            : format.reporter(options: RenderOptions(colors: colors(for: format), documentationBaseURL: documentationUrl,
                                                     sourceRoot: FileManager.default.currentDirectoryPath, verbose: verbose))
        var endsLine = true
        reporter.writeUTF8(report) { piece in
            guard let last = piece.last else { return }
            StandardStream.output.write(bytes: piece)
            endsLine = last == 0x0A
        }
        if !endsLine { StandardStream.output.write("\n") }
        if format == .github, !statistics { Self.writeStepSummary(report, documentationBaseURL: documentationUrl) }
        if showFixes { StandardStream.error.write(Self.availableFixes(report.findings)) }
        if result.filesChecked == 0 { try Self.reportNothingFound(paths, missing: !result.missingPaths.isEmpty, failing: failIfNoINF) }
        if !result.missingPaths.isEmpty { throw ExitCode(2) }
        if fails(report.findings) { throw ExitCode(1) }
    }

    /// Appends the Markdown job summary of `report` to the file GitHub Actions names in
    /// GITHUB_STEP_SUMMARY, when it names one.
    static func writeStepSummary(_ report: Report, documentationBaseURL: String) {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let repository = GitHubStepSummary.Repository(environment: environment, current: FileManager.default.currentDirectoryPath)
        let summary = GitHubStepSummary(repository: repository,
                                        documentationBaseURL: documentationBaseURL)
        let text = summary.render(report)
        do {
            if !FileManager.default.fileExists(atPath: path), !FileManager.default.createFile(atPath: path, contents: nil) {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            StandardStream.error.write("isolint: warning: cannot write the job summary to \(path): \(error.localizedDescription)\n")
        }
    }

    /// The `--show-fixes` list of a check that applies nothing: the fixes the findings carry, by file and rule.
    static func availableFixes(_ findings: [Finding]) -> String {
        var byFile: [String: [(rule: String, title: String, safety: FixSafety)]] = [:]
        var files: [String] = []
        for finding in findings {
            guard let fix = finding.fix, !fix.edits.isEmpty else { continue }
            if byFile[finding.location.file] == nil { files.append(finding.location.file) }
            byFile[finding.location.file, default: []].append((finding.rule, fix.title, fix.safety))
        }
        guard !files.isEmpty else { return "No fixes available.\n" }
        return "Fixes available (--fix applies the safe ones, --unsafe-fixes all):\n"
            + files.map { FixRunner.enumeration(path: $0, fixes: byFile[$0] ?? []) }.joined()
    }

    /// Whether `findings` end the run with status 1: one at `--fail-on`'s level or above, unless `--exit-zero`.
    func fails(_ findings: [Finding]) -> Bool {
        let threshold = Level(rawValue: failOn) ?? .error
        return !exitZero && findings.contains { $0.level >= threshold }
    }

    /// Whether the output in `format` is coloured: `--color`, and for `auto` a terminal without NO_COLOR.
    func colors(for format: ReportFormat) -> Bool {
        guard format.isForPeople else { return false }
        switch color {
        case "always": return true
        case "never": return false
        default: return StandardStream.output.rendersEscapes && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    /// Prints the settings' notes (codes no rule reports) on standard error.
    static func reportNotes(_ settings: WorkspaceSettings) {
        for note in settings.notes { StandardStream.error.write("isolint: note: \(note)\n") }
    }

    /// Says on standard error that `paths` held no INF file, which a CI job would otherwise pass
    /// silently; with `--fail-if-no-inf`, ends the run with status 2.
    static func reportNothingFound(_ paths: [String], missing: Bool, failing: Bool) throws {
        guard !missing else { return }
        let place = paths.isEmpty ? "the current folder" : paths.map { "'\($0)'" }.joined(separator: ", ")
        StandardStream.error.write("isolint: \(failing ? "error" : "warning"): no .inf, .inx or .inf.in file found in \(place)\n")
        if failing { throw ExitCode(2) }
    }

    /// Prints, on standard error, the links, devices and FIFOs a folder walk did not follow or read
    /// (folders that cannot be read are findings as well).
    static func reportProblems(_ problems: [DiscoveryProblem]) {
        guard !problems.isEmpty else { return }
        let text = problems.map { "isolint: \($0.isError ? "error" : "warning"): \($0)\n" }.joined()
        StandardStream.error.write(text)
    }

    /// The settings the arguments and the configuration file describe, resolved once.
    func settings() throws -> WorkspaceSettings {
        var input = SettingsInput()
        input.paths = paths
        input.mode = mode
        input.os = os
        input.arch = arch
        input.locale = locale
        input.provider = provider
        input.select = select
        input.extendSelect = extendSelect
        input.ignore = ignore
        input.maxFileSize = maxFileSize
        input.config = config
        input.noConfig = noConfig
        input.baseline = baseline
        input.scansBinaries = !noBinaries
        input.samples = samples
        input.msft = msft
        input.ruleVersion = ruleVersion
        do {
            return try WorkspaceSettings.resolve(input)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
