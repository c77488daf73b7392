import Platform

/// A `.sys`, `.dll` or `.exe` file of a package folder.
public struct PackageBinary: Sendable, Hashable {
    /// The package folder, as given.
    public let root: String
    /// The path below the folder, with `/` separators and the case found on disk.
    public let relativePath: String

    /// Names the binary at `relativePath` below `root`.
    public init(root: String, relativePath: String) {
        self.root = root
        self.relativePath = relativePath
    }

    /// Names the binary at `path`, as the only file of its folder's package.
    public init(file path: String) {
        let folder = PathSyntax.host.parent(path)
        self.init(root: folder.isEmpty ? "." : folder, relativePath: PathSyntax.host.lastComponent(path))
    }

    /// The path to read.
    public var path: String { root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath }

    /// The file name without folders.
    public var fileName: String { relativePath.split(separator: "/").last.map(String.init) ?? relativePath }

    /// The file name endings of binaries, lowercased.
    public static let extensions = [".sys", ".dll", ".exe"]

    /// Whether `bytes` begin as a PE image does: the DOS header's `MZ` and, where its `e_lfanew`
    /// points, the `PE\0\0` signature.
    public static func isPortableExecutable(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 64, bytes[0] == 0x4D, bytes[1] == 0x5A else { return false }
        let offset = Int(bytes[0x3C]) | Int(bytes[0x3D]) << 8 | Int(bytes[0x3E]) << 16 | Int(bytes[0x3F]) << 24
        guard offset <= bytes.count - 4 else { return false }
        return bytes[offset] == 0x50 && bytes[offset + 1] == 0x45 && bytes[offset + 2] == 0 && bytes[offset + 3] == 0
    }

    /// Whether `name` ends in `.sys`, `.dll` or `.exe`, in any case.
    public static func isBinary(_ name: String) -> Bool {
        let lower = name.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
    }
}

extension PackageContents {
    /// The package's binaries, sorted by path: its `.sys`, `.dll` and `.exe` files, leaving out those
    /// in a subfolder that holds an INF or INX (a package of its own).
    public var binaries: [PackageBinary] {
        let nested = Set(files.values.filter { Discovery.isINF($0) && $0.contains("/") }.map(Self.folder(of:)))
        return files.values
            .filter { PackageBinary.isBinary($0) && !Self.isInside(Self.folder(of: $0), nested) }
            .sorted()
            .map { PackageBinary(root: root, relativePath: $0) }
    }

    /// The INF and INX files at the top of the folder, by name.
    public var infFiles: [String] {
        files.values.filter { Discovery.isINF($0) && !$0.contains("/") }.sorted()
    }

    /// The folder part of a relative path (`""` at the top).
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Whether `folder` is one of `packages` or lies below one.
    private static func isInside(_ folder: String, _ packages: Set<String>) -> Bool {
        var current = Substring(folder)
        while !current.isEmpty {
            if packages.contains(String(current)) { return true }
            guard let slash = current.lastIndex(of: "/") else { break }
            current = current[..<slash]
        }
        return false
    }
}
