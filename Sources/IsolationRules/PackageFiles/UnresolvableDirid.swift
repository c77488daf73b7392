import Findings
import INFModel
import IsolationEngine

/// A DIRID that names no folder: a DestinationDirs value that is not a number (1243), a number in the
/// system range that is no DIRID (1242), or a user DIRID nothing in a driver package defines (1241);
/// in DestinationDirs and in `%N%` references.
public struct UnresolvableDirid: Rule {
    public static let description = RuleDescription(
        name: "unresolvable-dirid", codes: [1241, 1242, 1243],
        title: "A DIRID cannot be resolved",
        why: "Windows turns a DIRID into a folder through its table of system DIRIDs (-1 to 32767, with 16384 and up the shell folders); a user DIRID (32768 and up) exists only when a program defines it with SetupSetDirectoryId, which nothing does for a driver package (the print spooler's 66000–66004 aside), and a value that is not a number is no DIRID at all, so the files or paths have no destination.",
        fix: "Use a DIRID of the system table, normally 13 (the driver store), e.g. DefaultDestDir = 13 and %13%\\\\file.dll in paths.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = ↓System32
        Tools = ↓32770
        Drv = ↓14
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Path,,"↓%60000%\\tool.exe"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        Printer = 66000
        Shell = 16422, Contoso
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Path,,"%13%\\tool.exe"
        HKR,,Share,,"100%%32770%%"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        var result: [Violation] = []
        for line in document.section(named: "DestinationDirs")?.lines ?? [] where line.hasExplicitKey {
            guard let text = line.field(1)?.trimmingCharacters(in: " \t"), !text.isEmpty,
                  !PackageFileKnowledge.isUnresolved(text) else { continue }
            let range = context.range(of: line, field: 1)
            guard let dirid = IntegerField(parsing: text).int32 else {
                result.append(Violation(range: range, message: "DIRID '\(text)' of '\(line.key ?? "")' is not a number", code: 1243,
                                        infVerifValues: [text, line.key ?? "", "DestinationDirs"]))
                continue
            }
            if let violation = Self.violation(Int(dirid), range: range, file: line.key ?? "", section: "DestinationDirs") { result.append(violation) }
        }
        for item in context.percentFields where !Self.skipped(item.section) {
            var reported = Set<Int>()
            for case .dirid(let dirid) in item.pieces where reported.insert(dirid).inserted {
                let ranges = context.diridReferences(dirid, in: item.line, field: item.field)
                let range = ranges.first ?? context.range(of: item.line, field: item.field)
                if let violation = Self.violation(dirid, range: range, file: item.raw, section: item.section.name) { result.append(violation) }
            }
        }
        return result
    }

    /// The finding for `dirid` when Windows cannot resolve it; `file` and `section` are where InfVerif
    /// says it is used.
    static func violation(_ dirid: Int, range: Range<Int>, file: String, section: String) -> Violation? {
        switch PackageFileKnowledge.kind(of: dirid) {
        case .system:
            return nil
        case .undefinedUser:
            return Violation(range: range, message: "DIRID \(dirid) is a user DIRID that nothing defines for a driver package", code: 1241,
                             infVerifValues: ["\(dirid)", file, section])
        case .unknownSystem:
            return Violation(range: range, message: "DIRID \(dirid) is not a DIRID Windows defines", code: 1242,
                             infVerifValues: ["\(dirid)", file, section])
        }
    }

    static func skipped(_ section: INFSection) -> Bool {
        section.isStrings || section.foldedName == "destinationdirs"
    }
}
