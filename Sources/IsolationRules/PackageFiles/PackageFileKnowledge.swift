import Findings
import INFModel
import IsolationEngine

/// Facts about DIRIDs, copy flags and names that the package-file rules check.
///
/// DIRIDs: "Using Dirids" (install/using-dirids.md) and "Printer Dirids" (print/printer-dirids.md) of the
/// Windows driver documentation: system DIRIDs are -1 to 32767, with 16384–32767 the shell folders
/// (0x4000 plus a CSIDL value); user DIRIDs are 32768–65534 and 65536 and up, defined only at run time
/// through SetupSetDirectoryId, except 66000–66004, which the print spooler defines.
/// Copy flags: "INF CopyFiles Directive" (install/inf-copyfiles-directive.md).
/// GUIDs: "INF Version Section" (install/inf-version-section.md), `{nnnnnnnn-nnnn-nnnn-nnnn-nnnnnnnnnnnn}`.
enum PackageFileKnowledge {
    /// The system DIRIDs below the shell folders that the DIRID table defines (0 is DIRID_NULL,
    /// 65535 the 16-bit form of -1).
    static let systemDirids: Set<Int> = [
        -1, 0, 1, 10, 11, 12, 13, 17, 18, 20, 21, 23, 24, 25, 30, 50, 51, 52, 53, 54, 55, 65535,
    ]

    /// Shell-folder DIRIDs: 0x4000 plus a CSIDL value.
    static let shellDirids = 16384...32767

    /// The user DIRIDs the print spooler defines for printer INFs.
    static let printerDirids = 66000...66004

    /// How a DIRID number resolves in a driver package.
    enum DiridKind {
        case system
        /// A user DIRID (32768–65534, 65536 and up) that nothing in a driver package defines.
        case undefinedUser
        /// A number in the system range that names no folder.
        case unknownSystem
    }

    static func kind(of dirid: Int) -> DiridKind {
        if systemDirids.contains(dirid) || shellDirids.contains(dirid) || printerDirids.contains(dirid) { return .system }
        if dirid >= 32768 { return .undefinedUser }
        return .unknownSystem
    }

    /// COPYFLG_* flags that decide whether and how an existing destination file is replaced. A file
    /// copied to DIRID 13 is used in place from its own driver-store folder, which no other copy ever
    /// writes to, so the flags have no meaning there. COPYFLG_OVERWRITE_OLDER_ONLY is left out: the
    /// directive's page calls it irrelevant to signed packages, so it is ignored rather than refused;
    /// COPYFLG_REPLACE_BOOT_FILE too, which marks a file the boot loader needs, not a way of replacing one.
    static let driverStoreRefusedCopyFlags: [(value: UInt32, name: String)] = [
        (0x0000_0008, "COPYFLG_FORCE_FILE_IN_USE"),
        (0x0000_0010, "COPYFLG_NO_OVERWRITE"),
        (0x0000_0400, "COPYFLG_REPLACEONLY"),
        (0x0000_2000, "COPYFLG_NOPRUNE"),
        (0x0000_4000, "COPYFLG_IN_USE_RENAME"),
    ]

    /// Characters no Windows file or folder name can hold (besides control characters).
    static let invalidNameCharacters: Set<Character> = ["<", ">", ":", "\"", "|", "?", "*"]

    /// Whether `text` is `{8-4-4-4-12}` hexadecimal digits in braces.
    static func isGUID(_ text: String) -> Bool {
        let units = Array(text.utf8)
        guard units.count == 38, units.first == UInt8(ascii: "{"), units.last == UInt8(ascii: "}") else { return false }
        for (index, unit) in units.enumerated().dropFirst().dropLast() {
            if [9, 14, 19, 24].contains(index) {
                guard unit == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (0x30...0x39).contains(unit) || (0x61...0x66).contains(unit | 0x20)
                guard isHex else { return false }
            }
        }
        return true
    }

    /// Whether a disk id is a non-negative number (decimal, or as `SetupGetIntField` reads it).
    static func isWellFormedDiskID(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: " \t")
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return true }
        guard let value = IntegerField(parsing: trimmed).int32 else { return false }
        return value >= 0 && !trimmed.isEmpty
    }

    /// Whether a value still holds an unresolved `%token%` or a token the build replaces
    /// (`$ARCH$`, `$KMDFVERSION$`, `@VERSION@`), so that its written form says nothing certain.
    static func isUnresolved(_ text: String) -> Bool {
        text.containsByte(0x25) || TemplateTokens.containsToken(text)
    }
}
