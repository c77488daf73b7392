import Findings

/// How many findings each rule reported (`--statistics`), most first: the count, the rule's first
/// InfVerif code (or `-`), the rule's name, `[*]` when a finding of the rule carries a fix, and the
/// rule's title; then the total. In JSON, one object per rule with the same fields.
///
/// ```
///    12  1322  destination-not-driver-store  [*]  Files are copied outside the driver store
///     3  -     hardcoded-path                     A field holds an absolute path
/// Found 15 findings in 2 rules.
/// ```
public struct StatisticsReporter: Reporter {
    /// Whether to write JSON instead of the table.
    public var json: Bool

    /// Creates a statistics reporter.
    public init(json: Bool = false) {
        self.json = json
    }

    /// One rule's line: its count, code, name, whether a finding has a fix, and title.
    struct Row {
        let count: Int
        let code: String
        let rule: String
        let fixable: Bool
        let title: String
    }

    /// The rows of `report`, most findings first, then by name.
    static func rows(_ report: Report) -> [Row] {
        var byRule: [String: (count: Int, code: Int?, fixable: Bool)] = [:]
        for finding in report.findings {
            var entry = byRule[finding.rule] ?? (0, finding.codes.first, false)
            entry.count += 1
            entry.fixable = entry.fixable || finding.fix != nil
            byRule[finding.rule] = entry
        }
        return byRule.map { rule, entry in
            Row(count: entry.count, code: entry.code.map(String.init) ?? "-", rule: rule, fixable: entry.fixable,
                title: report.rule(named: rule)?.title ?? "")
        }
        .sorted { ($1.count, $0.rule) < ($0.count, $1.rule) }
    }

    public func render(_ report: Report) -> String {
        let rows = Self.rows(report)
        if json {
            var writer = IndentedJSONWriter()
            writer.beginArray()
            for row in rows {
                writer.nextItem()
                writer.beginObject()
                writer.key("count")
                writer.int(row.count)
                writer.key("code")
                writer.int(Int(row.code))
                writer.key("rule")
                writer.string(row.rule)
                writer.key("fixable")
                writer.bytes += Array((row.fixable ? "true" : "false").utf8)
                writer.key("title")
                writer.string(row.title)
                writer.endObject()
            }
            writer.endArray()
            return String(decoding: writer.bytes, as: UTF8.self) + "\n"
        }
        let countWidth = rows.map { String($0.count).count }.max() ?? 1
        let codeWidth = rows.map(\.code.count).max() ?? 1
        let ruleWidth = rows.map(\.rule.count).max() ?? 1
        var output = ""
        for row in rows {
            let count = String(row.count)
            output += String(repeating: " ", count: countWidth - count.count + 2) + count + "  "
            output += row.code + String(repeating: " ", count: codeWidth - row.code.count) + "  "
            output += row.rule + String(repeating: " ", count: ruleWidth - row.rule.count) + "  "
            output += (row.fixable ? "[*]" : "   ") + "  " + terminalSafe(row.title) + "\n"
        }
        let total = report.findings.count
        output += "Found \(total) finding\(total == 1 ? "" : "s") in \(rows.count) rule\(rows.count == 1 ? "" : "s").\n"
        return output
    }
}
