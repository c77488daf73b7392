import ArgumentParser
import Foundation
import INFModel
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

    @Option(help: "Validation mode: isolation (w), signature (h), universal (u), declarative (k) or desktop.")
    var mode: String = "isolation"

    @Option(help: "Evaluate for one Windows version only: 10.0.17763, 17763 or NTamd64.10.0...17763.")
    var os: String?

    @Option(help: "Evaluate for one architecture: x86, amd64, arm, arm64 or ia64 (default: those the INF declares).")
    var arch: String?

    @Option(help: "The [Strings.LLLL] locale: four hex digits such as 0409, or 'none'.")
    var locale: String = "0409"

    @Option(parsing: .singleValue, help: "Rules to report: names, name prefixes or InfVerif codes, comma-separated (default: all).")
    var select: [String] = []

    @Option(parsing: .singleValue, help: "Rules to add to the selection.")
    var extendSelect: [String] = []

    @Option(parsing: .singleValue, help: "Rules not to report.")
    var ignore: [String] = []

    @Option(help: "Output format: text, json, sarif, github or infverif.")
    var outputFormat: String = "text"

    @Option(help: "Base URL of the rule documentation, for SARIF helpUri and JSON.")
    var documentationUrl: String = RenderOptions.defaultDocumentationBaseURL

    @Flag(help: "Exit with 0 even when errors are found.")
    var exitZero = false

    func validate() throws {
        _ = try options()
        guard ReportFormat(rawValue: outputFormat) != nil else {
            throw ValidationError("--output-format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(outputFormat)'")
        }
    }

    func run() throws {
        let options = try options()
        let format = ReportFormat(rawValue: outputFormat) ?? .text
        let clock = ContinuousClock()
        let start = clock.now
        let result = CheckRun(options: options).run(paths: paths.isEmpty ? ["."] : paths)
        let duration = clock.now - start
        for path in result.missingPaths {
            FileHandle.standardError.write(Data("isolint: error: \(path): no such file or folder\n".utf8))
        }
        let report = Report(findings: result.findings, rules: RuleCatalog.descriptions, filesChecked: result.filesChecked,
                            duration: duration, mode: options.mode, toolVersion: IsolintVersion.number)
        let colors = format == .text && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let text = format.render(report, options: RenderOptions(colors: colors, documentationBaseURL: documentationUrl,
                                                                  sourceRoot: FileManager.default.currentDirectoryPath))
        FileHandle.standardOutput.write(Data(text.utf8))
        if !text.isEmpty && !text.hasSuffix("\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
        if !result.missingPaths.isEmpty { throw ExitCode(2) }
        if !exitZero && report.summary.errors > 0 { throw ExitCode(1) }
    }

    /// The check options the arguments describe.
    func options() throws -> CheckOptions {
        guard let mode = Mode(argument: mode) else {
            throw ValidationError("--mode must be isolation (w), signature (h), universal (u), declarative (k) or desktop, not '\(self.mode)'")
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
        let selection = RuleSelection(select: select.isEmpty ? nil : Self.selectors(select),
                                      extendSelect: Self.selectors(extendSelect), ignore: Self.selectors(ignore))
        let unknown = selection.unknownSelectors(in: RuleCatalog.descriptions)
        if let first = unknown.first {
            let suggestion = RuleNames.nearest(to: first.text).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("no rule is named or coded '\(first.text)'\(suggestion)")
        }
        return CheckOptions(mode: mode, selection: selection, architectures: architectures, targetVersion: version,
                            locale: stringsLocale)
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
