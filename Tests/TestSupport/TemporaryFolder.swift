import Foundation

/// A folder of its own under the system's temporary folder, for a test that writes files.
public enum TemporaryFolder {
    /// Runs `body` with a new empty folder whose name starts with `prefix`, then removes the folder.
    public static func with(_ prefix: String, _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }
}
