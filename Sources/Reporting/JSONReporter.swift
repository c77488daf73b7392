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
        writeUTF8(report) { output(String(decoding: $0, as: UTF8.self)) }
    }

    /// The document as UTF-8, handed on in pieces without being read back as text, the findings
    /// formatted on every core (``OrderedParallel``).
    public func writeUTF8(_ report: Report, to output: ([UInt8]) -> Void) {
        let frame = document(report).formatted()
        let findings = report.findings
        guard !findings.isEmpty, let split = frame.firstRange(of: "\"findings\": []") else {
            output(Array(frame.utf8))
            return
        }
        output(Array((frame[..<split.lowerBound] + "\"findings\": [\n").utf8))
        // Each rule's documentation URL, made once rather than for each of its findings.
        let documentation = report.rules.map { documentationURL(base: documentationBaseURL, path: $0.documentationPath) }
        OrderedParallel.forEachPiece(count: findings.count, empty: []) { range in
            var writer = IndentedJSONWriter(level: 2, reservingCapacity: range.count * 1024)
            for index in range {
                appendIndent(2, to: &writer.bytes)
                write(findings[index], documentation: report.ruleIndex(named: findings[index].rule).map { documentation[$0] }, to: &writer)
                if index < findings.count - 1 { writer.bytes.append(UInt8(ascii: ",")) }
                writer.bytes.append(0x0A)
            }
            return writer.bytes
        } output: { output($0) }
        output(Array(("  ]" + frame[split.upperBound...]).utf8))
    }

    /// The document with an empty findings array.
    private func document(_ report: Report) -> JSONValue {
        let summary = report.summary
        return .object([
            ("schema", .string(Self.schema)),
            ("tool", .object([("name", .string("isolint")), ("version", .string(report.toolVersion))])),
            ("mode", .string(report.mode.rawValue)),
            ("files_checked", .int(report.filesChecked)),
            ("binaries_checked", .int(report.binariesChecked)),
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
                ("hidden", .object([
                    ("baseline", .int(report.hidden.baseline)),
                    ("suppressions", .int(report.hidden.suppressions)),
                    ("per_path_ignores", .int(report.hidden.perPathIgnores)),
                ])),
            ])),
        ])
    }

    /// Writes `finding`, whose rule's documentation is at `documentation`.
    private func write(_ finding: Finding, documentation: String?, to writer: inout IndentedJSONWriter) {
        writer.beginObject()
        writer.key("rule")
        writer.string(finding.rule)
        writer.key("codes")
        writer.ints(finding.codes)
        writer.key("level")
        writer.string(finding.level.rawValue)
        writer.key("message")
        writer.string(finding.message)
        writer.key("documentation")
        writer.string(documentation)
        writer.key("location")
        write(finding.location, to: &writer)
        writer.key("related")
        writer.beginArray()
        for related in finding.related {
            writer.nextItem()
            writer.beginObject()
            writer.key("message")
            writer.string(related.message)
            writer.key("location")
            write(related.location, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("fix")
        if let fix = finding.fix { write(fix, to: &writer) } else { writer.null() }
        writer.key("scope")
        if let scope = finding.scope { write(scope, to: &writer) } else { writer.null() }
        writer.endObject()
    }

    private func write(_ scope: FindingScope, to writer: inout IndentedJSONWriter) {
        writer.beginArray()
        for range in scope.ranges {
            writer.nextItem()
            writer.beginObject()
            writer.key("architecture")
            writer.string(range.architecture.rawValue)
            writer.key("from")
            writer.string(range.lowest?.description)
            writer.key("below")
            writer.string(range.upperBound?.description)
            writer.endObject()
        }
        writer.endArray()
    }

    private func write(_ location: Location, to writer: inout IndentedJSONWriter) {
        writer.beginObject()
        writer.key("file")
        writer.string(location.file)
        writer.key("line")
        writer.int(location.line)
        writer.key("column")
        writer.int(location.column)
        writer.key("end_line")
        writer.int(location.endLine)
        writer.key("end_column")
        writer.int(location.endColumn)
        writer.key("byte_start")
        writer.int(location.byteRange?.lowerBound)
        writer.key("byte_end")
        writer.int(location.byteRange?.upperBound)
        writer.key("binary_offset")
        writer.int(location.binaryOffset)
        writer.endObject()
    }

    private func write(_ fix: Fix, to writer: inout IndentedJSONWriter) {
        writer.beginObject()
        writer.key("title")
        writer.string(fix.title)
        writer.key("safety")
        writer.string(fix.safety.rawValue)
        writer.key("edits")
        writer.beginArray()
        for edit in fix.edits {
            writer.nextItem()
            writer.beginObject()
            writer.key("byte_start")
            writer.int(edit.byteRange.lowerBound)
            writer.key("byte_end")
            writer.int(edit.byteRange.upperBound)
            writer.key("replacement")
            writer.string(edit.replacement)
            writer.endObject()
        }
        writer.endArray()
        writer.key("follow_up")
        writer.string(fix.followUp)
        writer.endObject()
    }
}
