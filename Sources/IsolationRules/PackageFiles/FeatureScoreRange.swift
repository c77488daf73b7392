import Findings
import INFModel
import IsolationEngine

/// A `FeatureScore` that is not a byte value.
public struct FeatureScoreRange: Rule {
    public static let description = RuleDescription(
        name: "feature-score-range", codes: [1245],
        title: "FeatureScore is not a byte",
        why: "FeatureScore ranks drivers of the same device within one feature group and is a single byte written in hexadecimal, 0x00 to 0xFF (with or without the 0x); any other value is rejected, so the driver is not ranked as intended.",
        fix: "Give FeatureScore a hexadecimal value from 00 to FF (a lower score ranks higher), e.g. FeatureScore = F9; note that 100 is read as 0x100.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        FeatureScore = ↓0x100
        [Install2.NT]
        FeatureScore = ↓high
        [Install3.NT]
        FeatureScore = ↓128
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        FeatureScore = 0xFE
        [Install2.NT]
        FeatureScore = F9
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            if section.isStrings { continue }
            for line in section.directive(.featureScore) {
                guard let text = line.field(1)?.trimmingCharacters(in: " \t"), !text.isEmpty,
                      !PackageFileKnowledge.isUnresolved(text) else { continue }
                if let value = Self.hexadecimalValue(text), value <= 0xFF { continue }
                result.append(Violation(range: context.range(of: line, field: 1),
                                        message: "FeatureScore '\(text)' is not a hexadecimal byte value from 0x00 to 0xFF", infVerifValues: [text]))
            }
        }
        return result
    }

    /// `text` read as hexadecimal digits, with or without a `0x` prefix; `nil` when it is not.
    static func hexadecimalValue(_ text: String) -> UInt64? {
        let digits = text.lowercased().hasPrefix("0x") ? String(text.dropFirst(2)) : text
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        return UInt64(digits, radix: 16)
    }
}
