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
        #if canImport(Glibc) || canImport(Darwin)
        let listing = Self.listWithPOSIX(root: root, limit: limit)
        #else
        let listing = Self.listWithFileManager(root: root, limit: limit)
        #endif
        files = listing.files
        isTruncated = listing.truncated
    }

    #if canImport(Glibc) || canImport(Darwin)
    /// The listing with `lstat` and `readdir`, by bytes: far cheaper than URL resource values, and
    /// names that are not UTF-8 are kept (shown with `\xNN`).
    static func listWithPOSIX(root: String, limit: Int) -> (files: [String: String], truncated: Bool) {
        var found: [String: String] = [:]
        // Folders still to list: their bytes and their path relative to the root.
        var pending: [([UInt8], String)] = [(Array(root.utf8), "")]
        var listed = 0
        while let (folder, relativeFolder) = pending.popLast() {
            // A tree of more folders than the file limit is cut short like one of too many files.
            listed += 1
            if listed > limit { return (found, true) }
            guard case .success(let names) = POSIXWalker.list(folder) else { continue }
            for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let path = folder + [0x2F] + name
                var info = stat()
                guard lstat(POSIXWalker.cString(path), &info) == 0 else { continue }
                let relative = relativeFolder.isEmpty ? Discovery.displayName(name) : relativeFolder + "/" + Discovery.displayName(name)
                switch Int(info.st_mode) & Int(S_IFMT) {
                case Int(S_IFDIR):
                    pending.append((path, relative))
                case Int(S_IFREG):
                    if found.count >= limit { return (found, true) }
                    found[relative.lowercased()] = relative
                default:
                    continue // links are not followed; devices, FIFOs and sockets are not package files
                }
            }
        }
        return (found, false)
    }
    #else
    /// The listing with FileManager, where POSIX calls are not available.
    static func listWithFileManager(root: String, limit: Int) -> (files: [String: String], truncated: Bool) {
        var found: [String: String] = [:]
        let base = URL(fileURLWithPath: root)
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [],
            errorHandler: { _, _ in true }) else { return (found, false) }
        let basePath = base.standardizedFileURL.path
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true { enumerator.skipDescendants(); continue }
            guard values?.isRegularFile == true else { continue }
            if found.count >= limit { return (found, true) }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(basePath + "/") ? String(path.dropFirst(basePath.count + 1)) : url.lastPathComponent
            found[relative.lowercased()] = relative
        }
        return (found, false)
    }
    #endif

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
        while normalized.hasPrefix("/") { normalized.removeFirst() }  // platform: not a host path (a path written in an INF)
        while normalized.hasPrefix("./") { normalized.removeFirst(2) }
        return files[normalized.lowercased()]
    }
}
