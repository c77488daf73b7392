import Foundation

/// Locates the shared corpus and conformance data beside the repository (`../shared`).
enum SharedData {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var sharedRoot: URL {
        if let override = ProcessInfo.processInfo.environment["ISOLINT_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var corpus: URL { sharedRoot.appendingPathComponent("corpus") }
    static var conformance: URL { sharedRoot.appendingPathComponent("conformance") }

    /// Every INF and INX file of the corpus, as paths relative to the corpus folder, sorted.
    static func corpusFiles() throws -> [String] {
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

    static func bytes(ofCorpusFile relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: corpus.appendingPathComponent(relative)))
    }
}
