import ArgumentParser
import Foundation
import Platform
import INFModel
import INFSyntax
import IsolationEngine

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
        let dirids = self.dirids, stats = self.stats
        // The root is standardized once, not once per file.
        let root = conformanceRoot.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var missing = false
        var failed = false
        // Files are read in parallel, a batch at a time, and printed in the order given.
        let batchSize = 64
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(files.count, start + batchSize)])
            let results = ResultSlots<DumpedFile>(count: batch.count, empty: DumpedFile(text: "", missing: false, failed: false))
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                results.set(index, Self.dump(batch[index], locale: stringsLocale, dirids: dirids, root: root, stats: stats))
            }
            for result in results.takeAll() {
                StandardStream.output.write(result.text)
                missing = missing || result.missing
                failed = failed || result.failed
            }
            start += batchSize
        }
        if missing { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }

    /// What dumping one file prints, and whether it could not be read or SetupAPI would not open it.
    struct DumpedFile: Sendable {
        let text: String
        let missing: Bool
        let failed: Bool
    }

    private static func dump(_ file: String, locale: StringsLocale, dirids: DirIDMode, root: String?, stats: Bool) -> DumpedFile {
        let source: SourceFile
        do {
            source = try SourceFile.read(path: file)
        } catch {
            return DumpedFile(text: InfDump.render(unreadable: error) + "\n", missing: true, failed: false)
        }
        let options = ModelOptions(locale: locale, directories: rendering(for: file, dirids: dirids, root: root))
        let document = INFDocument(tree: INFParser.parse(source), options: options)
        let openError = document.openError()
        if stats {
            let lines = document.sections.reduce(0) { $0 + $1.lines.count }
            let result = openError.map { "\($0.code.name) at line \($0.line ?? 0)" } ?? "opens"
            return DumpedFile(text: "\(file): \(source.encoding), \(result), \(document.sections.count) sections, \(lines) lines\n",
                              missing: false, failed: openError != nil)
        }
        return DumpedFile(text: InfDump.render(document) + "\n", missing: false, failed: openError != nil)
    }

    private static func rendering(for file: String, dirids: DirIDMode, root: String?) -> DirectoryRendering {
        switch dirids {
        case .keep:
            return .keep
        case .reference:
            var table = DirectoryTable.reference
            table.sourceDirectory = WindowsPath.folder(of: file, relativeToStandardized: root)
            return .table(table)
        case .native:
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            var table = DirectoryTable.native(infName: name + ".inf", architecture: "amd64")
            table.sourceDirectory = WindowsPath.folder(of: file, relativeToStandardized: root)
            return .table(table)
        }
    }
}

/// Turns local file paths into the Windows form DIRID 1 takes.
enum WindowsPath {
    /// The folder holding `file`, ending in a backslash: absolute, or `{CORPUS}\…` relative to `base`
    /// (the conformance root, standardized).
    static func folder(of file: String, relativeToStandardized base: String?) -> String {
        // Standardized once; the folder of a standardized path is its parent.
        let folder = PathSyntax.host.parent(URL(fileURLWithPath: file).standardizedFileURL.path)
        if let base {
            if folder == base { return "{CORPUS}\\" }
            if folder.hasPrefix(base + "/") {
                return "{CORPUS}\\" + backslashed(folder.dropFirst(base.count + 1)) + "\\"
            }
        }
        return backslashed(Substring(folder)) + "\\"
    }

    /// `path` with each `/` written as a backslash.
    private static func backslashed(_ path: Substring) -> String {
        String(decoding: path.utf8.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "\\") : $0 }, as: UTF8.self)
    }
}
