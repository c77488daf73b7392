/// The documentation page of a rule, written from its type: what it finds, why, how to fix, the
/// InfVerif codes, the levels per mode, and its examples.
public enum RuleDocumentation {
    /// The Markdown page of `rule`.
    public static func markdown(for rule: any Rule.Type) -> String {
        let d = rule.description
        var text = "# \(d.name)\n\n\(d.title).\n\n"
        text += "## Why\n\n\(d.why)\n\n## How to fix\n\n\(d.fix)\n\n"
        if d.fixable { text += "Isolint can apply this fix automatically for some cases.\n\n" }
        text += "## Details\n\n"
        text += "- InfVerif codes: \(d.codes.isEmpty ? "none (Isolint only)" : d.codes.map(String.init).joined(separator: ", "))\n"
        let modes: [Mode] = [.isolation, .signature, .universal, .declarative, .desktop]
        let levels = modes.map { mode in "\(mode.rawValue): \(d.levels[mode].map(\.rawValue) ?? "off")" }
        text += "- Levels: \(levels.joined(separator: ", "))\n"
        text += "- Catalog group: \(d.group)\n\n"
        text += "## Reported\n\n"
        for example in rule.triggeringExamples {
            text += "```ini\n\(clean(example))\n```\n\n"
        }
        text += "## Not reported\n\n"
        for example in rule.nonTriggeringExamples {
            text += "```ini\n\(clean(example))\n```\n\n"
        }
        return text
    }

    /// An example without its markers and test-only package comment.
    static func clean(_ example: String) -> String {
        example.filter { $0 != "↓" && $0 != "⇓" && $0 != "\u{FEFF}" }
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("; package-files:") }
            .joined(separator: "\n")
            .trimmingTrailingNewlines()
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
