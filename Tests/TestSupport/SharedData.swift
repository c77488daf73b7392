import Foundation
import Testing

/// Locates the repository and the shared corpus, conformance data and schemas beside it
/// (`../shared`, or `$ISOLINT_SHARED`).
public enum SharedData {
    /// The repository's root folder.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var sharedRoot: URL {
        if let override = ProcessInfo.processInfo.environment["ISOLINT_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    public static var corpus: URL { sharedRoot.appendingPathComponent("corpus") }
    public static var conformance: URL { sharedRoot.appendingPathComponent("conformance") }
    public static var schemas: URL { sharedRoot.appendingPathComponent("schemas") }

    /// Whether the corpus is there; tests that read it are skipped with `corpusAbsent` when not.
    public static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }
    /// The reason a corpus test is skipped.
    public static let corpusAbsent: Comment = "../shared/corpus is absent"
    /// Whether what SetupAPI read from the corpus files is there.
    public static var hasConformance: Bool { hasCorpus && FileManager.default.fileExists(atPath: conformance.path) }
    /// The reason a conformance test is skipped.
    public static let conformanceAbsent: Comment = "../shared/corpus or ../shared/conformance is absent"
    /// The native-Windows parser vectors.
    public static var nativeVectors: URL { conformance.appendingPathComponent("native") }
    /// Whether the native-Windows parser vectors are there.
    public static var hasNativeVectors: Bool { FileManager.default.fileExists(atPath: nativeVectors.appendingPathComponent("expected.json").path) }
    /// The reason a native-vector test is skipped.
    public static let nativeVectorsAbsent: Comment = "../shared/conformance/native is absent"
    /// Whether the JSON schemas (SARIF 2.1.0) are there.
    public static var hasSchemas: Bool { FileManager.default.fileExists(atPath: schemas.path) }
    /// The reason a schema test is skipped.
    public static let schemasAbsent: Comment = "../shared/schemas is absent"

    /// Whether InfVerif's table of codes, levels and messages (`docs/infverif-levels.tsv`) is there.
    public static var hasSharedDocs: Bool {
        FileManager.default.fileExists(atPath: sharedRoot.appendingPathComponent("docs/infverif-levels.tsv").path)
    }
    /// The reason a test of InfVerif's table is skipped.
    public static let sharedDocsAbsent: Comment = "../shared/docs/infverif-levels.tsv is absent"

    /// A file of the repository, by its path relative to the root.
    public static func repositoryFile(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    /// Every INF and INX file of the corpus, as paths relative to the corpus folder, sorted.
    public static func corpusFiles() throws -> [String] {
        let manifest = try String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        var files: [String] = []
        for row in manifest.split(separator: "\n").dropFirst() {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 3 else { continue }
            let repo = columns[0].replacingOccurrences(of: "/", with: "__")
            files.append(repo + "/" + columns[2])
        }
        return files.sorted()
    }

    public static func bytes(ofCorpusFile relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: corpus.appendingPathComponent(relative)))
    }
}
