import Findings
import INFModel
import IsolationEngine

/// A compressed file name (`x.sy_`, `x.dl_`) in a CopyFiles list or in SourceDisksFiles.
public struct CompressedFileName: Rule {
    public static let description = RuleDescription(
        name: "compressed-file-name", codes: [1231],
        title: "A file name is a compressed file name",
        why: "A name whose extension ends in '_' is a file compressed with the old compress tool, which Windows expanded while copying from installation media; a driver package's files are stored in the driver store as they are signed and used from there, so they must be shipped uncompressed under their real names.",
        fix: "Ship the file uncompressed and list it under its real name (x.sys, not x.sy_) in [SourceDisksFiles] and in the CopyFiles list.",
        levels: levels("E E E W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksFiles]
        ↓contoso.sy_ = 1
        [Install]
        CopyFiles = Drv, ↓@tool.ex_
        [Drv]
        contoso.sys, ↓contoso.sy_
        ↓helper.dl_
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksFiles]
        contoso.sys = 1
        my_tool.exe = 1
        [Install]
        CopyFiles = Drv, @my_tool.exe
        [Drv]
        contoso.sys
        """),
    ]

    public init() {}

    /// The name a compressed file most likely had (`a.sy_` was `a.sys`): the usual last letter of
    /// its extension, or the name without the `_`.
    static func uncompressedName(_ name: String) -> String {
        let known = ["sy_": "s", "dl_": "l", "ex_": "e", "in_": "f", "ca_": "t", "ch_": "m", "hl_": "p"]
        let base = String(name.dropLast())
        guard let dot = name.lastIndex(of: ".") else { return base }
        let suffix = name[name.index(after: dot)...].lowercased()
        return base + (known[suffix] ?? "")
    }

    /// Whether `name` has an extension whose last character is `_`.
    static func isCompressed(_ name: String) -> Bool {
        let file = name.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map(String.init) ?? name
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return false }
        let extensionPart = file[file.index(after: dot)...]
        return extensionPart.count >= 2 && extensionPart.count <= 3 && extensionPart.last == "_"
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<String>()
        func report(_ line: INFLine, field: Int, name: String) {
            guard seen.insert("\(line.syntaxIndex)|\(field)").inserted else { return }
            result.append(Violation(range: context.range(of: line, field: field),
                                    message: "'\(name)' is a compressed file name; list the file uncompressed under its real name",
                                    infVerifValues: [name, Self.uncompressedName(name)]))
        }
        // The base name skips leading dots; without one, the folded name starts with it.
        for section in context.document.sections where section.foldedName.hasPrefix("sourcedisksfiles") || section.foldedName.hasPrefix(".") {
            let base = String(section.baseName)
            guard CaseInsensitive.equal(base, "SourceDisksFiles") else { continue }
            for line in section.lines {
                guard let name = line.key?.trimmingCharacters(in: " \t"), Self.isCompressed(name) else { continue }
                report(line, field: 0, name: name)
            }
        }
        for file in context.copiedFiles {
            switch file.operation.target {
            case .file(let name):
                if Self.isCompressed(name) { report(file.entry.line, field: file.operation.reference.field, name: name) }
            case .section:
                if Self.isCompressed(file.entry.destination) { report(file.entry.line, field: 1, name: file.entry.destination) }
                if let source = file.entry.source, Self.isCompressed(source) { report(file.entry.line, field: 2, name: source) }
            }
        }
        return result
    }
}
