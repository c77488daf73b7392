import DriverPackage
import INFModel

extension RuleContext {
    /// What kinds of directive section `section` is, from the directives that name it and its name.
    public func directiveKinds(of section: INFSection) -> Set<DirectiveSectionKind> {
        var kinds = Set<DirectiveSectionKind>()
        if CaseInsensitive.equal(section.name, "Version") { kinds.insert(.version) }
        let roles = graph.roles(of: section)
        var suffixed = false
        for role in roles {
            switch role {
            case .deviceInstall, .defaultInstall, .classInstall: kinds.insert(.install)
            case .installSuffix(let suffix):
                suffixed = true
                kinds.insert(.suffix(Self.canonicalSuffix(suffix)))
            case .serviceInstall: kinds.insert(.serviceInstall)
            case .eventLogInstall: kinds.insert(.eventLogInstall)
            case .interfaceInstall: kinds.insert(.interfaceInstall)
            case .directiveTarget("AddFilter"): kinds.insert(.filterInstall)
            case .directiveTarget("KmdfService"), .directiveTarget("UmdfService"): kinds.insert(.wdfServiceInstall)
            default: continue
            }
        }
        if roles.contains(.unreachedInstall), !suffixed, kinds.isEmpty { kinds.insert(.unreachedInstall) }
        return kinds
    }

    /// Every section whose lines are directives, with its kinds, in file order.
    func computeDirectiveSections() -> [(section: INFSection, kinds: Set<DirectiveSectionKind>)] {
        document.sections.compactMap { section in
            let kinds = directiveKinds(of: section)
            return kinds.isEmpty ? nil : (section, kinds)
        }
    }

    /// Every line of the directive sections whose directive has a known schema, with its section.
    func computeDirectiveLines() -> [(section: INFSection, line: INFLine, schema: DirectiveSchema)] {
        var result: [(section: INFSection, line: INFLine, schema: DirectiveSchema)] = []
        for (section, kinds) in directiveSections {
            // A section of several kinds takes a directive's schema from the first kind, in name order.
            let tables = kinds.sorted(by: { $0.description < $1.description }).map(DirectiveKnowledge.schemas(for:))
            for line in section.lines {
                guard line.hasExplicitKey, let key = line.key?.foldedCase,
                      let schema = tables.lazy.compactMap({ $0[key] }).first else { continue }
                result.append((section, line, schema))
            }
        }
        return result
    }

    /// The suffix as the documentation spells it (`services` -> `Services`).
    public static func canonicalSuffix(_ suffix: String) -> String {
        SectionGraph.installSuffixes.first { CaseInsensitive.equal($0, suffix) } ?? suffix
    }
}
