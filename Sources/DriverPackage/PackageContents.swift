import Foundation
import Platform

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
        let listing = Self.list(root: root, limit: limit)
        files = listing.files
        isTruncated = listing.truncated
    }

    /// The listing by bytes, without following links: names that are not UTF-8 are kept (shown
    /// with `\xNN`).
    static func list(root: String, limit: Int) -> (files: [String: String], truncated: Bool) {
        var found: [String: String] = [:]
        // Folders still to list: their bytes and their path relative to the root.
        var pending: [([UInt8], String)] = [(Array(root.utf8), "")]
        var listed = 0
        while let (folder, relativeFolder) = pending.popLast() {
            // A tree of more folders than the file limit is cut short like one of too many files.
            listed += 1
            if listed > limit { return (found, true) }
            guard case .success(let names) = FileSystem.names(in: folder) else { continue }
            for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let path = FileSystem.join(folder, name)
                guard case .success(let kind) = FileSystem.kind(of: path, followingLinks: false) else { continue }
                let relative = relativeFolder.isEmpty ? Discovery.displayName(name) : relativeFolder + "/" + Discovery.displayName(name)
                switch kind {
                case .directory:
                    pending.append((path, relative))
                case .regular:
                    if found.count >= limit { return (found, true) }
                    found[relative.lowercased()] = relative
                default:
                    continue // links are not followed; devices, FIFOs and sockets are not package files
                }
            }
        }
        return (found, false)
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
        files[Self.lookupKey(relative)]
    }

    /// `relative` as the listing keys it: `/` for either separator, leading separators and `./`
    /// dropped, lowercased.
    static func lookupKey(_ relative: String) -> String {
        var bytes = Array(relative.utf8)
        var ascii = true
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "\\"): bytes[index] = UInt8(ascii: "/")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes[index] |= 0x20
            case 0x80...: ascii = false
            default: break
            }
        }
        var start = 0
        while true {
            if start < bytes.count, bytes[start] == UInt8(ascii: "/") {
                start += 1
            } else if start + 1 < bytes.count, bytes[start] == UInt8(ascii: "."), bytes[start + 1] == UInt8(ascii: "/") {
                start += 2
            } else {
                break
            }
        }
        let key = String(decoding: bytes[start...], as: UTF8.self)
        // Letters outside ASCII are lowered as the listing lowers them.
        return ascii ? key : key.lowercased()
    }
}
