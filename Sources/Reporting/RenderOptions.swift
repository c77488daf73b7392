/// Settings that shape the output of the reporters.
public struct RenderOptions: Sendable, Hashable {
    /// Where the repository's documentation lives; rule pages are `docs/rules/<name>.md` below it.
    public static let defaultDocumentationBaseURL = "https://github.com/isolint/isolint/blob/main/"
    /// The home page of the tool.
    public static let defaultInformationURI = "https://github.com/isolint/isolint"

    /// Whether the text format may use ANSI colours (set it when the output is a terminal).
    public var colors: Bool
    /// The URL that rule documentation paths are appended to (JSON `documentation`, SARIF `helpUri`).
    public var documentationBaseURL: String
    /// The tool's home page (SARIF `tool.driver.informationUri`).
    public var informationURI: String
    /// The absolute path of the folder that relative file paths start from, if known (SARIF
    /// `originalUriBaseIds`, so that viewers can resolve `%SRCROOT%`).
    public var sourceRoot: String?
    /// Whether the InfVerif format prints what InfVerif's `/v` adds: the banner and a `Checking` line per INF.
    public var verbose: Bool

    /// Creates options; the defaults suit a run without a terminal and with the public documentation.
    public init(colors: Bool = false,
                documentationBaseURL: String = RenderOptions.defaultDocumentationBaseURL,
                informationURI: String = RenderOptions.defaultInformationURI,
                sourceRoot: String? = nil, verbose: Bool = false) {
        self.colors = colors
        self.verbose = verbose
        self.documentationBaseURL = documentationBaseURL
        self.informationURI = informationURI
        self.sourceRoot = sourceRoot
    }
}

/// The documentation URL of a rule page: `base` (with a `/` added when it lacks one) and `path`.
func documentationURL(base: String, path: String) -> String {
    base.hasSuffix("/") || base.isEmpty ? base + path : base + "/" + path
}
