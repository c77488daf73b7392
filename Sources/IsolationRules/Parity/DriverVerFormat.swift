import Findings
import INFModel
import IsolationEngine

/// A `DriverVer` date not written `MM/DD/YYYY`, or a version part over 65535.
public struct DriverVerFormat: Rule {
    public static let description = RuleDescription(
        name: "driverver-format", codes: [1217, 1218],
        title: "DriverVer has a malformed date or version",
        why: "Windows ranks drivers by the DriverVer date and version; a date it cannot read or a version part beyond 16 bits makes the ranking, and the version shown to users, wrong.",
        fix: "Write DriverVer = MM/DD/YYYY,w.x.y.z with a two-digit month and day, a four-digit year and up to four version parts from 0 to 65535, not all 0 (stampinf writes it when the build makes the INF). A placeholder without digits is checked only in a built package.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        DriverVer = ↓2024-03-14, ↓1.70000.0.1
        [Install]
        DriverVer = ↓02/30/2024, 1.0.0.0
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        DriverVer = ↓%Date%, ↓1.0.beta.2
        [Install]
        DriverVer = 03/14/2024, ↓0.0.0.0
        [Strings]
        Date = "14.03.2024"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        DriverVer = 03/14/2024,10.0.26100.65535
        [Install]
        DriverVer = 02-29-2024
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        DriverVer =
        [Install]
        DriverVer = WILL_BE_FIXED_UP_BY_STAMPINF
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        // A value without a digit is a placeholder the build fills in (stampinf's
        // WILL_BE_FIXED_UP_BY_STAMPINF, @INF_DATE@): checked only in a built package.
        let built = context.isBuiltPackage
        func checked(_ value: String) -> Bool {
            !value.isEmpty && !value.containsByte(0x24) && (built || value.contains(where: \.isASCIIDigit))
        }
        for section in context.document.sections {
            if section.isStrings { continue }
            for line in section.lines(withKey: "DriverVer") {
                if let date = line.field(1)?.trimmingCharacters(in: " \t"), checked(date), !Self.isValidDate(date) {
                    result.append(Violation(range: context.range(of: line, field: 1),
                                            message: "DriverVer date '\(date)' must be MM/DD/YYYY",
                                            code: 1218, infVerifValues: [date, "DriverVer"]))
                }
                if let version = line.field(2)?.trimmingCharacters(in: " \t"), checked(version),
                   let problem = Self.versionProblem(version) {
                    result.append(Violation(range: context.range(of: line, field: 2),
                                            message: "DriverVer version '\(version)' is invalid: \(problem)",
                                            code: 1217, infVerifValues: [version, "DriverVer"]))
                }
            }
        }
        return result
    }

    /// Whether `text` is a real calendar date written `MM/DD/YYYY` (or with `-` separators).
    static func isValidDate(_ text: String) -> Bool {
        let parts = text.split(separator: text.containsByte(0x2D) ? "-" : "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]),
              (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// What is wrong with a `w.x.y.z` version, or `nil` when it is valid.
    static func versionProblem(_ text: String) -> String? {
        let parts = text.split(ascii: ".", omittingEmptySubsequences: false)
        if parts.count > 4 { return "it has \(parts.count) parts, at most 4 are allowed" }
        for part in parts {
            guard !part.isEmpty, part.allSatisfy(\.isASCIIDigit) else { return "'\(part)' is not a number" }
            guard part.count <= 5, let value = Int(part), value <= 65535 else { return "part \(part) is not between 0 and 65535" }
        }
        if parts.allSatisfy({ Int($0) == 0 }) { return "a version of all zeros is not valid" }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
