import Findings

/// The Markdown job summary of a GitHub Actions step (the file `GITHUB_STEP_SUMMARY` names): the
/// counts, a table of findings per rule, and every finding (the most severe first) with a link to its
/// line in the repository and to its rule's page. GitHub caps a summary at 1 MiB, so the list stops
/// at ``maximumListed`` findings and says how many it left out.
public struct GitHubStepSummary: Sendable {
    /// Where findings link to: `<server>/<repository>/blob/<commit>/<path>#L<line>`.
    public struct Repository: Sendable {
        public let server: String
        public let name: String
        public let commit: String
        /// The path of the working folder below the repository's root (empty at the root).
        public let folder: String

        public init(server: String, name: String, commit: String, folder: String) {
            self.server = server
            self.name = name
            self.commit = commit
            self.folder = folder
        }

        /// The repository GitHub Actions describes in `environment` (GITHUB_SERVER_URL,
        /// GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKSPACE), with the working folder `current`.
        public init?(environment: [String: String], current: String) {
            guard let name = environment["GITHUB_REPOSITORY"], let commit = environment["GITHUB_SHA"] else { return nil }
            var folder = ""
            if let workspace = environment["GITHUB_WORKSPACE"].map(forwardSlashes) {
                let here = forwardSlashes(current)
                if here.hasPrefix(workspace + "/") { folder = String(here.dropFirst(workspace.count + 1)) }
            }
            self.init(server: environment["GITHUB_SERVER_URL"] ?? "https://github.com", name: name, commit: commit, folder: folder)
        }

        /// The URL of `file` (relative to the working folder) at `line` (none for 0).
        func url(file: String, line: Int) -> String? {
            // Only a path below the working folder is in the repository: not an absolute one of either
            // system (`/x`, `C:/x`, `//server/x`), nor one that climbs out.
            let path = forwardSlashes(file)
            let absolute = path.hasPrefix("/") || (path.count > 1 && path.dropFirst().hasPrefix(":"))  // platform: not a host path (either system's, as text)
            guard !absolute, !path.hasPrefix("../") else { return nil }
            let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            let full = folder.isEmpty ? relative : folder + "/" + relative
            let encoded = percentEncoded(full)
            return "\(server)/\(name)/blob/\(commit)/\(encoded)" + (line > 0 ? "#L\(line)" : "")
        }
    }

    /// The most findings the list holds.
    public static let maximumListed = 1_000

    public let repository: Repository?
    public let documentationBaseURL: String

    public init(repository: Repository?, documentationBaseURL: String = RenderOptions.defaultDocumentationBaseURL) {
        self.repository = repository
        self.documentationBaseURL = documentationBaseURL
    }

    public func render(_ report: Report) -> String {
        let summary = report.summary
        var out = "## isolint\n\n"
        out += "Checked \(counted(report.filesChecked, "INF file", "INF files")) in \(report.mode.rawValue) mode: "
        let counts = [(summary.errors, "error", "errors"), (summary.warnings, "warning", "warnings"), (summary.notes, "note", "notes")]
        out += summary.total == 0 ? "no problems found" : counts.filter { $0.0 > 0 }.map { counted($0.0, $0.1, $0.2) }.joined(separator: ", ")
        if report.hidden.total > 0 { out += "; \(report.hidden.total) hidden: \(report.hidden.phrases.joined(separator: ", "))" }
        out += ".\n"
        guard summary.total > 0 else { return out }

        var perRule: [String: (count: Int, level: Level)] = [:]
        for finding in report.findings {
            let current = perRule[finding.rule]
            perRule[finding.rule] = ((current?.count ?? 0) + 1, max(current?.level ?? finding.level, finding.level))
        }
        out += "\n| rule | codes | level | findings |\n|---|---|---|---:|\n"
        // The most severe rules first, then the most frequent, then by name.
        let rules = perRule.keys.sorted { a, b in
            guard let x = perRule[a], let y = perRule[b] else { return a < b }
            if x.level != y.level { return x.level > y.level }
            if x.count != y.count { return x.count > y.count }
            return a < b
        }
        for rule in rules {
            let codes = report.rule(named: rule)?.codes.map(String.init).joined(separator: ", ") ?? ""
            out += "| \(ruleLink(rule)) | \(codes) | \(perRule[rule]?.level.rawValue ?? "") | \(perRule[rule]?.count ?? 0) |\n"
        }

        let order = report.findings.indices.sorted {
            report.findings[$0].level > report.findings[$1].level || report.findings[$0].level == report.findings[$1].level && $0 < $1
        }
        out += "\n### Findings\n\n"
        for index in order.prefix(Self.maximumListed) {
            let finding = report.findings[index]
            let location = finding.location
            var place = location.file
            if location.line > 0 { place += ":\(location.line)" + (location.column > 0 ? ":\(location.column)" : "") }
            if let offset = location.binaryOffset { place += "+\(hexadecimal(offset))" }
            let shown = "`" + markdownCode(place) + "`"
            let link = repository?.url(file: location.file, line: location.isBinary ? 0 : location.line).map { "[\(shown)](\($0))" } ?? shown
            out += "- **\(finding.level.rawValue)** \(link) \(ruleLink(finding.rule)): \(markdownText(finding.message))\n"
        }
        if report.findings.count > Self.maximumListed {
            out += "- … and \(report.findings.count - Self.maximumListed) more (the SARIF or JSON report has them all)\n"
        }
        return out
    }

    private func ruleLink(_ rule: String) -> String {
        "[`\(rule)`](\(documentationURL(base: documentationBaseURL, path: "docs/rules/\(rule).md")))"
    }

    /// Text inside a code span: backticks would end it.
    private func markdownCode(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'")
    }

    /// A message on one Markdown line: line breaks become spaces, and characters Markdown or HTML
    /// would read as markup are escaped.
    private func markdownText(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "*", "_", "`", "[", "]", "|", "\\", "#": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }
}
