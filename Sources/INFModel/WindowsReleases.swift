/// Windows 10 and 11 releases and the Windows Server versions built on them, with their build
/// numbers (Microsoft's "Windows 10 release information" and "Windows 11 release information"
/// tables; 1507 is build 10240, the first Windows 10).
public enum WindowsReleases {
    /// Windows 10 releases by version name, oldest first.
    public static let windows10: [(release: String, build: Int)] = [
        ("1507", 10240), ("1511", 10586), ("1607", 14393), ("1703", 15063), ("1709", 16299), ("1803", 17134),
        ("1809", 17763), ("1903", 18362), ("1909", 18363), ("2004", 19041), ("20H2", 19042), ("21H1", 19043),
        ("21H2", 19044), ("22H2", 19045),
    ]

    /// Windows 11 releases by version name, oldest first.
    public static let windows11: [(release: String, build: Int)] = [
        ("21H2", 22000), ("22H2", 22621), ("23H2", 22631), ("24H2", 26100), ("25H2", 26200),
    ]

    /// Windows Server versions by year.
    public static let servers: [(release: String, build: Int)] = [
        ("2016", 14393), ("2019", 17763), ("2022", 20348), ("2025", 26100),
    ]

    /// The first build of Windows 10: a version 10 build number below it names no Windows.
    public static let firstWindows10Build = 10240

    /// The build a release name gives: `1809`, `22H2` (Windows 10's), `11` (Windows 11's first),
    /// `11-24H2`, `24H2` (a name only Windows 11 has), `10-21H2`, `Server 2019`, with an optional
    /// `Windows`/`Win` in front and `-`, `_`, a space or nothing between the parts, in any case.
    public static func build(named text: String) -> Int? {
        var rest = Substring(text.lowercased()).drop { $0 == " " }
        for prefix in ["windows", "win"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        func dropSeparators(_ text: Substring) -> Substring { text.drop { $0 == " " || $0 == "-" || $0 == "_" } }
        rest = dropSeparators(rest)
        if rest.hasPrefix("server") {
            let year = dropSeparators(rest.dropFirst("server".count))
            return servers.first { $0.release == year }?.build
        }
        var family: Int?
        for (prefix, number) in [("11", 11), ("10", 10)] where rest.hasPrefix(prefix) {
            let after = rest.dropFirst(2)
            // `10` and `11` open a family only when a separator or the end follows (`1809` does not).
            if after.isEmpty || after.first == " " || after.first == "-" || after.first == "_" {
                family = number
                rest = dropSeparators(after)
            }
            break
        }
        let name = rest.uppercased()
        switch family {
        case 11:
            if name.isEmpty { return windows11.first?.build }
            return windows11.first { $0.release == name }?.build
        case 10:
            if name.isEmpty { return windows10.first?.build }
            return windows10.first { $0.release == name }?.build
        default:
            // Windows 10's names first: `21H2` and `22H2` name both families, and Windows 10's came first.
            return windows10.first { $0.release == name }?.build ?? windows11.first { $0.release == name }?.build
        }
    }

    /// The release names `build` has, e.g. `Windows 10 version 1809 / Windows Server 2019`.
    public static func name(ofBuild build: Int) -> String? {
        var names: [String] = []
        if let release = windows10.first(where: { $0.build == build }) { names.append("Windows 10 version \(release.release)") }
        if let release = windows11.first(where: { $0.build == build }) { names.append("Windows 11 version \(release.release)") }
        if let server = servers.first(where: { $0.build == build }) { names.append("Windows Server \(server.release)") }
        return names.isEmpty ? nil : names.joined(separator: " / ")
    }
}
