import ArgumentParser
import DriverPackage
import Foundation
import INFModel
import INFSyntax
import Isolation
import Reporting

/// `isolint check`: report where driver packages are not isolated.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check INF files and driver package folders for driver package isolation.",
        discussion: """
        Checks every .inf and .inx file named or found (recursively) in the folders named; with no \
        path, the current folder. Exit status: 0 when no error remains, 1 when one does, 2 for bad \
        arguments or a path that does not exist.

        Examples:
          isolint check driver/package
          isolint check --mode signature --os 10.0.17763 x.inf
          isolint check --select registry --ignore hkcr-modification .
          isolint check --output-format github .
        """
    )

    @Argument(help: "INF/INX files or package folders (default: the current folder).")
    var paths: [String] = []

    @Option(help: "Validation mode: isolation (w, the default), signature (h), universal (u), declarative (k) or desktop.")
    var mode: String?

    @Option(help: "Evaluate for one Windows version only: 10.0.17763, 17763 or NTamd64.10.0...17763.")
    var os: String?

    @Option(help: "Evaluate for one architecture: x86, amd64, arm, arm64 or ia64 (default: those the INF declares).")
    var arch: String?

    @Option(help: "The [Strings.LLLL] locale: four hex digits such as 0409, or 'none'.")
    var locale: String = "0409"

    @Option(help: "The provider every INF must name in [Version] (InfVerif's /provider); reported as provider-mismatch.")
    var provider: String?

    @Option(parsing: .singleValue, help: "Rules to report: names, name prefixes or InfVerif codes, comma-separated (default: all).")
    var select: [String] = []

    @Option(parsing: .singleValue, help: "Rules to add to the selection.")
    var extendSelect: [String] = []

    @Option(parsing: .singleValue, help: "Rules not to report.")
    var ignore: [String] = []

    @Option(help: ArgumentHelp("Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))."))
    var outputFormat: String = "text"

    @Option(help: "Base URL of the rule documentation, for SARIF helpUri and JSON.")
    var documentationUrl: String = RenderOptions.defaultDocumentationBaseURL

    @Flag(help: "Exit with 0 even when errors are found.")
    var exitZero = false

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

    @Flag(help: "Check the INF files only, not the .sys, .dll and .exe files of built packages.")
    var noBinaries = false

    @Option(help: "The largest INF file read, e.g. 67108864, 512kB or 64MB (default 64MB); larger files are reported, not read.")
    var maxFileSize: String?

    func validate() throws {
        _ = try options(configuration: try configuration())
        guard ReportFormat(rawValue: outputFormat) != nil else {
            throw ValidationError("--output-format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(outputFormat)'")
        }
    }

    func run() throws {
        if fix || unsafeFixes || diff {
            try FixRunner(arguments: self).run()
            return
        }
        let configuration = try configuration()
        let options = try options(configuration: configuration)
        let format = ReportFormat(rawValue: outputFormat) ?? .text
        let clock = ContinuousClock()
        let start = clock.now
        let result = CheckRun(options: options).run(paths: paths.isEmpty ? ["."] : paths, progress: ProgressLine.forStandardError())
        ProgressLine.clear()
        for path in result.missingPaths {
            FileHandle.standardError.write(Data("isolint: error: \(path): no such file or folder\n".utf8))
        }
        Self.reportProblems(result.problems)
        var findings = Self.applyPerPathIgnores(result.findings, configuration: configuration)
        if let writeBaseline {
            do {
                try Baseline(findings: findings).write(path: writeBaseline)
            } catch {
                throw ValidationError(error.description)
            }
            FileHandle.standardError.write(Data("isolint: wrote \(findings.count) findings to \(writeBaseline)\n".utf8))
            return
        }
        if let baselinePath = baseline ?? configuration?.baseline.map({ Self.resolve($0, relativeTo: configuration?.path) }) {
            do {
                findings = try Baseline.load(path: baselinePath).filter(findings)
            } catch {
                throw ValidationError(error.description)
            }
        }
        let duration = clock.now - start
        let report = Report(findings: findings, rules: RuleCatalog.descriptions, filesChecked: result.filesChecked,
                            duration: duration, mode: options.mode, toolVersion: IsolintVersion.number)
        let colors = format == .text && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let reporter = format.reporter(options: RenderOptions(colors: colors, documentationBaseURL: documentationUrl,
                                                              sourceRoot: FileManager.default.currentDirectoryPath))
        var endsLine = true
        reporter.write(report) { piece in
            guard !piece.isEmpty else { return }
            FileHandle.standardOutput.write(Data(piece.utf8))
            endsLine = piece.hasSuffix("\n")
        }
        if !endsLine { FileHandle.standardOutput.write(Data("\n".utf8)) }
        if !result.missingPaths.isEmpty { throw ExitCode(2) }
        if !exitZero && report.summary.errors > 0 { throw ExitCode(1) }
    }

    /// Prints, on standard error, the links, devices and FIFOs a folder walk did not follow or read
    /// (folders that cannot be read are findings as well).
    static func reportProblems(_ problems: [DiscoveryProblem]) {
        guard !problems.isEmpty else { return }
        let text = problems.map { "isolint: \($0.isError ? "error" : "warning"): \($0)\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The configuration file that applies, if any.
    func configuration() throws -> Configuration? {
        if noConfig { return nil }
        let start = paths.first.map { path -> String in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return !exists || isDirectory.boolValue ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
        } ?? FileManager.default.currentDirectoryPath
        guard let path = config ?? Configuration.find(from: start) else { return nil }
        do {
            return try Configuration.load(path: path)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `path` relative to the folder of the configuration file at `base`.
    static func resolve(_ path: String, relativeTo base: String?) -> String {
        guard let base, !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: base).deletingLastPathComponent().appendingPathComponent(path).path
    }

    /// Drops findings that the configuration's per-path ignores silence.
    static func applyPerPathIgnores(_ findings: [Finding], configuration: Configuration?) -> [Finding] {
        guard let configuration, !configuration.perPathIgnores.isEmpty, let configPath = configuration.path else { return findings }
        let root = URL(fileURLWithPath: configPath).standardizedFileURL.deletingLastPathComponent().path
        return findings.filter { finding in
            let absolute = URL(fileURLWithPath: finding.location.file).standardizedFileURL.path
            let relative = absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : finding.location.file
            let ignored = configuration.ignoredRules(forPath: relative)
            guard let rule = RuleCatalog.descriptions.first(where: { $0.name == finding.rule }) else { return true }
            return !ignored.contains { $0.matches(rule) }
        }
    }

    /// The check options the arguments and the configuration describe.
    func options(configuration: Configuration?) throws -> CheckOptions {
        let mode: Mode
        if let text = self.mode {
            guard let parsed = Mode(argument: text) else {
                throw ValidationError("--mode must be isolation (w), signature (h), universal (u), declarative (k) or desktop, not '\(text)'")
            }
            mode = parsed
        } else {
            mode = configuration?.mode ?? .isolation
        }
        guard let stringsLocale = StringsLocale(parsing: locale) else {
            throw ValidationError("--locale takes four hexadecimal digits (e.g. 0409) or 'none', not '\(locale)'")
        }
        var architectures: [Architecture]?
        if let arch {
            guard let value = Architecture(name: arch) else {
                throw ValidationError("--arch must be one of \(Architecture.allCases.map(\.rawValue).joined(separator: ", ")), not '\(arch)'")
            }
            architectures = [value]
        }
        var version: WindowsVersion?
        if let os {
            if let decoration = PlatformDecoration(parsing: os), decoration.major != nil {
                version = WindowsVersion(major: decoration.major ?? 10, minor: decoration.minor ?? 0, build: decoration.build ?? 0)
                if let decorated = decoration.architecture, architectures == nil { architectures = [decorated] }
            } else if let parsed = WindowsVersion(parsing: os) {
                version = parsed
            } else {
                throw ValidationError("--os takes a Windows version such as 10.0.17763, 17763 or NTamd64.10.0...17763, not '\(os)'")
            }
        }
        let chosen = select.isEmpty ? configuration?.select : select
        let selection = RuleSelection(select: chosen.map(Self.selectors),
                                      extendSelect: Self.selectors((configuration?.extendSelect ?? []) + extendSelect),
                                      ignore: Self.selectors((configuration?.ignore ?? []) + ignore))
        let unknown = selection.unknownSelectors(in: RuleCatalog.descriptions)
        if let first = unknown.first {
            let suggestion = RuleNames.nearest(to: first.text).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("no rule is named or coded '\(first.text)'\(suggestion)")
        }
        var maximumFileSize = configuration?.maximumFileSize ?? SourceFile.maximumSize
        if let maxFileSize {
            guard let parsed = ByteSize.parse(maxFileSize) else {
                throw ValidationError("--max-file-size takes a positive size such as 67108864, 512kB or 64MB, not '\(maxFileSize)'")
            }
            maximumFileSize = parsed
        }
        return CheckOptions(mode: mode, selection: selection, architectures: architectures, targetVersion: version,
                            locale: stringsLocale, scansBinaries: !noBinaries,
                            expectedProvider: provider ?? configuration?.provider, maximumFileSize: maximumFileSize)
    }

    static func selectors(_ values: [String]) -> [RuleSelector] {
        values.flatMap { $0.split(separator: ",") }.map { RuleSelector(String($0)) }.filter { !$0.text.isEmpty }
    }
}

/// Suggestions for mistyped rule names.
enum RuleNames {
    /// The rule name closest to `text` by edit distance, when close enough to be a typo.
    static func nearest(to text: String) -> String? {
        let names = RuleCatalog.descriptions.map(\.name)
        let scored = names.map { ($0, distance(Array(text), Array($0))) }.min { $0.1 < $1.1 }
        guard let (name, score) = scored, score <= max(2, text.count / 3) else { return nil }
        return name
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
