import Findings
import Foundation
import Testing
@testable import Reporting

/// MSBuild's canonical lines, as Visual Studio and VS Code's `$msCompile` problem matcher read them.
@Suite("MSBuild report")
struct MSBuildReporterTests {
    /// VS Code's `$msCompile` pattern (src/vs/workbench/contrib/tasks/common/problemMatcher.ts), with
    /// the code narrowed to one or two letters and digits, as newer versions read it.
    static var msCompile: Regex<(Substring, Substring, Substring, Substring, Substring, Substring)> { #/^(?:\s+\d+>)?(\S.*)\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\)\s*:\s+(error|warning|info)\s+(\w{1,2}\d+)\s*:\s*(.*)$/# }

    static func report(_ findings: [Finding]) -> Report {
        Report(findings: findings, rules: SampleReport.rules, filesChecked: 1, duration: .zero, mode: .isolation, toolVersion: "0.1.0")
    }

    @Test("ranges, whole files and binaries give the place forms the matcher reads; codes are IV or IS and digits")
    func places() throws {
        let findings = [
            Finding(rule: "destination-not-driver-store", codes: [1322], level: .error, message: "Not isolated.",
                    location: Location(file: "Pkg\\a.inf", line: 30, column: 1, endLine: 30, endColumn: 41)),
            Finding(rule: "hardcoded-path", codes: [], level: .warning, message: "A path\non two lines.",
                    location: Location(file: "Pkg\\a.inf", line: 4, column: 2, endLine: 6, endColumn: 3)),
            Finding(rule: "unsupported-encoding", codes: [], level: .note, message: "Whole file.", location: .wholeFile("Pkg\\b.inf")),
            Finding(rule: "binary-global-registry", codes: [], level: .warning, message: "A path in the binary.",
                    location: Location(file: "Pkg\\x.sys", line: 0, column: 0, binaryOffset: 0x1F0)),
        ]
        let lines = MSBuildReporter().render(Self.report(findings)).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines.last == "")
        // The report orders findings by file and line.
        #expect(lines[0].hasPrefix("Pkg\\a.inf(4,2,6,3): warning IS"))
        #expect(lines[0].hasSuffix(": A path on two lines. [hardcoded-path]"))
        #expect(lines[1] == "Pkg\\a.inf(30,1,30,41): error IV1322: Not isolated. [destination-not-driver-store]")
        #expect(lines[2].hasPrefix("Pkg\\b.inf(1): info IS"))
        #expect(lines[3].contains(": offset 0x1F0: A path in the binary."))
        for line in lines.dropLast() {
            let match = try #require(try Self.msCompile.wholeMatch(in: String(line)), "\(line)")
            #expect(match.output.1.hasPrefix("Pkg\\"))
        }
        // The number of a rule without a code is the same in every run and for every finding.
        #expect(MSBuildReporter.code(for: findings[1]) == MSBuildReporter.code(for: findings[1]))
        #expect(MSBuildReporter.code(for: findings[1]) != MSBuildReporter.code(for: findings[2]))
    }
}
