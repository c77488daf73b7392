import DriverPackage
import Findings
import INFModel
import INFSyntax

extension RuleExample {
    /// Marks where a finding of a triggering example starts.
    public static let marker: Character = "↓"
    /// Marks a finding about the whole file (line 0, column 0).
    public static let fileMarker: Character = "⇓"

    /// The example's text without its markers, and the 1-based line and column (UTF-16 code units)
    /// of each marker; a file marker stands at line 0, column 0.
    public var stripped: (text: String, markers: [SourcePosition]) {
        var text = ""
        var positions: [SourcePosition] = []
        var line = 1, column = 1
        for character in self.text {
            if character == Self.marker {
                positions.append(SourcePosition(line: line, column: column))
                continue
            }
            if character == Self.fileMarker {
                positions.append(SourcePosition(line: 0, column: 0))
                continue
            }
            text.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.utf16.count }
        }
        return (text, positions)
    }

    /// What `rule` reports on `bytes` (an example's text, in some encoding) in `mode`, with the
    /// syntax tree. A comment on the first line declares what the example needs beyond its text:
    /// `; package-files: a.sys, sub/b.dll` the files of its package folder, `; provider: Contoso`
    /// the provider the check requires. A rule that reads other findings runs with `others` (the
    /// catalog), whose findings it judges.
    public static func check(_ rule: any Rule.Type, bytes: [UInt8], mode: Mode = .isolation,
                             others: [any Rule.Type] = []) -> (tree: SyntaxTree, findings: [Finding]) {
        let tree = INFParser.parse(bytes: bytes, path: "example.inf")
        let rules = rule.readsOtherFindings ? others.filter { $0.description.name != rule.description.name } + [rule] : [rule]
        let checker = Checker(options: CheckOptions(mode: mode, expectedProvider: firstComment(of: tree, key: "provider:")),
                              rules: rules)
        var package: PackageContents?
        if let list = firstComment(of: tree, key: "package-files:") {
            let files = list.split(separator: ",").map { String($0).trimmingCharacters(in: " \t") }
            package = PackageContents(root: "example", relativePaths: files)
        }
        let findings = checker.check(tree: tree, displayPath: "example.inf", package: package)
            .filter { $0.rule == rule.description.name }
        return (tree, findings)
    }

    /// What follows `key` in the comment of the example's first line, if that comment has the key.
    static func firstComment(of tree: SyntaxTree, key: String) -> String? {
        guard let comment = tree.lines.first?.comments.first else { return nil }
        let text = tree.text(of: comment)
        guard let range = text.range(of: key) else { return nil }
        return String(text[range.upperBound...]).trimmingCharacters(in: " \t")
    }
}
