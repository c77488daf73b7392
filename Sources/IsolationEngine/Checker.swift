import DriverPackage
import Findings
import INFModel
import INFSyntax
import IsolationKnowledge

/// Options of a check run that change what is reported.
public struct CheckOptions: Sendable {
    public var mode: Mode
    public var selection: RuleSelection
    /// The architectures to evaluate; `nil` evaluates those the INF declares.
    public var architectures: [Architecture]?
    /// The one Windows version to evaluate (`--os`); `nil` evaluates every Models range.
    public var targetVersion: WindowsVersion?
    public var locale: StringsLocale
    /// Whether the binaries of built packages are read and checked (`--no-binaries` turns this off).
    public var scansBinaries: Bool
    /// The provider every INF must name (`--provider`, InfVerif's `/provider`), if any.
    public var expectedProvider: String?
    /// The largest INF file read, in bytes (`--max-file-size`); a larger file is reported, not loaded.
    public var maximumFileSize: Int
    /// Levels set by the user (`[levels]` in `isolint.toml`), by rule name: every finding of the rule
    /// takes this level, in every mode, whatever the catalog says.
    public var levelOverrides: [String: Level] = [:]
    /// InfVerif codes not reported (InfVerif's `/samples` and `/msft` switches): a finding whose own
    /// code is one of them is dropped.
    public var suppressedCodes: Set<Int> = []
    /// InfVerif's `/rulever` in signature mode: the newest Windows build whose rules apply. Sections
    /// that install only on later builds are not validated, so their findings are dropped.
    public var ruleVersion: WindowsVersion?

    public init(mode: Mode = .isolation, selection: RuleSelection = RuleSelection(), architectures: [Architecture]? = nil,
                targetVersion: WindowsVersion? = nil, locale: StringsLocale = .english, scansBinaries: Bool = true,
                expectedProvider: String? = nil, maximumFileSize: Int = SourceFile.maximumSize) {
        self.expectedProvider = expectedProvider
        self.maximumFileSize = maximumFileSize
        self.mode = mode
        self.selection = selection
        self.architectures = architectures
        self.targetVersion = targetVersion
        self.locale = locale
        self.scansBinaries = scansBinaries
    }
}

extension CheckOptions {
    /// The level of `rule`'s findings in this run: the user's override, else the catalog's level in
    /// the mode; `nil` when the rule is off.
    public func level(of rule: RuleDescription) -> Level? {
        levelOverrides[rule.name] ?? rule.levels[mode]
    }
}

/// The result of checking one INF: its findings and what it says about its package's binaries.
public struct FileCheck: Sendable {
    public var findings: [Finding]
    /// Whether the package folder holds a file the INF lists.
    public var isBuilt = false
    /// The paths below the package folder of the binaries the INF installs.
    public var installedBinaries: [String] = []
    /// How many findings suppression comments silenced.
    public var suppressed = 0
    /// Whether the file was a binary named on the command line, scanned on its own.
    public var isNamedBinary = false

    public init(findings: [Finding], isBuilt: Bool = false, installedBinaries: [String] = [], suppressed: Int = 0) {
        self.findings = findings
        self.isBuilt = isBuilt
        self.installedBinaries = installedBinaries
        self.suppressed = suppressed
    }
}

/// Runs the rules of the catalog over INF files and the binaries they install, and turns violations
/// into findings.
public struct Checker: Sendable {
    public let options: CheckOptions
    public let rules: [any Rule.Type]
    /// The binaries read so far, shared by every check this checker makes, so that each is read once;
    /// nil when binaries are not scanned or no selected rule looks at them.
    public let binaries: BinaryCache?
    /// The selected rules that also read binaries, found once (a cast to a protocol costs a search of
    /// the program's conformances).
    private let binaryRules: [any BinaryRule.Type]
    /// Each selected rule with its description, its level in this run and whether the user set that
    /// level: looked up once, not for every file.
    private let runs: [RuleRun]
    /// The selected rules that judge the other rules' findings, run after them.
    private let auditRuns: [RuleRun]
    /// The names of the rules that run on every INF, and of those that run on its binaries too.
    private let ranRuleNames: (inf: Set<String>, withBinaries: Set<String>)

    public init(options: CheckOptions, rules: [any Rule.Type]) {
        self.options = options
        self.rules = rules.filter { options.selection.includes($0.description) && options.level(of: $0.description) != nil }
        binaryRules = self.rules.compactMap { $0.binaryRule }
        let allRuns = self.rules.compactMap { rule in
            let description = rule.description
            return options.level(of: description).map {
                RuleRun(rule: rule, description: description, level: $0, overridden: options.levelOverrides[description.name] != nil)
            }
        }
        runs = allRuns.filter { !$0.rule.readsOtherFindings }
        auditRuns = allRuns.filter { $0.rule.readsOtherFindings }
        let infRules = Set(runs.map { $0.description.name })
        ranRuleNames = (infRules, infRules.union(binaryRules.map { $0.description.name }))
        binaries = options.scansBinaries && !binaryRules.isEmpty ? BinaryCache(options: Self.binaryScanOptions) : nil
    }

    /// What a scan keeps of a binary's strings: those that hold a path one of the binary rules looks for.
    static let binaryScanOptions = BinaryScanOptions(keepsString: { PathPatterns.isCandidate($0.value) })

    /// Checks one parsed INF, and the binaries it installs when `package` is a built package.
    /// `displayPath` is the path findings name; binaries are named by their place beside it.
    public func check(tree: SyntaxTree, displayPath: String, package: PackageContents? = nil) -> [Finding] {
        checkFile(tree: tree, displayPath: displayPath, package: package).findings
    }

    /// Checks one parsed INF and the binaries it installs.
    public func checkFile(tree: SyntaxTree, displayPath: String, package: PackageContents?) -> FileCheck {
        // `$ARCH$` tokens (in .inx files, and in .inf files that were never stamped) take the evaluated architecture.
        let stamp = TemplateTokens.containsArchitectureToken(tree.source.text.units) ? (options.architectures?.first ?? .amd64).rawValue : nil
        let document = INFDocument(tree: tree, options: ModelOptions(locale: options.locale, directories: .keep, stampArchitecture: stamp))
        var context = RuleContext(document: document, package: package, architectures: options.architectures,
                                  targetVersion: options.targetVersion, mode: options.mode,
                                  expectedProvider: options.expectedProvider)
        let suppressions = context.suppressions
        var sink = FindingSink()
        for run in runs {
            report(run, run.rule.init().check(context), tree: tree, displayPath: displayPath, scopes: context.installScopes,
                   suppressions: suppressions, into: &sink)
        }
        var binaryFindings: [Finding] = []
        var suppressedInBinaries = 0
        var isBuilt = false
        var installedBinaries: [String] = []
        if let cache = binaries, context.isBuiltPackage {
            isBuilt = true
            let installed = context.installedBinaries
            installedBinaries = installed.map(\.binary.relativePath)
            let targets = installed.compactMap { binary, sites in
                cache.image(of: binary).map { BinaryTarget(image: $0, installs: sites, targetVersion: options.targetVersion) }
            }
            binaryFindings = check(targets, besideINF: displayPath) { rule, target in
                // A suppression comment on a line that installs the binary silences the rule for it.
                for site in target.installs {
                    if let suppression = suppressions.suppression(of: rule, onLine: tree.position(of: site.range.lowerBound).line) {
                        sink.used.insert(suppression)
                        suppressedInBinaries += 1
                        return false
                    }
                }
                return true
            } relatedLocation: { range in
                Self.location(of: range, in: tree, path: displayPath)
            }
        }
        if !auditRuns.isEmpty {
            context.suppressionAudit = SuppressionAudit(
                suppressions: suppressions, used: sink.used, ranRules: isBuilt ? ranRuleNames.withBinaries : ranRuleNames.inf,
                isNarrowed: options.architectures != nil || options.targetVersion != nil || options.ruleVersion != nil)
            for run in auditRuns {
                report(run, run.rule.init().check(context), tree: tree, displayPath: displayPath, scopes: context.installScopes,
                       suppressions: suppressions, into: &sink)
            }
        }
        var findings = narrowed(sink.kept)
        findings.sort { ($0.location.line, $0.location.column, $0.rule) < ($1.location.line, $1.location.column, $1.rule) }
        return FileCheck(findings: findings + binaryFindings, isBuilt: isBuilt, installedBinaries: installedBinaries,
                         suppressed: narrowed(sink.suppressed).count + suppressedInBinaries)
    }

    /// Turns one rule's violations into findings: placed, leveled for the mode, deduplicated, and kept
    /// or (when a suppression comment silences them) set aside.
    private func report(_ run: RuleRun, _ violations: [Violation], tree: SyntaxTree, displayPath: String,
                        scopes: InstallScopes, suppressions: Suppressions, into sink: inout FindingSink) {
        guard !violations.isEmpty else { return }
        var seen = Set<ReportedPlace>(minimumCapacity: violations.count)
        for violation in violations {
            let location = Self.location(of: violation.range, in: tree, path: displayPath)
            // A suppression that matches counts as used in every mode, so that a comment needed in
            // one mode is not reported as unused in another.
            let suppression = suppressions.suppression(of: run.description, onLine: location.line)
            if let suppression { sink.used.insert(suppression) }
            if violation.allowedInSignatureMode && options.mode == .signature { continue }
            let codes = run.description.codes(in: options.mode, specific: violation.code)
            if let code = codes.first, options.suppressedCodes.contains(code) { continue }
            guard seen.insert(ReportedPlace(line: location.line, column: location.column, message: violation.message)).inserted
            else { continue }
            var cappedLevel = run.overridden ? run.level : violation.maximumLevel.map { min($0, run.level) } ?? run.level
            // The code InfVerif prints is reported at no more than its level in the mode's column.
            if !run.overridden, let code = codes.first, let column = Self.tableColumn(options.mode) {
                switch InfVerifCodes.level(of: code, column: column) {
                case "-": continue
                case "W": cappedLevel = min(cappedLevel, .warning)
                default: break
                }
            }
            let related = violation.related.map {
                RelatedLocation(location: Self.location(of: $0.range, in: tree, path: displayPath), message: $0.message)
            }
            let fix = violation.fix.map { unitFix in
                Fix(title: unitFix.title, safety: unitFix.safety,
                    edits: unitFix.edits.map { TextEdit(byteRange: tree.byteRange(of: $0.range), replacement: $0.replacement) },
                    followUp: unitFix.followUp)
            }
            let scope = violation.range.flatMap { scopes.scope(at: $0.lowerBound) }
            let infVerifMessage = codes.first.flatMap { InfVerifMessages.message(code: $0, values: violation.infVerifValues) }
            let finding = Finding(rule: run.description.name, codes: codes,
                                  level: cappedLevel, message: violation.message, location: location,
                                  related: related, fix: fix, scope: scope, infVerifMessage: infVerifMessage)
            if suppression != nil { sink.suppressed.append(finding) } else { sink.kept.append(finding) }
        }
    }

    /// `findings` without those a narrowed view (`--arch`, `--os`, `/rulever`) drops: what holds only outside it.
    private func narrowed(_ findings: [Finding]) -> [Finding] {
        var findings = findings
        if options.architectures != nil || options.targetVersion != nil {
            findings.removeAll { finding in
                finding.scope.map { !$0.includes(architectures: options.architectures, version: options.targetVersion) } ?? false
            }
        }
        if let ruleVersion = options.ruleVersion {
            findings.removeAll { finding in finding.scope.map { !$0.holds(atOrBelow: ruleVersion) } ?? false }
        }
        return findings
    }

    /// Checks binaries of a package that no INF installs. `infDisplayPath` is the display path of an
    /// INF of the package, beside which the binaries are named.
    public func checkUninstalled(_ binaries: [PackageBinary], besideINF infDisplayPath: String) -> [Finding] {
        guard let cache = self.binaries else { return [] }
        let targets = binaries.compactMap { binary in
            cache.image(of: binary).map { BinaryTarget(image: $0, installs: [], targetVersion: options.targetVersion) }
        }
        return check(targets, besideINF: infDisplayPath) { _, _ in true } relatedLocation: { _ in nil }
    }

    /// Checks a binary named on its own, outside any package: the binary rules, with no INF to
    /// install it. `displayPath` names it in findings.
    public func checkNamedBinary(_ binary: PackageBinary, displayPath: String) -> [Finding] {
        guard let cache = binaries, let image = cache.image(of: binary) else { return [] }
        let target = BinaryTarget(image: image, installs: [], targetVersion: options.targetVersion, isPackaged: false)
        return check([target], besideINF: displayPath) { _, _ in true } relatedLocation: { _ in nil }
    }

    /// Runs the binary rules over `targets`; `keeps` says whether a rule is reported for a target
    /// (suppressions), `relatedLocation` places INF ranges.
    private func check(
        _ targets: [BinaryTarget], besideINF infDisplayPath: String,
        keeps: (RuleDescription, BinaryTarget) -> Bool, relatedLocation: (Range<Int>) -> Location?
    ) -> [Finding] {
        var findings: [Finding] = []
        for binaryRule in binaryRules {
            let description = binaryRule.description
            guard let level = options.level(of: description) else { continue }
            let overridden = options.levelOverrides[description.name] != nil
            var seen = Set<String>()
            for target in targets {
                for violation in binaryRule.init().check(target) {
                    guard let position = violation.binary else { continue }
                    if violation.allowedInSignatureMode && options.mode == .signature { continue }
                    let file = Self.displayPath(ofBinary: position.relativePath, besideINF: infDisplayPath)
                    guard seen.insert("\(file)+\(position.offset):\(violation.message)").inserted else { continue }
                    guard keeps(description, target) else { continue }
                    let related = violation.related.compactMap { item in
                        relatedLocation(item.range).map { RelatedLocation(location: $0, message: item.message) }
                    }
                    findings.append(Finding(
                        rule: description.name, codes: description.codes(in: options.mode, specific: violation.code),
                        level: overridden ? level : violation.maximumLevel.map { min($0, level) } ?? level, message: violation.message,
                        location: Location(file: file, line: 0, column: 0, binaryOffset: position.offset), related: related))
                }
            }
        }
        return findings.sorted {
            ($0.location.file, $0.location.binaryOffset ?? 0, $0.rule, $0.message) < ($1.location.file, $1.location.binaryOffset ?? 0, $1.rule, $1.message)
        }
    }

    /// The column of InfVerif's table of levels for `mode` (0 `/k`, 1 `/u`, 2 `/w`); `nil` for the
    /// modes the table has no column for.
    static func tableColumn(_ mode: Mode) -> Int? {
        switch mode {
        case .declarative: return 0
        case .universal: return 1
        case .isolation: return 2
        case .signature, .desktop: return nil
        }
    }

    /// The display path of a binary at `relativePath` in the package of the INF shown as `infDisplayPath`.
    static func displayPath(ofBinary relativePath: String, besideINF infDisplayPath: String) -> String {
        guard let slash = infDisplayPath.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return relativePath }
        return String(infDisplayPath[...slash]) + relativePath
    }

    /// The location of a code-unit range (the whole file for `nil`).
    static func location(of range: Range<Int>?, in tree: SyntaxTree, path: String) -> Location {
        guard let range else { return .wholeFile(path) }
        let start = tree.position(of: range.lowerBound)
        let end = tree.position(of: max(range.lowerBound, range.upperBound))
        let lineStart = tree.lineStarts[start.line - 1]
        var lineEnd = start.line < tree.lineStarts.count ? tree.lineStarts[start.line] : tree.textEnd
        let units = tree.source.text.units
        while lineEnd > lineStart, lineEnd - 1 < units.count, units[lineEnd - 1] == 0x0A || units[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return Location(file: path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                        byteRange: tree.byteRange(of: range), lineText: tree.text(of: lineStart..<min(lineEnd, tree.textEnd)))
    }
}

/// A selected rule with its description, its level in this run and whether the user set that level.
/// A class, so that handing a run to each file's check shares it instead of copying the description's
/// texts.
private final class RuleRun: Sendable {
    let rule: any Rule.Type
    let description: RuleDescription
    let level: Level
    let overridden: Bool

    init(rule: any Rule.Type, description: RuleDescription, level: Level, overridden: Bool) {
        self.rule = rule
        self.description = description
        self.level = level
        self.overridden = overridden
    }
}

/// The findings of one file as the rules report them: those kept, those a suppression comment
/// silenced, and the comment entries that silenced any.
private struct FindingSink {
    var kept: [Finding] = []
    var suppressed: [Finding] = []
    var used = Set<SuppressionUse>()
}

/// Where and what a rule reported: a rule reports each once.
private struct ReportedPlace: Hashable {
    let line: Int
    let column: Int
    let message: String
}
