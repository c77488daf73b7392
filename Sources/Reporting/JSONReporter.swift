import Findings

/// The `isolint-report/1` JSON document, a stable interface for scripts and other tools.
///
/// Keys come in a fixed order, every documented key is always present (`null` when it does not
/// apply) and the document holds no timestamps, so the same run gives the same bytes. The schema is
/// documented in `docs/json-output.md`; it only ever gains keys within version 1.
public struct JSONReporter: Reporter {
    /// The schema identifier written in the document's `schema` key.
    public static let schema = "isolint-report/1"

    /// The URL that rule documentation paths are appended to for each finding's `documentation`.
    public var documentationBaseURL: String

    /// Creates a JSON reporter.
    public init(documentationBaseURL: String = RenderOptions.defaultDocumentationBaseURL) {
        self.documentationBaseURL = documentationBaseURL
    }

    public func render(_ report: Report) -> String {
        var text = ""
        write(report) { text += $0 }
        return text
    }

    /// Writes the document with its findings one at a time: the frame is formatted with an empty
    /// findings array, and each finding is formatted on its own where that array stands.
    public func write(_ report: Report, to output: (String) -> Void) {
        let frame = document(report).formatted()
        let placeholder = "\"findings\": []"
        guard !report.findings.isEmpty, let split = frame.range(of: placeholder) else {
            output(frame)
            return
        }
        var chunk = Array((frame[..<split.lowerBound] + "\"findings\": [\n").utf8)
        for (index, item) in report.findings.enumerated() {
            appendIndent(2, to: &chunk)
            finding(for: item, in: report).write(to: &chunk, indent: 2)
            if index < report.findings.count - 1 { chunk.append(UInt8(ascii: ",")) }
            chunk.append(0x0A)
            if chunk.count >= 1 << 16 {
                output(String(decoding: chunk, as: UTF8.self))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        output(String(decoding: chunk, as: UTF8.self) + "  ]" + frame[split.upperBound...])
    }

    /// The document with an empty findings array.
    private func document(_ report: Report) -> JSONValue {
        let summary = report.summary
        return .object([
            ("schema", .string(Self.schema)),
            ("tool", .object([("name", .string("isolint")), ("version", .string(report.toolVersion))])),
            ("mode", .string(report.mode.rawValue)),
            ("files_checked", .int(report.filesChecked)),
            ("duration_ms", .int(Int(report.duration.roundedMilliseconds))),
            ("findings", .array([])),
            ("summary", .object([
                ("findings", .int(summary.total)),
                ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)),
                ("notes", .int(summary.notes)),
                ("fixable", .int(summary.fixable)),
                ("fixable_safe", .int(summary.safeFixes)),
                ("fixable_unsafe", .int(summary.unsafeFixes)),
            ])),
        ])
    }

    private func finding(for finding: Finding, in report: Report) -> JSONValue {
        let documentation = report.rule(named: finding.rule).map {
            documentationURL(base: documentationBaseURL, path: $0.documentationPath)
        }
        return .object([
            ("rule", .string(finding.rule)),
            ("codes", .ints(finding.codes)),
            ("level", .string(finding.level.rawValue)),
            ("message", .string(finding.message)),
            ("documentation", .nullable(documentation)),
            ("location", location(finding.location)),
            ("related", .array(finding.related.map {
                .object([("message", .string($0.message)), ("location", location($0.location))])
            })),
            ("fix", finding.fix.map(fix) ?? .null),
            ("scope", finding.scope.map(scope) ?? .null),
        ])
    }

    private func scope(_ scope: FindingScope) -> JSONValue {
        .array(scope.ranges.map { range in
            .object([
                ("architecture", .string(range.architecture.rawValue)),
                ("from", .nullable(range.lowest?.description)),
                ("below", .nullable(range.upperBound?.description)),
            ])
        })
    }

    private func location(_ location: Location) -> JSONValue {
        .object([
            ("file", .string(location.file)),
            ("line", .int(location.line)),
            ("column", .int(location.column)),
            ("end_line", .int(location.endLine)),
            ("end_column", .int(location.endColumn)),
            ("byte_start", .nullable(location.byteRange?.lowerBound)),
            ("byte_end", .nullable(location.byteRange?.upperBound)),
            ("binary_offset", .nullable(location.binaryOffset)),
        ])
    }

    private func fix(_ fix: Fix) -> JSONValue {
        .object([
            ("title", .string(fix.title)),
            ("safety", .string(fix.safety.rawValue)),
            ("edits", .array(fix.edits.map {
                .object([
                    ("byte_start", .int($0.byteRange.lowerBound)),
                    ("byte_end", .int($0.byteRange.upperBound)),
                    ("replacement", .string($0.replacement)),
                ])
            })),
            ("follow_up", .nullable(fix.followUp)),
        ])
    }
}
