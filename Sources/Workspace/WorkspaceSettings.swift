import ConfigurationFiles
import DriverPackage
import Findings
import Foundation
import INFModel
import INFSyntax
import IsolationEngine
import IsolationKnowledge
import IsolationRules
import Platform

/// What a run was asked for, as typed: command-line options, each `nil` or empty when not given.
public struct SettingsInput: Sendable {
    public var paths: [String] = []
    public var mode: String?
    public var os: String?
    public var arch: String?
    public var locale = "0409"
    public var provider: String?
    public var select: [String] = []
    public var extendSelect: [String] = []
    public var ignore: [String] = []
    public var maxFileSize: String?
    /// A configuration file to read instead of the one found from the first path upward.
    public var config: String?
    /// Ignore any configuration file.
    public var noConfig = false
    /// A baseline file given on the command line (it wins over the configuration's).
    public var baseline: String?
    public var scansBinaries = true
    /// InfVerif's `/samples` (`--samples`).
    public var samples = false
    /// InfVerif's `/msft` (`--msft`).
    public var msft = false
    /// InfVerif's `/rulever` (`--rule-version`), for signature mode.
    public var ruleVersion: String?

    public init() {}
}

/// A setting that cannot be used: the option or file it came from and why.
public struct SettingsError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The settings of a run, resolved once from the command line and `isolint.toml`: the check options
/// (mode, target, selection, locale), the per-path ignores and the baseline. Every command of a
/// workspace reads them from here.
public struct WorkspaceSettings: Sendable {
    public var options: CheckOptions
    /// The configuration file that applied, if any (per-path ignores, paths relative to it).
    public var configuration: Configuration?
    /// The baseline whose findings are accepted, if any.
    public var baseline: Baseline?

    public init(options: CheckOptions = CheckOptions(), configuration: Configuration? = nil, baseline: Baseline? = nil) {
        self.options = options
        self.configuration = configuration
        self.baseline = baseline
    }

    /// Resolves `input`: finds and reads the configuration, parses every option once.
    public static func resolve(_ input: SettingsInput) throws(SettingsError) -> WorkspaceSettings {
        let configuration = try configuration(for: input)
        let options = try options(input, configuration: configuration)
        var baseline: Baseline?
        if let path = input.baseline ?? configuration?.baseline.map({ resolve($0, relativeTo: configuration?.path) }) {
            do {
                baseline = try Baseline.load(path: path)
            } catch {
                throw SettingsError(error.description)
            }
        }
        return WorkspaceSettings(options: options, configuration: configuration, baseline: baseline)
    }

    /// The findings these settings report: without those the per-path ignores silence or the
    /// baseline accepts.
    public func keep(_ findings: [Finding]) -> [Finding] {
        partition(findings).kept
    }

    /// The findings these settings report, and how many the per-path ignores and the baseline hid.
    public func partition(_ findings: [Finding]) -> (kept: [Finding], hidden: HiddenFindings) {
        var hidden = HiddenFindings()
        var result = applyingPerPathIgnores(findings)
        hidden.perPathIgnores = findings.count - result.count
        if let baseline {
            let before = result.count
            result = baseline.filter(result)
            hidden.baseline = before - result.count
        }
        return (result, hidden)
    }

    /// What a run says on standard error about its settings: InfVerif codes named in the selection
    /// that no rule reports (a configuration shared with InfVerif's suppressions may name them).
    public var notes: [String] {
        options.selection.unmatchedCodes(in: RuleCatalog.descriptions).map { selector in
            let what = selector.codes.map { $0.count == 1 ? "InfVerif code \($0.lowerBound)" : "an InfVerif code in \(selector.text)" } ?? selector.text
            return "no rule reports \(what): selecting or ignoring it changes nothing"
        }
    }

    /// Whether anything is hidden by the settings (a run can skip the filter otherwise).
    public var hidesFindings: Bool {
        baseline != nil || !(configuration?.perPathIgnores.isEmpty ?? true)
    }

    /// The configuration file that applies to `input`, if any.
    static func configuration(for input: SettingsInput) throws(SettingsError) -> Configuration? {
        if input.noConfig { return nil }
        let start = input.paths.first.map { path -> String in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return !exists || isDirectory.boolValue ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
        } ?? FileManager.default.currentDirectoryPath
        guard let path = input.config ?? Configuration.find(from: start) else { return nil }
        do {
            return try Configuration.load(path: path)
        } catch {
            throw SettingsError(error.description)
        }
    }

    /// `path` relative to the folder of the configuration file at `base`.
    static func resolve(_ path: String, relativeTo base: String?) -> String {
        let syntax = PathSyntax.host
        guard let base, !syntax.isAbsolute(path) else { return path }
        return syntax.join(syntax.parent(base), path)
    }

    /// The findings without those the configuration's per-path ignores silence.
    func applyingPerPathIgnores(_ findings: [Finding]) -> [Finding] {
        guard let configuration, !configuration.perPathIgnores.isEmpty, let configPath = configuration.path else { return findings }
        let root = URL(fileURLWithPath: configPath).standardizedFileURL.deletingLastPathComponent().path
        var rules: [String: RuleDescription] = [:]
        for description in RuleCatalog.descriptions { rules[description.name] = description }
        return findings.filter { finding in
            let absolute = URL(fileURLWithPath: finding.location.file).standardizedFileURL.path
            // Per-path patterns are written with `/`, whichever separator the system uses.
            let relative = PathSyntax.host.relative(absolute, to: root)?.replacingOccurrences(of: "\\", with: "/")
                ?? finding.location.file
            guard let rule = rules[finding.rule] else { return true }
            return !configuration.ignoredRules(forPath: relative).contains { $0.matches(rule) }
        }
    }

    /// The target a `--os` value names: the Windows version, and the architecture a decoration
    /// (`NTamd64.10.0...17763`) carries. A release name (`1809`, `22H2`, `11`, `11-24H2`, `Server
    /// 2022`) gives its build; a version 10 build below Windows 10's first is refused.
    public static func target(os: String) throws(SettingsError) -> (version: WindowsVersion, architecture: Architecture?) {
        try target(os, option: "--os")
    }

    /// ``target(os:)`` for the option named `option` (`--os`, `--rule-version`, `--min-os`).
    public static func target(_ text: String, option: String) throws(SettingsError) -> (version: WindowsVersion, architecture: Architecture?) {
        let found: (version: WindowsVersion, architecture: Architecture?)
        if let decoration = PlatformDecoration(parsing: text), decoration.major != nil {
            found = (WindowsVersion(major: decoration.major ?? 10, minor: decoration.minor ?? 0, build: decoration.build ?? 0),
                     decoration.architecture)
        } else if let build = WindowsReleases.build(named: text) {
            return (WindowsVersion(major: 10, minor: 0, build: build), nil)
        } else if let parsed = WindowsVersion(parsing: text) {
            found = (parsed, nil)
        } else {
            throw SettingsError("\(option) takes a Windows release such as 1809, 22H2, 11, 11-24H2 or Server 2022, a build such as 17763 or 10.0.17763, or a decoration such as NTamd64.10.0...17763, not '\(text)'")
        }
        let version = found.version
        if version.major == 10, version.build > 0, version.build < WindowsReleases.firstWindows10Build {
            throw SettingsError("\(option) \(text): build \(version.build) is older than Windows 10's first (\(WindowsReleases.firstWindows10Build)); name a release such as 1809 or a build such as 17763")
        }
        return found
    }

    /// The architecture an `--arch` value names.
    public static func architecture(_ name: String) throws(SettingsError) -> Architecture {
        guard let value = Architecture(name: name) else {
            throw SettingsError("--arch must be one of \(Architecture.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
        }
        return value
    }

    /// The check options the input and the configuration describe.
    static func options(_ input: SettingsInput, configuration: Configuration?) throws(SettingsError) -> CheckOptions {
        let mode: Mode
        if let text = input.mode {
            guard let parsed = Mode(argument: text) else {
                throw SettingsError("--mode must be isolation (w), signature (h), universal (u), declarative (k) or desktop, not '\(text)'")
            }
            mode = parsed
        } else {
            mode = configuration?.mode ?? .isolation
        }
        guard let stringsLocale = StringsLocale(parsing: input.locale) else {
            throw SettingsError("--locale takes four hexadecimal digits (e.g. 0409) or 'none', not '\(input.locale)'")
        }
        var architectures: [Architecture]?
        if let arch = input.arch { architectures = [try architecture(arch)] }
        var version: WindowsVersion?
        if let os = input.os {
            let target = try target(os: os)
            version = target.version
            if let decorated = target.architecture, architectures == nil { architectures = [decorated] }
        }
        let chosen = input.select.isEmpty ? configuration?.select : input.select
        let selection = RuleSelection(select: chosen.map(selectors),
                                      extendSelect: selectors((configuration?.extendSelect ?? []) + input.extendSelect),
                                      ignore: selectors((configuration?.ignore ?? []) + input.ignore))
        let unknown = selection.unknownSelectors(in: RuleCatalog.descriptions)
        if let first = unknown.first {
            let suggestion = RuleNames.nearest(to: first.text).map { "; did you mean '\($0)'?" } ?? ""
            throw SettingsError("no rule is named or coded '\(first.text)'\(suggestion)")
        }
        var maximumFileSize = configuration?.maximumFileSize ?? SourceFile.maximumSize
        if let maxFileSize = input.maxFileSize {
            guard let parsed = ByteSize.parse(maxFileSize) else {
                throw SettingsError("--max-file-size takes a positive size such as 67108864, 512kB or 64MB, not '\(maxFileSize)'")
            }
            maximumFileSize = parsed
        }
        var options = CheckOptions(mode: mode, selection: selection, architectures: architectures, targetVersion: version,
                                   locale: stringsLocale, scansBinaries: input.scansBinaries,
                                   expectedProvider: input.provider ?? configuration?.provider, maximumFileSize: maximumFileSize)
        if let text = input.ruleVersion {
            guard mode == .signature else {
                throw SettingsError("--rule-version applies to signature mode (--mode h, InfVerif's /h) only")
            }
            guard text.lowercased() != "vnext" else {
                throw SettingsError("--rule-version vnext: the next release's /h rules are not published; --mode isolation checks full driver package isolation, which they move towards")
            }
            options.ruleVersion = try target(text, option: "--rule-version").version
        }
        if input.samples || configuration?.samples == true { options.suppressedCodes.formUnion(InfVerifCodes.suppressedBySamples) }
        if input.msft || configuration?.msft == true { options.suppressedCodes.formUnion(InfVerifCodes.suppressedByMSFT) }
        for (text, level) in configuration?.levels ?? [] {
            let selector = RuleSelector(text)
            let rules = RuleCatalog.descriptions.filter { selector.matches($0) }
            guard !rules.isEmpty else {
                let suggestion = RuleNames.nearest(to: text).map { "; did you mean '\($0)'?" } ?? ""
                throw SettingsError("[levels]: no rule is named or coded '\(text)'\(suggestion)")
            }
            for rule in rules { options.levelOverrides[rule.name] = level }
        }
        return options
    }

    static func selectors(_ values: [String]) -> [RuleSelector] {
        values.flatMap { $0.split(separator: ",") }.map { RuleSelector(String($0)) }.filter { !$0.text.isEmpty }
    }
}
