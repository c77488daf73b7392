import Foundation

/// An INF (or INX) file found for checking.
public struct DiscoveredFile: Sendable, Hashable {
    /// The path to read.
    public let path: String
    /// The path to show in findings: relative to the working folder when below it.
    public let displayPath: String
    /// The package folder: the folder that holds the file.
    public let packageRoot: String
}

/// Finds the INF and INX files named on a command line, walking folders recursively.
public enum Discovery {
    /// Whether `name` ends in `.inf` or `.inx`, in any case.
    public static func isINF(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".inf") || lower.hasSuffix(".inx")
    }

    /// The INF files under `paths`, sorted by path, and the paths that do not exist.
    public static func find(_ paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath)
        -> (files: [DiscoveredFile], missing: [String]) {
        var files: [DiscoveredFile] = []
        var missing: [String] = []
        var seen = Set<String>()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            if !isDirectory.boolValue {
                let url = URL(fileURLWithPath: path).standardizedFileURL
                if seen.insert(url.path).inserted {
                    files.append(DiscoveredFile(path: path, displayPath: display(url.path, workingDirectory: workingDirectory),
                                                packageRoot: url.deletingLastPathComponent().path))
                }
                continue
            }
            let base = URL(fileURLWithPath: path).standardizedFileURL
            guard let enumerator = manager.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                                      options: [], errorHandler: { _, _ in true }) else { continue }
            var found: [URL] = []
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                if values?.isSymbolicLink == true { enumerator.skipDescendants(); continue }
                if url.lastPathComponent.hasPrefix(".") && url.lastPathComponent != "." { enumerator.skipDescendants(); continue }
                guard values?.isRegularFile == true, isINF(url.lastPathComponent) else { continue }
                found.append(url.standardizedFileURL)
            }
            for url in found.sorted(by: { $0.path < $1.path }) where seen.insert(url.path).inserted {
                files.append(DiscoveredFile(path: url.path, displayPath: display(url.path, workingDirectory: workingDirectory),
                                            packageRoot: url.deletingLastPathComponent().path))
            }
        }
        return (files, missing)
    }

    /// `path` relative to `workingDirectory` when it lies below it.
    static func display(_ path: String, workingDirectory: String) -> String {
        let base = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
