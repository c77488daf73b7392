/// How many findings a run did not report, by what hid them.
public struct HiddenFindings: Sendable, Hashable {
    /// Findings silenced by `; isolint: ignore[…]` comments.
    public var suppressions: Int
    /// Findings of rules a configuration's per-path ignores turn off for their file.
    public var perPathIgnores: Int
    /// Findings the baseline accepts.
    public var baseline: Int

    public init(suppressions: Int = 0, perPathIgnores: Int = 0, baseline: Int = 0) {
        self.suppressions = suppressions
        self.perPathIgnores = perPathIgnores
        self.baseline = baseline
    }

    /// Every hidden finding.
    public var total: Int { suppressions + perPathIgnores + baseline }

    /// What hid how many, in words (`61 by the baseline, 2 by suppression comments`); empty when
    /// nothing was hidden.
    public var phrases: [String] {
        var parts: [String] = []
        if baseline > 0 { parts.append("\(baseline) by the baseline") }
        if suppressions > 0 { parts.append("\(suppressions) by suppression comments") }
        if perPathIgnores > 0 { parts.append("\(perPathIgnores) by per-path ignores") }
        return parts
    }
}
