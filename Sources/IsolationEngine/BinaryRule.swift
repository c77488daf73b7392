import DriverPackage
import Findings
import INFModel

/// A rule that looks at the binaries of a built package (the `.sys`, `.dll` and `.exe` files its INF
/// installs, and once per package those no INF installs), besides or instead of the INF text.
///
/// Its examples are binaries: INF text cannot show what a compiled file holds. The test suite builds a
/// package folder from each example and checks it.
public protocol BinaryRule: Rule {
    /// Packages the rule must report (with what each finding shows) and packages it must not.
    static var binaryExamples: [BinaryExample] { get }

    /// The problems the rule finds in one binary.
    func check(_ binary: BinaryTarget) -> [Violation]
}

extension BinaryRule {
    public static var binaryRule: (any BinaryRule.Type)? { Self.self }

    /// A rule about binaries only reads no INF text.
    public func check(_ context: RuleContext) -> [Violation] { [] }

    public static var triggeringExamples: [RuleExample] { [] }

    public static var nonTriggeringExamples: [RuleExample] { [] }
}

/// A binary as a binary rule sees it: what the scan read, and the INF lines that install it.
public struct BinaryTarget: Sendable {
    /// The scan of the file.
    public let image: BinaryImage
    /// The lines of the INF being checked that install the file; empty for a binary no INF of its
    /// package installs.
    public let installs: [BinaryInstallSite]
    /// The one Windows version evaluated (`--os`), or nil for every version the INF installs on.
    public let targetVersion: WindowsVersion?
    /// Whether the file was found in a package folder, beside INFs; false for a binary named alone
    /// on the command line, which no INF is expected to install.
    public let isPackaged: Bool

    public init(image: BinaryImage, installs: [BinaryInstallSite], targetVersion: WindowsVersion?, isPackaged: Bool = true) {
        self.image = image
        self.installs = installs
        self.targetVersion = targetVersion
        self.isPackaged = isPackaged
    }

    /// The binary's path below the package folder.
    public var path: String { image.binary.relativePath }

    /// A violation at file offset `offset`, naming the lines that install the binary and `related`.
    public func violation(at offset: Int, _ message: String, related: [(range: Range<Int>, message: String)] = [],
                          maximumLevel: Level? = nil) -> Violation {
        let installs = self.installs.map { (range: $0.range, message: "'\(path)' is installed by this line") }
        var seen = Set<Range<Int>>()
        return Violation(binary: BinaryPosition(relativePath: path, offset: offset), message: message,
                         related: (installs + related).filter { seen.insert($0.range).inserted }, maximumLevel: maximumLevel)
    }

    /// A violation at a string, whose message quotes the string and its encoding, then says `predicate`.
    public func violation(at string: BinaryString, saying predicate: String, maximumLevel: Level? = nil) -> Violation {
        violation(at: string.offset, "\(Self.quote(string.value)) (\(string.encodingName) string) \(predicate)", maximumLevel: maximumLevel)
    }

    /// `text` in quotes, shortened in the middle when longer than 160 characters.
    static func quote(_ text: String) -> String {
        guard text.count > 160 else { return "'\(text)'" }
        return "'\(text.prefix(100))…\(text.suffix(50))'"
    }
}

/// A line of the INF that installs a binary, with the oldest Windows version it installs it on.
public struct BinaryInstallSite: Sendable {
    /// The CopyFiles entry, with its install section, architecture and package path.
    public let install: PackageFileInstall
    /// The code units of the entry's file name in the INF.
    public let range: Range<Int>
    /// The oldest Windows version on which the INF installs the file through this line: the lowest
    /// version of the Models ranges that reach its install section (the `--os` version when one is
    /// given), 0.0.0 for a DefaultInstall section; nil when nothing installs the section.
    public let lowestVersion: WindowsVersion?
    /// The Models range that gives `lowestVersion`, when a Models section reaches the line.
    public let modelsRange: ModelsRange?
    /// The code units of the Manufacturer line that names that Models range.
    public let modelsLine: Range<Int>?
}

/// A package folder for a binary rule's example: an INF, the fixture binaries, and what the rule
/// must report.
public struct BinaryExample: Sendable {
    /// A file of the example package: a fixture binary, built by `scripts/build-pe-fixtures.sh` from
    /// `scripts/pe-fixtures/`, placed at a path of the package folder.
    public struct File: Sendable {
        /// The fixture's file name.
        public let fixture: String
        /// Where it lies in the package folder (`/` separators).
        public let path: String

        public init(fixture: String, path: String) {
            self.fixture = fixture
            self.path = path
        }
    }

    /// One finding the rule must report.
    public struct Report: Sendable {
        /// The string or imported function the finding shows, which its offset in the binary must
        /// spell; nil for a finding about the file's structure or the file as a whole.
        public let text: String?
        /// The level in isolation mode.
        public let level: Level

        /// A finding that shows `text`, at `level`.
        public init(_ text: String, _ level: Level) {
            self.text = text
            self.level = level
        }

        /// A finding about the file's structure or the file as a whole, at `level`.
        public init(level: Level) {
            self.text = nil
            self.level = level
        }
    }

    /// The INF text, written as `example.inf` at the top of the package folder.
    public let inf: String
    /// The binaries of the package folder.
    public let files: [File]
    /// The findings the rule must report in isolation mode; empty when it must report nothing.
    public let reports: [Report]
    /// The source file and line of the example.
    public let filePath: String
    public let line: Int

    public init(inf: String, files: [File], reports: [Report], filePath: String = #filePath, line: Int = #line) {
        self.inf = inf
        self.files = files
        self.reports = reports
        self.filePath = filePath
        self.line = line
    }

    /// A package holding one fixture at `path`.
    public init(inf: String, fixture: String, path: String, reports: [Report] = [], filePath: String = #filePath, line: Int = #line) {
        self.init(inf: inf, files: [File(fixture: fixture, path: path)], reports: reports, filePath: filePath, line: line)
    }
}
