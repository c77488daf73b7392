import ArgumentParser
import Foundation
import Platform
import INFModel
import INFSyntax

/// `isolint dump`: what SetupAPI reads from each file, as one `infdump/1` JSON document per line.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print what SetupAPI reads from INF files, as infdump/1 JSON.",
        discussion: """
        Prints one JSON document per file, one per line: whether SetupAPI opens the file (and the \
        error and line when it does not), then every section in order of first appearance with each \
        line's key and fields, before and after %string% substitution.

        Examples:
          isolint dump driver.inf
          isolint dump --locale none --conformance-root corpus corpus/vendor/x.inf
        """
    )

    @Option(help: "The [Strings.LLLL] locale to substitute from: four hex digits such as 0409, or 'none' for [Strings] only.")
    var locale: String = "0409"

    @Option(help: "How to render %N% DIRIDs: 'reference' (a Windows in C:\\windows, as the conformance data), 'native', or 'keep'.")
    var dirids: DirIDMode = .reference

    @Option(help: "Render DIRID 1 (the INF's folder) as {CORPUS}\\ plus the folder's path relative to this directory.")
    var conformanceRoot: String?

    @Flag(help: "Print one summary line per file (encoding, open result, sections, lines) instead of JSON.")
    var stats = false

    @Argument(help: "INF or INX files to read.")
    var files: [String]

    enum DirIDMode: String, ExpressibleByArgument, CaseIterable {
        case reference, native, keep
    }

    func validate() throws {
        guard StringsLocale(parsing: locale) != nil else {
            throw ValidationError("--locale takes four hexadecimal digits (e.g. 0409) or 'none', not '\(locale)'")
        }
    }

    func run() throws {
        let stringsLocale = StringsLocale(parsing: locale) ?? .english
        var missing = false
        var failed = false
        for file in files {
            let source: SourceFile
            do {
                source = try SourceFile.read(path: file)
            } catch {
                missing = true
                StandardStream.output.write(InfDump.render(unreadable: error) + "\n")
                continue
            }
            let options = ModelOptions(locale: stringsLocale, directories: rendering(for: file))
            let document = INFDocument(tree: INFParser.parse(source), options: options)
            let openError = document.openError()
            if openError != nil { failed = true }
            if stats {
                let lines = document.sections.reduce(0) { $0 + $1.lines.count }
                let result = openError.map { "\($0.code.name) at line \($0.line ?? 0)" } ?? "opens"
                StandardStream.output.write("\(file): \(source.encoding), \(result), \(document.sections.count) sections, \(lines) lines\n")
            } else {
                StandardStream.output.write(InfDump.render(document) + "\n")
            }
        }
        if missing { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }

    private func rendering(for file: String) -> DirectoryRendering {
        switch dirids {
        case .keep:
            return .keep
        case .reference:
            var table = DirectoryTable.reference
            table.sourceDirectory = WindowsPath.folder(of: file, relativeTo: conformanceRoot)
            return .table(table)
        case .native:
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            var table = DirectoryTable.native(infName: name + ".inf", architecture: "amd64")
            table.sourceDirectory = WindowsPath.folder(of: file, relativeTo: conformanceRoot)
            return .table(table)
        }
    }
}

/// Turns local file paths into the Windows form DIRID 1 takes.
enum WindowsPath {
    /// The folder holding `file`, ending in a backslash: absolute, or `{CORPUS}\…` relative to `root`.
    static func folder(of file: String, relativeTo root: String?) -> String {
        let folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
        if let root {
            let base = URL(fileURLWithPath: root).standardizedFileURL.path
            if folder == base { return "{CORPUS}\\" }
            if folder.hasPrefix(base + "/") {
                let relative = folder.dropFirst(base.count + 1)
                return "{CORPUS}\\" + relative.replacingOccurrences(of: "/", with: "\\") + "\\"
            }
        }
        return folder.replacingOccurrences(of: "/", with: "\\") + "\\"
    }
}
