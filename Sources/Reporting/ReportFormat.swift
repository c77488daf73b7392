/// The output formats isolint can write a report in.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// For people: one block per finding with a code frame, then a summary (``TextReporter``).
    case text
    /// One line per finding, then the summary (``TextReporter`` in its concise form).
    case concise
    /// The documented `isolint-report/1` JSON document (``JSONReporter``).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers (``SARIFReporter``).
    case sarif
    /// GitHub Actions workflow commands that annotate the changed files (``GitHubReporter``).
    case github
    /// Lines in InfVerif's own style, for scripts written against InfVerif (``InfVerifReporter``).
    case infverif
    /// One self-contained HTML page with the findings grouped by file (``HTMLReporter``).
    case html
    /// MSBuild's canonical error lines, for Visual Studio and VS Code's `$msCompile` (``MSBuildReporter``).
    case msbuild

    /// The reporter for this format, configured from `options`.
    public func reporter(options: RenderOptions) -> any Reporter {
        switch self {
        case .text: return TextReporter(colors: options.colors)
        case .concise: return TextReporter(colors: options.colors, concise: true)
        case .json: return JSONReporter(documentationBaseURL: options.documentationBaseURL)
        case .sarif:
            return SARIFReporter(documentationBaseURL: options.documentationBaseURL,
                                 informationURI: options.informationURI,
                                 sourceRoot: options.sourceRoot)
        case .github: return GitHubReporter()
        case .infverif: return InfVerifReporter(verbose: options.verbose)
        case .html: return HTMLReporter(documentationBaseURL: options.documentationBaseURL)
        case .msbuild: return MSBuildReporter()
        }
    }

    /// Whether the format is read by people at a terminal, and so may be coloured.
    public var isForPeople: Bool { self == .text || self == .concise }

    /// Renders `report` in this format.
    public func render(_ report: Report, options: RenderOptions) -> String {
        reporter(options: options).render(report)
    }
}
