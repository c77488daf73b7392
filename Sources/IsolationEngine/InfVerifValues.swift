import Findings
import INFModel

/// How InfVerif spells the values it puts in its messages, for rules filling `Violation.infVerifValues`.
public enum InfVerifValues {
    /// The folders of a Windows installed in `C:\Windows`, as InfVerif prints destinations.
    private static let folders = DirectoryTable.native(infName: "package.inf", architecture: "amd64")

    /// The path `dirid`, `subdirectory` and `file` name on a Windows installed in `C:\Windows`
    /// (`C:\Windows\System32\drivers\a.sys`); a DIRID without a fixed folder stays `%N%`.
    public static func path(dirid: Int, subdirectory: String? = nil, file: String? = nil) -> String {
        let folder = dirid == DirectoryIDs.driverStore ? nil : folders.path(for: dirid).flatMap { $0.isEmpty ? nil : $0 }
        var parts = [folder ?? "%\(dirid)%"]
        let sub = subdirectory.map { $0.withBackslashes.split(ascii: "\\").joined(separator: "\\") } ?? ""
        if !sub.isEmpty { parts.append(sub) }
        if let file, !file.isEmpty { parts.append(file) }
        return parts.joined(separator: "\\")
    }
}

extension InfVerifValues {
    /// The code and values InfVerif reports for a registry line outside HKR in `mode`: 1321 (root,
    /// subkey, value) for a value and 1320 (root, subkey) for a key in `/w` and `/h`; in the other
    /// modes 1304, the legacy operation (`AddReg`, root, subkey and an empty detail).
    public static func registryRoot(_ entry: RegistryEntry, mode: Mode) -> (code: Int, values: [String]) {
        let root = entry.root.shortName
        guard mode == .isolation || mode == .signature else {
            return (1304, [entry.operation.rawValue, root, entry.subkey, ""])
        }
        if let value = entry.valueName, !entry.isKeyOnly, entry.operation != .delReg || !value.isEmpty {
            return (1321, [root, entry.subkey, value.isEmpty ? "(Default)" : value])
        }
        return (1320, [root, entry.subkey])
    }
}
