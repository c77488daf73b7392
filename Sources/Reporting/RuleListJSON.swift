import Findings

/// The rule catalog as JSON (`isolint rules --output-format json`), for editors and scripts: one
/// object per rule with its name, InfVerif codes, title, group (letter and name), level in each
/// mode (`null` where the rule is off), whether it can fix, why it matters, how to fix it and its
/// documentation page.
public enum RuleListJSON {
    /// The modes, in the order `isolint rules` lists their levels, with their JSON names.
    static let modes: [(Mode, String)] = [
        (.isolation, "isolation"), (.signature, "signature"), (.universal, "universal"),
        (.declarative, "declarative"), (.desktop, "desktop"),
    ]

    /// `rules` as an indented JSON array, ending in a line break.
    public static func render(_ rules: [RuleDescription], documentationBaseURL: String) -> String {
        JSONValue.array(rules.map { rule in
            .object([
                ("name", .string(rule.name)),
                ("codes", .ints(rule.codes)),
                ("title", .string(rule.title)),
                ("group", .object([("letter", .string(rule.group.rawValue)), ("name", .string(rule.group.tag))])),
                ("levels", .object(modes.map { mode, name in (name, .nullable(rule.levels[mode]?.rawValue)) })),
                ("fixable", .bool(rule.fixable)),
                ("why", .string(rule.why)),
                ("fix", .string(rule.fix)),
                ("documentation", .string(documentationURL(base: documentationBaseURL, path: rule.documentationPath))),
            ])
        }).formatted()
    }
}
