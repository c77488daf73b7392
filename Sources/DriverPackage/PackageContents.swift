import Foundation

/// The files of a driver package folder (the folder that holds an INF), by case-insensitive relative path.
public struct PackageContents: Sendable {
    /// The folder, as given.
    public let root: String
    /// Relative paths (with `/`) of the regular files found, keyed by their lowercased form.
    public let files: [String: String]
    /// Whether the listing stopped at `limit` files.
    public let isTruncated: Bool

    /// Lists the regular files under `root`, at most `limit` of them, without following links.
    public init(root: String, limit: Int = 10_000) {
        self.root = root
        var found: [String: String] = [:]
        var truncated = false
        let base = URL(fileURLWithPath: root)
        if let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [],
            errorHandler: { _, _ in true }) {
            let basePath = base.standardizedFileURL.path
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                if values?.isSymbolicLink == true { enumerator.skipDescendants(); continue }
                guard values?.isRegularFile == true else { continue }
                if found.count >= limit { truncated = true; break }
                let path = url.standardizedFileURL.path
                let relative = path.hasPrefix(basePath + "/") ? String(path.dropFirst(basePath.count + 1)) : url.lastPathComponent
                found[relative.lowercased()] = relative
            }
        }
        files = found
        isTruncated = truncated
    }

    /// Builds contents from a list of relative paths (for tests and in-memory packages).
    public init(root: String, relativePaths: [String]) {
        self.root = root
        var found: [String: String] = [:]
        for path in relativePaths { found[path.lowercased()] = path }
        files = found
        isTruncated = false
    }

    /// The actual relative path of `relative` (any case, `\` or `/` separators), if the file exists.
    public func file(_ relative: String) -> String? {
        var normalized = relative.replacingOccurrences(of: "\\", with: "/")
        while normalized.hasPrefix("/") { normalized.removeFirst() }
        while normalized.hasPrefix("./") { normalized.removeFirst(2) }
        return files[normalized.lowercased()]
    }
}
