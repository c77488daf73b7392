import Findings

/// SARIF 2.1.0 with one run, as GitHub code scanning and other SARIF viewers read it.
///
/// - `tool.driver` lists every rule of the report's catalog (id and name = the rule's name,
///   descriptions and help from its ``RuleDescription``, `helpUri` to its documentation page, the
///   default level in the report's mode, and `properties.infverifCodes` and `tags`).
/// - Each result has `ruleId`, `ruleIndex` (when the catalog has the rule), `level`,
///   `message.text`, one location, its related locations, `properties.infverifCodes` and the fix.
/// - File URIs are relative to `%SRCROOT%` (forward slashes, percent-encoded); regions give start
///   and end line and column in UTF-16 code units; a finding about a whole file has no region and
///   a finding in a binary has `region.byteOffset`.
/// - Fixes replace byte ranges of the file (`deletedRegion.byteOffset/byteLength`).
/// - Results carry no `partialFingerprints`: GitHub's upload action computes them from the file
///   contents, which keeps alerts stable when lines move; a fingerprint that includes the line
///   number would not.
public struct SARIFReporter: Reporter {
    /// The JSON schema URI written in `$schema`.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The URL that rule documentation paths are appended to for `helpUri`.
    public var documentationBaseURL: String
    /// The tool's home page, for `tool.driver.informationUri`.
    public var informationURI: String
    /// The absolute path of the folder relative paths start from, for `originalUriBaseIds`.
    public var sourceRoot: String?

    /// Creates a SARIF reporter.
    public init(documentationBaseURL: String = RenderOptions.defaultDocumentationBaseURL,
                informationURI: String = RenderOptions.defaultInformationURI,
                sourceRoot: String? = nil) {
        self.documentationBaseURL = documentationBaseURL
        self.informationURI = informationURI
        self.sourceRoot = sourceRoot
    }

    /// The most results one run holds: GitHub code scanning rejects a run with more.
    public static let maximumResults = 25_000

    public func render(_ report: Report) -> String {
        // Over the limit, the most severe findings are kept (in report order within a level) and a
        // notification says how many were left out.
        var findings = report.findings
        var invocations: [JSONValue] = []
        if findings.count > Self.maximumResults {
            let kept = Set(findings.indices.sorted { findings[$0].level > findings[$1].level || findings[$0].level == findings[$1].level && $0 < $1 }
                .prefix(Self.maximumResults))
            findings = findings.indices.filter(kept.contains).map { findings[$0] }
            let message = "The run found \(report.findings.count) problems; this log holds the \(Self.maximumResults) most severe, "
                + "the most GitHub code scanning accepts in one run. Narrow the run (--select, paths) or use --output-format json for all."
            invocations = [.object([
                ("executionSuccessful", .bool(true)),
                ("toolExecutionNotifications", .array([.object([
                    ("level", .string("warning")),
                    ("message", .object([("text", .string(message))])),
                    ("descriptor", .object([("id", .string("results-truncated"))])),
                ])])),
            ])]
        }
        var members: [(String, JSONValue)] = [
            ("tool", .object([("driver", driver(report))])),
        ]
        if !invocations.isEmpty { members.append(("invocations", .array(invocations))) }
        let run: JSONValue = .object(members + [
            ("originalUriBaseIds", .object([(ArtifactURI.sourceRootBaseID, sourceRootLocation())])),
            ("columnKind", .string("utf16CodeUnits")),
            ("results", .array(findings.map { result(for: $0, in: report) })),
            ("properties", .object([
                ("mode", .string(report.mode.rawValue)),
                ("filesChecked", .int(report.filesChecked)),
                ("hiddenFindings", .object([
                    ("baseline", .int(report.hidden.baseline)),
                    ("suppressions", .int(report.hidden.suppressions)),
                    ("perPathIgnores", .int(report.hidden.perPathIgnores)),
                ])),
            ])),
        ])
        let log: JSONValue = .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.formatted()
    }

    private func driver(_ report: Report) -> JSONValue {
        .object([
            ("name", .string("isolint")),
            ("version", .string(report.toolVersion)),
            ("semanticVersion", .string(report.toolVersion)),
            ("informationUri", .string(informationURI)),
            ("rules", .array(report.rules.map { rule($0, mode: report.mode) })),
        ])
    }

    private func rule(_ rule: RuleDescription, mode: Mode) -> JSONValue {
        let helpURI = documentationURL(base: documentationBaseURL, path: rule.documentationPath)
        // A rule that is off in this mode keeps the level it has where it is on, and is marked disabled.
        let modeLevel = rule.levels[mode]
        let level = modeLevel ?? rule.levels.values.max() ?? .warning
        var configuration: [(String, JSONValue)] = []
        if modeLevel == nil { configuration.append(("enabled", .bool(false))) }
        configuration.append(("level", .string(level.rawValue)))
        return .object([
            ("id", .string(rule.name)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("fullDescription", .object([("text", .string(rule.why))])),
            ("help", .object([
                ("text", .string(rule.fix)),
                ("markdown", .string("\(rule.why)\n\n\(rule.fix)\n\n[Documentation of `\(rule.name)`](\(helpURI))")),
            ])),
            ("helpUri", .string(helpURI)),
            ("defaultConfiguration", .object(configuration)),
            ("properties", .object([
                ("infverifCodes", .ints(rule.codes)),
                ("tags", .array([.string(rule.group.tag)])),
                ("precision", .string("very-high")),
                ("problem.severity", .string(problemSeverity(level))),
            ])),
        ])
    }

    private func sourceRootLocation() -> JSONValue {
        if let sourceRoot, let uri = ArtifactURI.folderURI(sourceRoot) {
            return .object([("uri", .string(uri))])
        }
        return .object([("description", .object([("text", .string("The folder isolint was run from."))]))])
    }

    private func result(for finding: Finding, in report: Report) -> JSONValue {
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.rule))]
        if let index = report.ruleIndex(named: finding.rule) {
            members.append(("ruleIndex", .int(index)))
        }
        members += [
            ("level", .string(finding.level.rawValue)),
            ("message", .object([("text", .string(finding.message))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(finding.location))])])),
        ]
        if !finding.related.isEmpty {
            members.append(("relatedLocations", .array(finding.related.enumerated().map { index, related in
                .object([
                    ("id", .int(index + 1)),
                    ("physicalLocation", physicalLocation(related.location)),
                    ("message", .object([("text", .string(related.message))])),
                ])
            })))
        }
        if let fix = finding.fix {
            members.append(("fixes", .array([self.fix(fix, file: finding.location.file)])))
        }
        var properties: [(String, JSONValue)] = [("infverifCodes", .ints(finding.codes))]
        if let scope = finding.scope {
            properties.append(("architectures", .array(scope.architectures.map { .string($0.rawValue) })))
            properties.append(("holdsFor", .string(scope.description)))
        }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    private func physicalLocation(_ location: Location) -> JSONValue {
        var members = [("artifactLocation", artifactLocation(location.file))]
        if let region = region(location) {
            members.append(("region", region))
        }
        return .object(members)
    }

    private func artifactLocation(_ file: String) -> JSONValue {
        let artifact = ArtifactURI(path: file)
        var members: [(String, JSONValue)] = [("uri", .string(artifact.uri))]
        if let baseID = artifact.baseID {
            members.append(("uriBaseId", .string(baseID)))
        }
        return .object(members)
    }

    /// The region of a location: byte offset in a binary, none for a whole file, else lines and columns.
    private func region(_ location: Location) -> JSONValue? {
        if let offset = location.binaryOffset {
            return .object([("byteOffset", .int(offset))])
        }
        guard location.line > 0 else { return nil }
        var members: [(String, JSONValue)] = [("startLine", .int(location.line))]
        if location.column > 0 { members.append(("startColumn", .int(location.column))) }
        members.append(("endLine", .int(Swift.max(location.endLine, location.line))))
        if location.column > 0, location.endColumn > 0 { members.append(("endColumn", .int(location.endColumn))) }
        return .object(members)
    }

    private func fix(_ fix: Fix, file: String) -> JSONValue {
        var properties: [(String, JSONValue)] = [("safety", .string(fix.safety.rawValue))]
        if let followUp = fix.followUp { properties.append(("followUp", .string(followUp))) }
        let replacements: [JSONValue] = fix.edits.map { edit in
            var members: [(String, JSONValue)] = [
                ("deletedRegion", .object([
                    ("byteOffset", .int(edit.byteRange.lowerBound)),
                    ("byteLength", .int(edit.byteRange.count)),
                ])),
            ]
            if !edit.replacement.isEmpty {
                members.append(("insertedContent", .object([("text", .string(edit.replacement))])))
            }
            return .object(members)
        }
        return .object([
            ("description", .object([("text", .string(fix.title))])),
            ("artifactChanges", .array([.object([
                ("artifactLocation", artifactLocation(file)),
                ("replacements", .array(replacements)),
            ])])),
            ("properties", .object(properties)),
        ])
    }
}

/// GitHub's `problem.severity` for a level.
private func problemSeverity(_ level: Level) -> String {
    switch level {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "recommendation"
    }
}
