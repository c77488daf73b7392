import ArgumentParser
import Isolation

/// `isolint rules`: list every rule.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every rule with its InfVerif codes, levels per mode and whether it can fix.",
        discussion: """
        Levels are shown for the modes isolation, signature, universal, declarative and desktop \
        (E error, W warning, N note, - off); [*] marks rules with an automatic fix.

        Examples:
          isolint rules
          isolint explain deprecated-dirid
        """
    )

    func run() {
        let modes: [Mode] = [.isolation, .signature, .universal, .declarative, .desktop]
        let width = RuleCatalog.descriptions.map(\.name.count).max() ?? 20
        print("\("rule".padding(width))  codes          w h u k d  fix  title")
        for rule in RuleCatalog.descriptions {
            let codes = rule.codes.map(String.init).joined(separator: ",")
            let levels = modes.map { mode -> String in
                switch rule.levels[mode] {
                case .error?: return "E"
                case .warning?: return "W"
                case .note?: return "N"
                case nil: return "-"
                }
            }.joined(separator: " ")
            print("\(rule.name.padding(width))  \(codes.padding(13))  \(levels)  \(rule.fixable ? "[*]" : "   ")  \(rule.title)")
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
