import ArgumentParser
import DriverPackage
import Findings
import Fixing
import Foundation
import Platform
import INFSyntax
import IsolationEngine
import IsolationRules
import Reporting
import Workspace

/// Applies fixes to the files a check names, then reports what remains: a view of the workspace's fix run.
struct FixRunner {
    let arguments: CheckArguments

    func run() throws {
        let settings = try arguments.settings()
        CheckArguments.reportNotes(settings)
        let format = ReportFormat(rawValue: arguments.outputFormat) ?? .text
        let clock = ContinuousClock()
        let start = clock.now
        let workspace = Workspace(paths: arguments.paths, settings: settings)
        let run = workspace.fix(FixRequest(unsafe: arguments.unsafeFixes, write: !arguments.diff, backup: arguments.backup))
        for path in run.check.missingPaths {
            StandardStream.error.write("isolint: error: \(path): no such file or folder\n")
        }
        CheckArguments.reportProblems(run.check.problems)
        var wouldChange = false
        var writeFailed = false
        var messages = ""
        var fixedFiles: [FixedFileReport] = []
        var enumeration = ""
        for (_, outcome) in run.files {
            let result = outcome.result
            if arguments.diff, result.changed {
                wouldChange = true
                if format == .json {
                    fixedFiles.append(Self.report(outcome))
                } else {
                    StandardStream.output.write(bytes: Self.diff(result))
                }
            }
            if let refusal = result.refusal { messages += "isolint: \(refusal)\n" }
            for refused in result.refused { messages += "isolint: \(result.path): \(refused)\n" }
            if let error = outcome.writeError {
                writeFailed = true
                messages += "isolint: error: \(error)\n"
                continue
            }
            let followUps = Array(Set(result.applied.compactMap(\.followUp))).sorted()
            if !followUps.isEmpty {
                messages += "\(result.path): after these fixes:\n" + followUps.map { "  - \($0)\n" }.joined()
            }
            for catalog in outcome.catalogs {
                messages += "isolint: note: \(catalog) was made for \(result.path) before \(arguments.diff ? "these fixes" : "it was fixed"): "
                    + "regenerate it (Inf2Cat) and sign it again\n"
            }
            if arguments.showFixes, !result.applied.isEmpty {
                enumeration += Self.enumeration(path: result.path, fixes: result.applied.map { ($0.rule, $0.title, $0.safety) })
            }
        }
        if arguments.diff && format == .json {
            StandardStream.output.write(FixJSONReporter(toolVersion: IsolintVersion.number).render(fixedFiles))
        }
        let verb = arguments.diff ? "Would fix" : "Fixed"
        let fixedCount = run.fixesApplied
        let files = run.check.filesChecked
        let changed = run.filesChanged
        messages += "\(verb) \(fixedCount) finding\(fixedCount == 1 ? "" : "s") in \(changed) file\(changed == 1 ? "" : "s")\(enumeration.isEmpty ? "." : ":")\n"
        messages += enumeration
        if arguments.stats {
            let rounds = run.files.reduce(0) { $0 + $1.outcome.result.rounds }
            let parses = run.files.reduce(0) { $0 + $1.outcome.result.parses }
            let refused = run.files.reduce(0) { $0 + $1.outcome.result.refused.count }
            messages += "isolint: stats: \(run.files.count) files, \(rounds) fix rounds, \(parses) parses, \(refused) rules' fixes refused\n"
        }
        StandardStream.error.write(messages)
        let remaining = run.check.findings
        if !arguments.diff {
            let report = Report(findings: remaining, rules: RuleCatalog.descriptions, filesChecked: files,
                                duration: clock.now - start, mode: settings.options.mode, toolVersion: IsolintVersion.number,
                                checkedFiles: run.check.checkedFiles, hidden: run.check.hidden)
            let text = format.render(report, options: RenderOptions(colors: arguments.colors(for: format), documentationBaseURL: arguments.documentationUrl,
                                                                      sourceRoot: FileManager.default.currentDirectoryPath, verbose: arguments.verbose))
            StandardStream.output.write(text)
            if !text.isEmpty && !text.hasSuffix("\n") { StandardStream.output.write("\n") }
        }
        if files == 0 {
            try CheckArguments.reportNothingFound(arguments.paths, missing: !run.check.missingPaths.isEmpty, failing: arguments.failIfNoINF)
        }
        if !run.check.missingPaths.isEmpty || writeFailed { throw ExitCode(2) }
        if arguments.diff { if wouldChange && !arguments.exitZero { throw ExitCode(1) }; return }
        if arguments.fails(remaining) { throw ExitCode(1) }
    }

    /// The `--show-fixes` lines of one file: how many fixes of each rule and title, rule by rule.
    static func enumeration(path: String, fixes: [(rule: String, title: String, safety: FixSafety)]) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for fix in fixes {
            let line = "\(fix.rule): \(fix.title)\(fix.safety == .unsafe ? " (unsafe)" : "")"
            if counts[line] == nil { order.append(line) }
            counts[line, default: 0] += 1
        }
        return "- \(path):\n" + order.sorted().map { "    \(counts[$0] ?? 0) × \($0)\n" }.joined()
    }

    /// What `fix --diff --output-format json` says of a changed file.
    static func report(_ outcome: FileFixOutcome) -> FixedFileReport {
        let result = outcome.result
        let encoding = SourceFile(path: result.path, bytes: result.original).encoding
        let edits = UnifiedDiff.lineEdits(old: result.original, new: result.fixed, encoding: encoding).map { edit in
            FixedFileReport.Edit(byteStart: edit.range.lowerBound, byteEnd: edit.range.upperBound,
                                 replacement: encoding.decodeFragment(edit.replacement), bytes: edit.replacement)
        }
        let applied = result.applied.map {
            FixedFileReport.Applied(rule: $0.rule, title: $0.title, safety: $0.safety.rawValue, line: $0.line, followUp: $0.followUp)
        }
        return FixedFileReport(path: result.path, encoding: encoding.description, edits: edits, applied: applied,
                               refused: result.refused.map(\.description), catalogs: outcome.catalogs)
    }

    /// The diff of a fixed file: of its bytes, which `git apply` and `patch` apply whatever its line
    /// ends and code page; for a UTF-16 file, which neither can patch, of its decoded text, saying so.
    static func diff(_ result: FileFixResult) -> [UInt8] {
        guard SourceFile(path: result.path, bytes: result.original).encoding.isUTF16 else {
            return UnifiedDiff.render(old: result.original, new: result.fixed, path: result.path)
        }
        let note = "# \(result.path) is UTF-16: this diff shows its decoded text, which git apply and patch cannot apply; `isolint fix` writes the fixes\n"
        let diff = UnifiedDiff.render(old: text(result.original, path: result.path), new: text(result.fixed, path: result.path),
                                      path: result.path)
        return Array((note + diff).utf8)
    }

    /// The decoded text of a file's bytes, for diffs.
    static func text(_ bytes: [UInt8], path: String) -> String {
        let source = SourceFile(path: path, bytes: bytes)
        return String(decoding: source.text.units, as: UTF16.self)
    }
}
