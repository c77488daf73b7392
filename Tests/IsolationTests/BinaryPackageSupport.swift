import Findings
import Foundation
import IsolationEngine
import IsolationRules
import Testing

/// The fixture binaries built by `scripts/build-pe-fixtures.sh` into `Fixtures/`.
enum BinaryFixtures {
    static func url(_ name: String) throws -> URL {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try url(name)))
    }
}

/// A package folder in a fresh temporary directory, removed when the value is dropped.
final class TemporaryPackage {
    let root: URL

    /// A folder holding `files`: relative paths and their bytes.
    init(files: [String: [UInt8]]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-\(UUID().uuidString)", isDirectory: true)
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// The package of a binary rule's example: `example.inf` and the fixtures at their paths.
    convenience init(_ example: BinaryExample) throws {
        var files = ["example.inf": Array(example.inf.utf8)]
        for file in example.files { files[file.path] = try BinaryFixtures.bytes(file.fixture) }
        try self.init(files: files)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var path: String { root.path }

    /// The bytes of a file of the package.
    func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// Checks the folder with `options`.
    func check(_ options: CheckOptions = CheckOptions()) -> CheckResult {
        CheckRun(options: options).run(paths: [path])
    }
}

/// Whether `bytes` spell `text` at `offset`, as ASCII or as UTF-16LE.
func spells(_ bytes: [UInt8], _ text: String, at offset: Int) -> Bool {
    let ascii = Array(text.utf8)
    let utf16 = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    return [ascii, utf16].contains { pattern in
        offset >= 0 && offset + pattern.count <= bytes.count && bytes[offset..<offset + pattern.count].elementsEqual(pattern)
    }
}

extension CheckOptions {
    /// Isolation mode with only the rules `names` selected.
    static func only(_ names: String..., mode: Mode = .isolation, scansBinaries: Bool = true) -> CheckOptions {
        CheckOptions(mode: mode, selection: RuleSelection(select: names.map(RuleSelector.init)), scansBinaries: scansBinaries)
    }
}
