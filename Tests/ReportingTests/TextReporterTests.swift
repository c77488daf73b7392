import Findings
import Testing
@testable import Reporting

/// The text format beyond the golden file: colours, summary wording, code frames on unusual lines.
struct TextReporterTests {
    private static func report(_ findings: [Finding], files: Int = 2, duration: Duration = .milliseconds(1500),
                               rules: [RuleDescription] = SampleReport.rules) -> Report {
        Report(findings: findings, rules: rules, filesChecked: files, duration: duration, mode: .isolation,
               toolVersion: "0.1.0")
    }

    private static func finding(_ level: Level = .error, rule: String = "hardcoded-path", message: String = "Message.",
                                line: Int = 1, column: Int = 1, endColumn: Int? = nil, lineText: String? = "x",
                                fix: Fix? = nil) -> Finding {
        Finding(rule: rule, codes: [], level: level, message: message,
                location: Location(file: "a.inf", line: line, column: column, endColumn: endColumn, lineText: lineText),
                fix: fix)
    }

    private static func safeFix() -> Fix { Fix(title: "Fix it", safety: .safe, edits: []) }
    private static func unsafeFix() -> Fix { Fix(title: "Fix it", safety: .unsafe, edits: []) }

    @Test func coloursOnlyWhenAsked() {
        let report = SampleReport.report()
        #expect(!TextReporter(colors: false).render(report).contains("\u{1B}"))
        let coloured = TextReporter(colors: true).render(report)
        #expect(coloured.contains("\u{1B}[1;31merror[global-service-key/1320]:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mwarning[obsolete-registry-value/1320]:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;36mnote[parameters-written-at-runtime]:\u{1B}[0m"))
    }

    @Test func cleanRun() {
        let output = TextReporter().render(Self.report([], files: 1, duration: .zero))
        #expect(output == "Checked 1 INF file in 0.00 s: no problems found\n")
    }

    @Test func singularCountsAndSafeHint() {
        let output = TextReporter().render(Self.report([
            Self.finding(.error, fix: Self.safeFix()),
            Self.finding(.warning, line: 2),
        ]))
        let lines = output.split(separator: "\n").suffix(2).map(String.init)
        #expect(lines == ["Checked 2 INF files in 1.50 s: 1 error, 1 warning (1 fixable)", "[*] 1 fixable with --fix"])
    }

    @Test func onlyUnsafeFixes() {
        let output = TextReporter().render(Self.report([
            Self.finding(.note, fix: Self.unsafeFix()),
            Self.finding(.note, line: 2, fix: Self.unsafeFix()),
        ]))
        let lines = output.split(separator: "\n").suffix(2).map(String.init)
        #expect(lines == ["Checked 2 INF files in 1.50 s: 2 notes (2 fixable)", "[*] 2 fixable with --fix --unsafe-fixes"])
    }

    @Test func fixableMarker() {
        let output = TextReporter().render(Self.report([Self.finding(fix: Self.safeFix())]))
        #expect(output.hasPrefix("a.inf:1:1: error[hardcoded-path]: [*] Message.\n"))
    }

    @Test func underlineCountsUTF16Columns() {
        // "😀" is two UTF-16 code units but one character on screen.
        let line = "a😀b,c"
        let columns = SampleReport.columns(of: "b,c", in: line)
        #expect(columns.start == 4)
        let output = TextReporter().render(Self.report([
            Self.finding(column: columns.start, endColumn: columns.end, lineText: line),
        ]))
        #expect(output.contains("  1 | a😀b,c\n    |   ^~~\n"))
    }

    @Test("a long line is cut to a window around the underline, marked at both ends")
    func longLinesAreCut() throws {
        let line = String(repeating: "a", count: 500) + "TARGET" + String(repeating: "b", count: 500)
        let output = TextReporter().render(Self.report([Self.finding(column: 501, endColumn: 507, lineText: line)]))
        let frame = output.split(separator: "\n").filter { $0.hasPrefix("  1 | ") || $0.hasPrefix("    | ") }
        #expect(frame.count == 2)
        let text = try #require(frame.first).dropFirst("  1 | ".count)
        let underline = try #require(frame.last).dropFirst("    | ".count)
        #expect(text.count == CodeFrame.maximumWidth + 2)
        #expect(text.hasPrefix("…") && text.hasSuffix("…"))
        let start = try #require(underline.firstIndex(of: "^"))
        let offset = underline.distance(from: underline.startIndex, to: start)
        #expect(String(text.dropFirst(offset).prefix(6)) == "TARGET")
        #expect(underline.dropFirst(offset) == "^~~~~~")
        // A short line stays whole.
        #expect(TextReporter().render(Self.report([Self.finding(column: 1, endColumn: 3, lineText: "abc")])).contains("  1 | abc\n"))
    }

    @Test("a long line with control characters, tabs or letters beyond ASCII is cut at the same cells",
          arguments: ["\u{01}", "\t", "\u{E9}"])
    func longLinesWithSpecialCharactersAreCut(filler: String) throws {
        // Fillers before the target, so that the window starts inside them.
        let before = String(repeating: "a" + filler, count: 250)
        let line = before + "TARGET" + String(repeating: filler + "b", count: 250)
        let column = before.utf16.count + 1
        let output = TextReporter().render(Self.report([Self.finding(column: column, endColumn: column + 6, lineText: line)]))
        let frame = output.split(separator: "\n").filter { $0.hasPrefix("  1 | ") || $0.hasPrefix("    | ") }
        #expect(frame.count == 2)
        let text = try #require(frame.first).dropFirst("  1 | ".count)
        let underline = try #require(frame.last).dropFirst("    | ".count)
        #expect(text.hasPrefix("…") && text.hasSuffix("…"))
        #expect(!text.contains("\u{01}"), "control characters are shown as symbols")
        let start = try #require(underline.firstIndex(of: "^"))
        let offset = underline.distance(from: underline.startIndex, to: start)
        #expect(String(text.dropFirst(offset).prefix(6)) == "TARGET")
        #expect(underline.dropFirst(offset) == "^~~~~~")
    }

    @Test func emptyRangeAndRangePastTheLineEnd() {
        let output = TextReporter().render(Self.report([
            Self.finding(column: 2, endColumn: 2, lineText: "abc"),
            Self.finding(line: 2, column: 5, endColumn: 9, lineText: "abc"),
        ]))
        #expect(output.contains("  1 | abc\n    |  ^\n"))
        #expect(output.contains("  2 | abc\n    |    ^\n"))
    }

    @Test func controlCharactersCannotReachTheTerminal() {
        let output = TextReporter().render(Self.report([
            Self.finding(message: "Bad \u{1B}[2J value\u{9B}.", lineText: "x\u{1B}[31my\u{7F}"),
        ]))
        #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{7F}" })
        #expect(output.contains("Bad \u{241B}[2J value\u{FFFD}."))
        #expect(output.contains("  1 | x\u{241B}[31my\u{2421}\n"))
    }

    @Test func messageLinesAreIndented() {
        let output = TextReporter().render(Self.report([Self.finding(message: "First.\r\nSecond.", lineText: nil)]))
        #expect(output.hasPrefix("a.inf:1:1: error[hardcoded-path]: First.\n    Second.\n  = why:"))
    }

    @Test func unknownRuleHasNoWhyOrHelp() {
        let output = TextReporter().render(Self.report([Self.finding(rule: "no-such-rule", lineText: nil)]))
        #expect(output.hasPrefix("a.inf:1:1: error[no-such-rule]: Message.\n\nChecked"))
    }
}
