import Findings

/// Everything a reporter needs to know about one run: the findings in a stable order, the rules that
/// ran, how many INF files were checked, how long it took, in which mode and with which version.
public struct Report: Sendable, Equatable {
    /// The findings, sorted by file, line, column and rule (see ``Report/init(findings:rules:filesChecked:duration:mode:toolVersion:checkedFiles:)``).
    public let findings: [Finding]
    /// The catalog of rules the run used, in catalog order; SARIF lists each of them.
    public let rules: [RuleDescription]
    /// How many INF files the run checked.
    public let filesChecked: Int
    /// The INF files the run checked, as displayed, in the order they were checked; empty when the
    /// report was made from findings alone.
    public let checkedFiles: [String]
    /// How long the run took.
    public let duration: Duration
    /// The validation mode of the run; it decides each rule's default level.
    public let mode: Mode
    /// The version of isolint that made the report.
    public let toolVersion: String
    /// Counts by level and by fix safety.
    public let summary: ReportSummary
    /// How many findings suppression comments, per-path ignores and the baseline hid.
    public let hidden: HiddenFindings
    /// How many binaries named on their own (not through an INF) the run scanned.
    public let binariesChecked: Int

    private let ruleIndexByName: [String: Int]

    /// Creates a report. The findings are sorted by file, line, column, binary offset and rule name
    /// (then by end position and message), so that every output format is deterministic whatever
    /// order the files were checked in.
    public init(findings: [Finding], rules: [RuleDescription], filesChecked: Int, duration: Duration,
                mode: Mode, toolVersion: String, checkedFiles: [String] = [], hidden: HiddenFindings = HiddenFindings(),
                binariesChecked: Int = 0) {
        self.hidden = hidden
        self.binariesChecked = binariesChecked
        // Sorting positions moves integers instead of whole findings; the sort is stable either way.
        self.findings = findings.indices.sorted { Report.precedes(findings[$0], findings[$1]) }.map { findings[$0] }
        self.rules = rules
        self.filesChecked = filesChecked
        self.checkedFiles = checkedFiles
        self.duration = duration
        self.mode = mode
        self.toolVersion = toolVersion
        self.summary = ReportSummary(findings: findings)
        self.ruleIndexByName = Dictionary(rules.enumerated().map { ($0.element.name, $0.offset) },
                                          uniquingKeysWith: { first, _ in first })
    }

    /// The description of the rule named `name`, if the catalog has it.
    public func rule(named name: String) -> RuleDescription? {
        ruleIndex(named: name).map { rules[$0] }
    }

    /// The position of the rule named `name` in ``rules``, if the catalog has it.
    public func ruleIndex(named name: String) -> Int? {
        ruleIndexByName[name]
    }

    /// The report order: file, line, column, binary offset, rule, then end position and message.
    static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        let x = a.location, y = b.location
        if x.file != y.file { return x.file < y.file }
        if x.line != y.line { return x.line < y.line }
        if x.column != y.column { return x.column < y.column }
        let xOffset = x.binaryOffset ?? -1, yOffset = y.binaryOffset ?? -1
        if xOffset != yOffset { return xOffset < yOffset }
        if a.rule != b.rule { return a.rule < b.rule }
        if x.endLine != y.endLine { return x.endLine < y.endLine }
        if x.endColumn != y.endColumn { return x.endColumn < y.endColumn }
        return a.message < b.message
    }
}

/// How many findings a report holds, by level, and how many of them carry a fix.
public struct ReportSummary: Sendable, Hashable {
    /// Findings at level error.
    public let errors: Int
    /// Findings at level warning.
    public let warnings: Int
    /// Findings at level note.
    public let notes: Int
    /// Findings whose fix is safe (applied by `--fix`).
    public let safeFixes: Int
    /// Findings whose fix is unsafe (applied only with `--unsafe-fixes`).
    public let unsafeFixes: Int

    /// Counts `findings`.
    public init(findings: [Finding]) {
        var counts: [Level: Int] = [:]
        var safe = 0, unsafe = 0
        for finding in findings {
            counts[finding.level, default: 0] += 1
            switch finding.fix?.safety {
            case .safe: safe += 1
            case .unsafe: unsafe += 1
            case nil: break
            }
        }
        errors = counts[.error] ?? 0
        warnings = counts[.warning] ?? 0
        notes = counts[.note] ?? 0
        safeFixes = safe
        unsafeFixes = unsafe
    }

    /// All findings.
    public var total: Int { errors + warnings + notes }

    /// Findings that carry a fix, safe or unsafe.
    public var fixable: Int { safeFixes + unsafeFixes }

    /// The number of findings at `level`.
    public func count(of level: Level) -> Int {
        switch level {
        case .error: return errors
        case .warning: return warnings
        case .note: return notes
        }
    }
}
