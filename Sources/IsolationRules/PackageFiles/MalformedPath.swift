import Findings
import INFModel
import IsolationEngine

/// A relative path that Windows cannot use: a DestinationDirs subdirectory, a SourceDisksNames path
/// or a SourceDisksFiles subdirectory with characters a path cannot hold, a `..` component, or a
/// drive letter or network path where a path relative to a DIRID or to the package is required.
public struct MalformedPath: Rule {
    public static let description = RuleDescription(
        name: "malformed-path", codes: [1015],
        title: "A path is malformed",
        why: "A DestinationDirs subdirectory is relative to its DIRID, and SourceDisksNames and SourceDisksFiles paths are relative to the package folder; characters Windows paths cannot hold make the path unusable, and a '..' component, a drive letter or a network path leave the folder the path must stay in, so the package's files are not found or land outside their destination.",
        fix: "Write a relative path of plain folder names separated by '\\\\', e.g. DestinationDirs Drv = 13 or 10,Contoso and SourceDisksFiles a.sys = 1,amd64; name another location with a DIRID instead of a drive letter.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 10, ↓..\\Contoso
        Tools = 11, ↓"C:\\Tools"
        [SourceDisksNames]
        1 = %Disk%,,, ↓\\\\server\\share
        [SourceDisksFiles]
        a.sys = 1, ↓amd64|arm64
        [Strings]
        Disk = "Disk"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        Tools = 10, Contoso\\Tools
        [SourceDisksNames]
        1 = %Disk%,,, \\x64
        [SourceDisksFiles]
        a.sys = 1, .\\amd64
        [Strings]
        Disk = "Disk"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        var result: [Violation] = []
        func check(_ line: INFLine, field: Int, what: String, kind: String, in section: INFSection, allowAbsolute: Bool = false) {
            guard let path = line.field(field)?.trimmingCharacters(in: " \t"), !path.isEmpty,
                  !PackageFileKnowledge.isUnresolved(path), let problem = Self.problem(of: path, allowAbsolute: allowAbsolute) else { return }
            result.append(Violation(range: context.range(of: line, field: field), message: "\(what) '\(path)' \(problem)",
                                    infVerifValues: [kind, path, section.name]))
        }
        for section in document.sections {
            let folded = section.foldedName
            let base = CaseInsensitive.fold(String(section.baseName))
            if folded == "destinationdirs" {
                for line in section.lines where line.hasExplicitKey {
                    // DIRID -1 (65535) takes an absolute path; deprecated-dirid reports it.
                    let dirid = line.field(1).flatMap { IntegerField(parsing: $0).int32 }
                    check(line, field: 2, what: "The subdirectory of '\(line.key ?? "")'", kind: "destination", in: section, allowAbsolute: dirid == -1 || dirid == 65535)
                }
            } else if base == "sourcedisksnames" {
                for line in section.lines where line.hasExplicitKey {
                    check(line, field: 4, what: "The path of disk '\(line.key ?? "")'", kind: "disk", in: section)
                }
            } else if base == "sourcedisksfiles" {
                for line in section.lines where line.hasExplicitKey {
                    check(line, field: 2, what: "The subdirectory of '\(line.key ?? "")'", kind: "source", in: section)
                }
            }
        }
        return result
    }

    /// What is wrong with a relative path, or `nil` when it is well formed.
    static func problem(of path: String, allowAbsolute: Bool) -> String? {
        let scalars = Array(path.unicodeScalars)
        let hasDrive = scalars.count >= 2 && scalars[1] == ":" && (("a"..."z").contains(scalars[0]) || ("A"..."Z").contains(scalars[0]))
        let isNetwork = path.hasPrefix("\\\\") || path.hasPrefix("//")
        if !allowAbsolute {
            if hasDrive { return "names a drive; the path must be relative" }
            if isNetwork { return "is a network path; the path must be relative" }
        }
        let rest = hasDrive ? String(path.dropFirst(2)) : path
        if let bad = rest.first(where: { PackageFileKnowledge.invalidNameCharacters.contains($0) }) {
            return "holds '\(bad)', which a Windows path cannot hold"
        }
        if rest.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "holds a control character" }
        let components = rest.split(whereSeparator: { $0 == "\\" || $0 == "/" })
        if components.contains("..") { return "has a '..' component, which leaves the folder it is relative to" }
        return nil
    }
}
