import Findings
import Foundation
import INFModel
import IsolationEngine

/// The documentation of the rules, written from their types: one Markdown page per rule (what it
/// finds, why it matters, how to fix it, the InfVerif codes, the level in each mode, the Windows
/// versions its text names, and its examples) and an index of every rule.
///
/// `isolint explain NAME` prints a rule's page; `isolint generate-docs` writes every page and the
/// index to `docs/rules/`, where SARIF `helpUri` and the JSON `documentation` field point.
public enum RuleDocumentation {
    /// A generated documentation file.
    public struct Page: Sendable, Hashable {
        /// The file name inside the rules folder: `<name>.md`, or `README.md` for the index.
        public let fileName: String
        /// The Markdown text.
        public let text: String
    }

    /// The first line of every generated file, telling readers not to edit it by hand.
    public static let generatedNotice = "<!-- Generated from the rule types by `isolint generate-docs --output docs`; do not edit. -->"

    /// Microsoft's list of InfVerif's errors and warnings, which the InfVerif codes refer to.
    public static let infVerifCodesURL = "https://learn.microsoft.com/windows-hardware/drivers/devtest/inf-validation-errors-and-warnings"

    /// The modes in the order the documentation lists them.
    static let modes: [Mode] = [.isolation, .signature, .universal, .declarative, .desktop]

    /// Every file of the rules folder: one page per rule and the index `README.md`.
    public static func pages(for rules: [any Rule.Type]) -> [Page] {
        let pages = rules.map { Page(fileName: "\($0.description.name).md", text: generatedNotice + "\n\n" + markdown(for: $0)) }
        return pages + [Page(fileName: "README.md", text: index(of: rules))]
    }

    /// Writes `pages` into `folder` (creating it), skipping files that already hold the same text, and
    /// deletes the other Markdown files there. Returns how many files were written and the names of
    /// those deleted.
    public static func write(_ pages: [Page], toFolder folder: String) throws -> (written: Int, removed: [String]) {
        let manager = FileManager.default
        let base = URL(fileURLWithPath: folder)
        try manager.createDirectory(at: base, withIntermediateDirectories: true)
        let names = Set(pages.map(\.fileName))
        let removed = try manager.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") && !names.contains($0) }.sorted()
        for name in removed {
            try manager.removeItem(at: base.appendingPathComponent(name))
        }
        var written = 0
        for page in pages {
            let url = base.appendingPathComponent(page.fileName)
            let data = Data(page.text.utf8)
            if manager.contents(atPath: url.path) == data { continue }
            try data.write(to: url, options: .atomic)
            written += 1
        }
        return (written, removed)
    }

    /// The index of `rules`: one table row per rule, grouped as in the catalog.
    public static func index(of rules: [any Rule.Type]) -> String {
        var text = generatedNotice + "\n\n# Rules\n\n"
        text += "Isolint has \(rules.count) rules. Select them by name, group (letter or name), name prefix, InfVerif code or code range (`--select`, "
        text += "`--ignore`, `isolint.toml`, `; isolint: ignore[…]`). Levels are listed for the modes isolation (`w`), "
        text += "signature (`h`), universal (`u`), declarative (`k`) and desktop (`d`): E error, W warning, N note, "
        text += "- off. ✓ marks rules with an automatic fix (`isolint fix`).\n\n"
        var groups: [RuleGroup] = []
        for rule in rules where !groups.contains(rule.description.group) { groups.append(rule.description.group) }
        for group in groups {
            text += "## \(group.rawValue). \(group.title)\n\n"
            text += "| Rule | InfVerif codes | w h u k d | Fix | Title |\n|---|---|---|---|---|\n"
            for rule in rules where rule.description.group == group {
                let d = rule.description
                let codes = d.codes.map(String.init).joined(separator: ", ")
                let levels = modes.map { d.levels[$0].map(letter) ?? "-" }.joined(separator: " ")
                text += "| [`\(d.name)`](\(d.name).md) | \(codes) | `\(levels)` | \(d.fixable ? "✓" : "") | \(tableCell(d.title)) |\n"
            }
            text += "\n"
        }
        return text.trimmingTrailingNewlines() + "\n"
    }

    /// The Markdown page of `rule`.
    public static func markdown(for rule: any Rule.Type) -> String {
        let d = rule.description
        var text = "# \(d.name)\n\n\(sentence(d.title))\n\n"
        let codes = d.codes.isEmpty ? "none (Isolint only)"
            : d.codes.map(String.init).joined(separator: ", ") + " ([InfVerif's list](\(infVerifCodesURL)))"
        text += "- InfVerif codes: \(codes)\n"
        text += "- Group: \(d.group.rawValue). \(d.group.title)\n"
        text += "- Automatic fix: \(d.fixable ? "yes, for some findings" : "no")\n\n"
        text += "## Why it matters\n\n\(d.why)\n\n"
        text += "## How to fix\n\n\(d.fix)\n\n"
        if d.fixable {
            text += "`isolint fix` applies the safe fixes this rule offers and `isolint fix --unsafe-fixes` the others, "
            text += "each with a note of what else must change; `isolint check --diff` shows them without writing.\n\n"
        }
        text += "## Levels\n\n| Mode | InfVerif switch | Level |\n|---|---|---|\n"
        for mode in modes {
            text += "| \(mode.rawValue) | \(mode.infVerifLetter.map { "`/\($0)`" } ?? "—") | \(d.levels[mode]?.rawValue ?? "off") |\n"
        }
        text += "\n"
        let releases = WindowsRelease.named(in: [d.title, d.why, d.fix].joined(separator: " "))
        if !releases.isEmpty {
            text += "## Windows versions\n\nThe Windows versions named above, with the decoration that limits a Models section to that build and later:\n\n"
            text += "| Windows | Build | Models decoration |\n|---|---|---|\n"
            for release in releases {
                text += "| \(release.name) | \(release.version) | \(release.decoration.map { "`\($0)`" } ?? "—") |\n"
            }
            text += "\n"
        }
        text += examples(of: rule)
        for (index, example) in rule.fixExamples.enumerated() {
            text += index == 0 ? "## Fix examples\n\n" : ""
            text += "```diff\n\(LineDiff.unified(clean(example.before).text, clean(example.after).text))\n```\n\n"
        }
        return text.trimmingTrailingNewlines() + "\n"
    }

    /// The Reported and Not reported sections: INF texts, or for a binary rule, example packages.
    static func examples(of rule: any Rule.Type) -> String {
        var reported = "", notReported = ""
        func encodingNote(_ example: CleanExample) -> String {
            guard rule.examplesDependOnEncoding else { return "" }
            return example.hasByteOrderMark ? "Saved as UTF-8 with a byte-order mark (EF BB BF):\n\n" : "Saved as UTF-8 without a byte-order mark:\n\n"
        }
        for example in rule.triggeringExamples {
            let example = clean(example.text)
            reported += example.packageNote + encodingNote(example) + "```ini\n\(example.text)\n```\n\n\(reportedAt(example.markers))\n\n"
        }
        for example in rule.nonTriggeringExamples {
            let example = clean(example.text)
            notReported += example.packageNote + encodingNote(example) + "```ini\n\(example.text)\n```\n\n"
        }
        if let binary = rule.binaryRule {
            for example in binary.binaryExamples {
                let files = example.files.map { "`\($0.path)`" }.joined(separator: ", ")
                let page = "A package folder holding \(files) and this `example.inf`:\n\n```ini\n\(clean(example.inf).text)\n```\n\n"
                if example.reports.isEmpty {
                    notReported += page
                } else {
                    let findings = example.reports.map { report in
                        (report.text.map { "`\($0.replacingOccurrences(of: "`", with: "'"))`" } ?? "the file") + " (\(report.level.rawValue))"
                    }
                    reported += page + "Reported: \(findings.joined(separator: "; ")).\n\n"
                }
            }
        }
        var text = ""
        if !reported.isEmpty { text += "## Reported\n\n" + reported }
        if !notReported.isEmpty { text += "## Not reported\n\n" + notReported }
        return text
    }

    /// Where a triggering example's findings are, from its markers.
    static func reportedAt(_ markers: [(line: Int, column: Int)]) -> String {
        let lines = markers.filter { $0.line > 0 }.map(\.line)
        var parts: [String] = []
        if markers.contains(where: { $0.line == 0 }) { parts.append("for the whole file") }
        var unique: [Int] = []
        for line in lines where !unique.contains(line) { unique.append(line) }
        if unique.count == 1 { parts.append("at line \(unique[0])") }
        if unique.count > 1 {
            parts.append("at lines " + unique.dropLast().map(String.init).joined(separator: ", ") + " and \(unique.last ?? 0)")
        }
        return "Reported " + parts.joined(separator: " and ") + "."
    }

    /// An example ready to print: its text without the markers, byte order mark and test-only package
    /// comment, where the markers stood (line 0 for a finding about the whole file), what the package
    /// folder holds, and whether the text had a byte order mark.
    struct CleanExample {
        var text: String
        var markers: [(line: Int, column: Int)]
        var packageFiles: [String]
        var hasByteOrderMark = false
        /// The provider the example is checked against (`--provider`), if it names one.
        var requiredProvider: String?

        /// Sentences naming the package folder's files and the required provider, if the example declares them.
        var packageNote: String {
            let files = packageFiles.isEmpty ? "" : "The package folder holds \(packageFiles.map { "`\($0)`" }.joined(separator: ", ")).\n\n"
            return files + (requiredProvider.map { "Checked with `--provider \"\($0)\"`.\n\n" } ?? "")
        }
    }

    /// `example` without its markers, byte order mark and `; package-files:` and `; provider:` comments.
    static func clean(_ example: String) -> CleanExample {
        var result = CleanExample(text: "", markers: [], packageFiles: [])
        var lines: [String] = []
        for rawLine in example.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = rawLine.range(of: "; package-files:"), rawLine[..<range.lowerBound].allSatisfy(\.isWhitespace) {
                result.packageFiles += rawLine[range.upperBound...].split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
                continue
            }
            if let range = rawLine.range(of: "; provider:"), rawLine[..<range.lowerBound].allSatisfy(\.isWhitespace) {
                result.requiredProvider = rawLine[range.upperBound...].trimmingCharacters(in: .whitespaces)
                continue
            }
            var line = ""
            for character in rawLine {
                switch character {
                case "↓": result.markers.append((lines.count + 1, line.count + 1))
                case "⇓": result.markers.append((0, 0))
                case "\u{FEFF}": result.hasByteOrderMark = true
                default: line.append(character)
                }
            }
            lines.append(line)
        }
        result.text = lines.joined(separator: "\n").trimmingTrailingNewlines()
        return result
    }

    /// The title of a catalog group.
    static func letter(_ level: Level) -> String {
        switch level {
        case .error: return "E"
        case .warning: return "W"
        case .note: return "N"
        }
    }

    /// `title` as a sentence, ending in a full stop.
    static func sentence(_ title: String) -> String {
        title.hasSuffix(".") ? title : title + "."
    }

    /// `text` safe inside a Markdown table cell.
    static func tableCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}

/// A Windows release named in a rule's text, with its version and the decoration that targets it.
struct WindowsRelease: Hashable {
    /// How people call it, e.g. `Windows 10 version 1709`.
    var name: String
    /// Its version, e.g. `10.0.16299`.
    var version: String
    /// The TargetOSVersion decoration that limits a Models section to it and later builds.
    var decoration: String?
    /// Sorts releases oldest first.
    var order: Int

    /// Windows 10 and 11 releases by marketing version and build.
    static let windows10 = WindowsReleases.windows10
    static let windows11 = WindowsReleases.windows11

    /// A Windows 10 or 11 release; `build` is the release's own unless the text names another.
    static func release(windows: Int, release: String?, build: Int?) -> WindowsRelease? {
        let table = windows == 11 ? windows11 : windows10
        let known = release.flatMap { name in table.first { $0.release == name } } ?? (release == nil && windows == 11 ? table.first : nil)
        guard let number = build ?? known?.build else { return nil }
        let byBuild = windows10.first { $0.build == number }.map { (10, $0.release) } ?? windows11.first { $0.build == number }.map { (11, $0.release) }
        let name: String
        if let known {
            name = "Windows \(windows) version \(known.release)"
        } else if let byBuild {
            name = "Windows \(byBuild.0) version \(byBuild.1)"
        } else {
            name = "Windows \(number >= 22000 ? 11 : 10) build \(number)"
        }
        return WindowsRelease(name: name, version: "10.0.\(number)", decoration: number >= 14310 ? "NT<arch>.10.0...\(number)" : nil,
                              order: number)
    }

    /// The releases `text` names: `Windows 10 version 1709`, `Windows 11 24H2`, `1803 (build 17134)`,
    /// `build 16299`, decorations such as `NTamd64.10.0...17763`, and bare version numbers such as
    /// `1903` in a text that speaks of Windows.
    static func named(in text: String) -> [WindowsRelease] {
        var found: [WindowsRelease] = []
        var consumed: [Range<String.Index>] = []
        func add(_ release: WindowsRelease?, _ range: Range<String.Index>) {
            consumed.append(range)
            guard let release, !found.contains(where: { $0.order == release.order }) else { return }
            found.append(release)
        }
        func free(_ range: Range<String.Index>) -> Bool { !consumed.contains { $0.overlaps(range) } }

        for match in text.matches(of: #/Windows (10|11)(?: version)?(?: (\d{4}|\d\dH\d)\b)?(?: \(build (\d{5})\))?/#) {
            guard let windows = Int(match.output.1) else { continue }
            add(release(windows: windows, release: match.output.2.map(String.init), build: match.output.3.flatMap { Int($0) }), match.range)
        }
        for match in text.matches(of: #/\b(\d{4}) \(build (\d{5})\)/#) where free(match.range) {
            add(release(windows: 10, release: String(match.output.1), build: Int(match.output.2)), match.range)
        }
        for match in text.matches(of: #/(?:build |\.\.\.)(\d{5})\b/#) where free(match.range) {
            add(release(windows: 10, release: nil, build: Int(match.output.1)), match.range)
        }
        if text.contains("Windows") {
            for match in text.matches(of: #/\b(\d{4})\b/#) where free(match.range) {
                guard windows10.contains(where: { $0.release == match.output.1 }) else { continue }
                add(release(windows: 10, release: String(match.output.1), build: nil), match.range)
            }
        }
        if let range = text.range(of: "Windows Server 2003") {
            add(WindowsRelease(name: "Windows Server 2003 SP1", version: "5.2.3790", decoration: nil, order: 3790), range)
        }
        return found.sorted { $0.order < $1.order }
    }
}

/// A line diff of two short texts with every line as context, for fix examples.
enum LineDiff {
    /// `before` and `after` as one text whose lines start with `-` (removed), `+` (added) or a space.
    static func unified(_ before: String, _ after: String) -> String {
        let a = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append(" " + a[i]); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                lines.append("-" + a[i]); i += 1
            } else {
                lines.append("+" + b[j]); j += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
