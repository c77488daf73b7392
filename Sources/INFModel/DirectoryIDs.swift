/// Facts about DIRIDs for isolation (DIRID table of the driver documentation, 24H2 WHQL status): the one
/// place every layer reads them from. The folders each DIRID names are in `DirectoryTable`.
public enum DirectoryIDs {
    /// The package's own driver-store folder.
    public static let driverStore = 13

    /// DIRIDs deprecated for driver packages (InfVerif 1340/1341).
    public static let deprecated: Set<Int> = [
        -1, 1, 17, 18, 20, 21, 24, 25, 30, 50, 53, 54, 16406, 16407, 16408, 16409, 16415, 16419, 16429, 16430, 65535,
    ]

    /// DIRIDs signature mode (`/h`) still accepts as copy destinations.
    public static let signatureExceptions: Set<Int> = [
        10, 11, 12, 23, 51, 52, 55, 16422, 16425, 16426, 16427, 16428, 66000, 66001, 66002, 66003, 66004,
    ]

    /// Program Files folders, which a driver package may not install into. SysWOW64 (16425) is a
    /// system folder, not one of them.
    public static let programFiles: Set<Int> = [16422, 16426, 16427, 16428]

    /// Whether `dirid` is one of the Program Files folders.
    public static func isProgramFiles(_ dirid: Int) -> Bool { programFiles.contains(dirid) }

    /// A short description of a DIRID for messages.
    public static func describe(_ dirid: Int) -> String {
        switch dirid {
        case -1, 65535: return "an absolute path"
        case 1: return "the folder the INF was installed from"
        case 10: return "%SystemRoot%"
        case 11: return "%SystemRoot%\\System32"
        case 12: return "%SystemRoot%\\System32\\drivers"
        case 13: return "the driver store"
        case 17: return "%SystemRoot%\\INF"
        case 18: return "%SystemRoot%\\Help"
        case 20: return "%SystemRoot%\\Fonts"
        case 21: return "the viewers folder"
        case 23: return "the color profile folder"
        case 24: return "the root of the system disk"
        case 25: return "the shared folder"
        case 30: return "the root of the boot disk"
        case 50: return "%SystemRoot%\\System"
        case 51: return "the spool folder"
        case 52: return "the spool drivers folder"
        case 53: return "the user profile folder"
        case 54: return "the boot loader's folder"
        case 55: return "the print processors folder"
        case 16406...16409, 16415, 16419, 16429, 16430: return "an All Users shell folder"
        case 16422: return "Program Files"
        case 16425: return "%SystemRoot%\\SysWOW64"
        case 16426: return "Program Files (x86)"
        case 16427: return "Program Files\\Common Files"
        case 16428: return "Program Files (x86)\\Common Files"
        case 66000...66004: return "a printer driver folder"
        default: return "DIRID \(dirid)"
        }
    }
}
