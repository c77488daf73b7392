/// What a DIRID number stands for, and how `%N%` is rendered when fields are substituted.
public struct DirectoryTable: Sendable {
    /// The folder of each known DIRID.
    public var paths: [Int: String]
    /// DIRID 1, the INF's own folder, with a trailing backslash; `nil` keeps `%1%` as written.
    public var sourceDirectory: String?
    /// The folder given to system DIRIDs (0–55) that have no entry; `nil` keeps them as written.
    public var unknownSystemDirectory: String?

    public init(paths: [Int: String], sourceDirectory: String? = nil, unknownSystemDirectory: String? = nil) {
        self.paths = paths
        self.sourceDirectory = sourceDirectory
        self.unknownSystemDirectory = unknownSystemDirectory
    }

    /// The folder for `dirid`, or `nil` when the number means nothing here (the text stays `%N%`).
    public func path(for dirid: Int) -> String? {
        if dirid == 1 { return sourceDirectory }
        if let path = paths[dirid] { return path }
        if dirid == 65535 { return "" }
        if dirid >= 0 && dirid <= 55 { return unknownSystemDirectory }
        return nil
    }

    /// The folder `dirid` and `subdirectory` name, in a form every spelling of one folder shares
    /// (`%10%\System32\drivers` and `%12%` alike): see `comparable(_:)`. A DIRID the table does not
    /// know stays `%N%`.
    public func folder(dirid: Int, subdirectory: String?) -> String {
        Self.comparable((path(for: dirid) ?? "%\(dirid)%") + "\\" + (subdirectory ?? ""))
    }

    /// A path with `/` and `\` alike, without doubled, leading-dot or trailing separators, lowercased:
    /// Windows paths compare without regard to case.
    public static func comparable(_ path: String) -> String {
        let lowered = path.lowercased()
        var parts: [Substring] = []
        // Separators are ASCII: split the bytes, each piece starting and ending on a character.
        for piece in lowered.utf8.split(whereSeparator: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }) {
            let part = lowered[piece.startIndex..<piece.endIndex]
            if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "\\")
    }

    /// What SetupAPI (Wine 8.0) returns on a Windows installed in `C:\windows`: the reference the
    /// conformance data was recorded with. DIRID 13 is Wine's placeholder there.
    public static let reference = DirectoryTable(
        paths: [
            -1: "", 0: "",
            10: #"C:\windows"#, 11: #"C:\windows\system32"#, 12: #"C:\windows\system32\drivers"#,
            13: #"C:\windows\system32\unknown"#, 17: #"C:\windows\inf"#, 18: #"C:\windows\help"#,
            20: #"C:\windows\fonts"#, 21: #"C:\windows\system32\viewers"#,
            23: #"C:\windows\system32\spool\drivers\color"#, 24: #"C:\"#, 25: #"C:\windows"#, 30: #"C:\"#,
            50: #"C:\windows\system"#, 51: #"C:\windows\system32\spool"#,
            52: #"C:\windows\system32\spool\drivers"#, 53: #"C:\users\root"#, 54: #"C:\"#,
            55: #"C:\windows\system32\spool\prtprocs\x64"#,
            16406: #"C:\ProgramData\Microsoft\Windows\Start Menu"#,
            16407: #"C:\ProgramData\Microsoft\Windows\Start Menu\Programs"#,
            16408: #"C:\ProgramData\Microsoft\Windows\Start Menu\Programs\StartUp"#,
            16409: #"C:\users\Public\Desktop"#, 16419: #"C:\ProgramData"#, 16422: #"C:\Program Files"#,
            16425: #"C:\windows\syswow64"#, 16426: #"C:\Program Files (x86)"#,
            16427: #"C:\Program Files\Common Files"#, 16428: #"C:\Program Files (x86)\Common Files"#,
            16430: #"C:\users\Public\Documents"#, 16437: #"C:\users\Public\Music"#,
            66000: #"C:\windows\system32\spool\drivers\x64"#, 66001: #"C:\windows\system32\spool\prtprocs\x64"#,
            66002: #"C:\windows\system32"#, 66003: #"C:\windows\system32\spool\drivers\color"#,
            66004: #"C:\windows\system32\unknown"#,
        ],
        unknownSystemDirectory: #"C:\windows\system32\unknown"#)

    /// The folders of a Windows installed in `C:\Windows`, as an installed driver package sees them.
    /// DIRID 13 is the package's own driver-store folder, named after the INF and the architecture
    /// with the store's hash shown as `<hash>`.
    public static func native(infName: String, architecture: String) -> DirectoryTable {
        DirectoryTable(paths: [
            -1: "", 0: "",
            10: #"C:\Windows"#, 11: #"C:\Windows\System32"#, 12: #"C:\Windows\System32\drivers"#,
            13: #"C:\Windows\System32\DriverStore\FileRepository\"# + "\(infName.lowercased())_\(architecture.lowercased())_<hash>",
            17: #"C:\Windows\INF"#, 18: #"C:\Windows\Help"#, 20: #"C:\Windows\Fonts"#,
            21: #"C:\Windows\System32\viewers"#, 23: #"C:\Windows\System32\spool\drivers\color"#,
            24: #"C:\"#, 25: #"C:\Windows"#, 30: #"C:\"#, 50: #"C:\Windows\System"#,
            51: #"C:\Windows\System32\spool"#, 52: #"C:\Windows\System32\spool\drivers"#,
            53: #"C:\Users\Default"#, 54: #"C:\"#, 55: #"C:\Windows\System32\spool\prtprocs\x64"#,
            16406: #"C:\ProgramData\Microsoft\Windows\Start Menu"#,
            16407: #"C:\ProgramData\Microsoft\Windows\Start Menu\Programs"#,
            16408: #"C:\ProgramData\Microsoft\Windows\Start Menu\Programs\StartUp"#,
            16409: #"C:\Users\Public\Desktop"#, 16415: #"C:\Users\Public\Favorites"#,
            16419: #"C:\ProgramData"#, 16422: #"C:\Program Files"#, 16425: #"C:\Windows\SysWOW64"#,
            16426: #"C:\Program Files (x86)"#, 16427: #"C:\Program Files\Common Files"#,
            16428: #"C:\Program Files (x86)\Common Files"#, 16429: #"C:\ProgramData\Microsoft\Windows\Templates"#,
            16430: #"C:\Users\Public\Documents"#,
            66000: #"C:\Windows\System32\spool\drivers\x64"#, 66001: #"C:\Windows\System32\spool\prtprocs\x64"#,
            66002: #"C:\Windows\System32"#, 66003: #"C:\Windows\System32\spool\drivers\color"#,
        ])
    }
}

/// How `%N%` DIRID references are rendered when fields are substituted.
public enum DirectoryRendering: Sendable {
    /// DIRIDs stay as written (`%12%`), so that rules can see them.
    case keep
    /// DIRIDs become the folders of a table.
    case table(DirectoryTable)
}
