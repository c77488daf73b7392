import Foundation
import Platform

/// An INF (or INX) file found for checking.
public struct DiscoveredFile: Sendable, Hashable {
    /// The path to read, as text (invalid UTF-8 bytes of a file name shown as `\xNN`).
    public let path: String
    /// The path to show in findings: relative to the working folder when below it.
    public let displayPath: String
    /// The package folder: the folder that holds the file.
    public let packageRoot: String
    /// The exact bytes of the path, which open the file even when its name is not UTF-8.
    public let fileSystemPath: [UInt8]

    public init(path: String, displayPath: String, packageRoot: String, fileSystemPath: [UInt8]? = nil) {
        self.path = path
        self.displayPath = displayPath
        self.packageRoot = packageRoot
        self.fileSystemPath = fileSystemPath ?? Array(path.utf8)
    }
}

/// Something met while walking a folder that is not checked: a symbolic link leading out of the
/// folder or nowhere, a device or FIFO with an INF name, a folder that cannot be listed.
public struct DiscoveryProblem: Sendable, Hashable, CustomStringConvertible {
    /// What was met.
    public enum Kind: Sendable, Hashable {
        /// A symbolic link whose target lies outside the folder given; it is not followed.
        case linkLeavesFolder(target: String)
        /// A symbolic link whose target does not exist (or loops).
        case brokenLink
        /// A device, FIFO or socket with an INF name; it is never opened.
        case notRegularFile(String)
        /// A folder that cannot be listed: the system's message.
        case unreadableFolder(String)
        /// A folder nested deeper than the walk goes.
        case tooDeep(limit: Int)
    }
    /// The path of the link, file or folder, as shown to the user.
    public let path: String
    public let kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// Whether the problem hides files that should have been checked (an unreadable or too deep
    /// folder): those are reported as errors; the others are warnings.
    public var isError: Bool {
        switch kind {
        case .unreadableFolder, .tooDeep: return true
        case .linkLeavesFolder, .brokenLink, .notRegularFile: return false
        }
    }

    public var description: String {
        switch kind {
        case .linkLeavesFolder(let target): return "\(path): symbolic link to \(target), outside the folder checked; not followed"
        case .brokenLink: return "\(path): symbolic link to nothing (its target does not exist or loops); not followed"
        case .notRegularFile(let kind): return "\(path): \(kind), not a regular file; not read"
        case .unreadableFolder(let why): return "\(path): the folder cannot be read (\(why)); its files are not checked"
        case .tooDeep(let limit): return "\(path): nested more than \(limit) folders deep; not checked"
        }
    }
}

/// What a walk found: the files to check, the command-line paths that do not exist, and the
/// problems met on the way.
public struct DiscoveryResult: Sendable {
    public var files: [DiscoveredFile]
    public var missing: [String]
    public var problems: [DiscoveryProblem]
}

/// Finds the INF and INX files named on a command line, walking folders recursively.
///
/// A walk never leaves the folder it was given: a symbolic link is followed only when its target
/// lies inside that folder (a link to a file; a link to a folder inside is not needed, the folder is
/// walked anyway), and any other link is reported. Devices, FIFOs and sockets are never opened;
/// folders that cannot be listed are reported by name. File names are handled as bytes, so names
/// that are not UTF-8 are found and read.
public enum Discovery {
    /// How deep a walk goes below the folder given.
    public static let maximumDepth = 256

    /// Whether `name` ends in `.inf`, `.inx` or `.inf.in` (a build's template), in any case.
    public static func isINF(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".inf") || lower.hasSuffix(".inx") || lower.hasSuffix(".inf.in")
    }

    /// Whether the bytes of a file name end in `.inf`, `.inx` or `.inf.in`, in any case.
    static func isINF(bytes name: [UInt8]) -> Bool {
        guard name.count >= 4 else { return false }
        let tail = name.suffix(4).map { $0 | 0x20 }
        if tail == Array(".inf".utf8) || tail == Array(".inx".utf8) { return true }
        return name.count >= 7 && name.suffix(7).map { $0 | 0x20 } == Array(".inf.in".utf8)
    }

    /// The INF files under `paths`, sorted by path, and the paths that do not exist.
    public static func find(_ paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath)
        -> (files: [DiscoveredFile], missing: [String]) {
        let result = discover(paths, workingDirectory: workingDirectory)
        return (result.files, result.missing)
    }

    /// The INF files under `paths` (sorted by path within each folder), the paths that do not exist,
    /// and the problems met.
    public static func discover(_ paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath)
        -> DiscoveryResult {
        var result = DiscoveryResult(files: [], missing: [], problems: [])
        var seen = Set<String>()
        let manager = FileManager.default
        // Standardized once: Foundation's URL costs more than checking a small INF.
        let workingBase = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        let currentDirectory = manager.currentDirectoryPath
        for path in expandingWildcards(paths, missing: &result.missing) {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.missing.append(path)
                continue
            }
            if !isDirectory.boolValue {
                // Standardized once: the folder of a standardized path is its parent.
                let standardized = standardizedFilePath(path, currentDirectory: currentDirectory)
                if seen.insert(standardized).inserted {
                    result.files.append(DiscoveredFile(path: path, displayPath: display(standardized, base: workingBase),
                                                       packageRoot: PathSyntax.host.parent(standardized)))
                }
                continue
            }
            let base = URL(fileURLWithPath: path).standardizedFileURL.path
            var walker = FolderWalker(base: workingBase)
            walker.walk(root: base)
            result.problems += walker.problems
            for file in walker.found.sorted(by: { $0.fileSystemPath.lexicographicallyPrecedes($1.fileSystemPath) })
            where seen.insert(file.path).inserted {
                result.files.append(file)
            }
        }
        return result
    }

    /// The absolute form of the file path `path`, without `.` and `..` names, as Foundation's
    /// standardized file URL spells it; on Linux and macOS worked out from the text (a URL per file
    /// costs more than checking a small INF): an absolute path has repeated separators merged before
    /// `..` names are applied, a relative one (read from `currentDirectory`) after.
    static func standardizedFilePath(_ path: String, currentDirectory: String) -> String {
        #if os(Windows)
        return URL(fileURLWithPath: path).standardizedFileURL.path
        #else
        // `~` is the home folder, as Foundation reads it.
        guard path.utf8.first != UInt8(ascii: "~") else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        let slash = UInt8(ascii: "/")
        let absolute = path.utf8.first == slash
        var names: [Substring] = absolute ? [] : currentDirectory.utf8.split(separator: slash).map { Substring($0) }
        for piece in path.utf8.split(separator: slash, omittingEmptySubsequences: absolute) {
            let name = Substring(piece)
            if name == "." { continue }
            if name == ".." {
                _ = names.popLast()
                continue
            }
            names.append(name)
        }
        return "/" + names.filter { !$0.isEmpty }.joined(separator: "/")
        #endif
    }

    /// The paths with every wildcard pattern that names nothing as written (`driver\*.inf`, which
    /// Windows' shells pass on unexpanded) replaced by the paths it matches; a pattern that matches
    /// nothing is missing.
    static func expandingWildcards(_ paths: [String], missing: inout [String]) -> [String] {
        var expanded: [String] = []
        for path in paths {
            guard PathPattern.hasWildcard(path), !FileManager.default.fileExists(atPath: path) else {
                expanded.append(path)
                continue
            }
            let matches = PathPattern.expand(path)
            if matches.isEmpty { missing.append(path) } else { expanded += matches }
        }
        return expanded
    }

    /// `path` relative to the standardized working directory `base` when it lies below it.
    static func display(_ path: String, base: String) -> String {
        PathSyntax.host.relative(path, to: base) ?? path
    }

    /// The bytes of a file name as text: valid UTF-8 as it is, every other byte as `\xNN`.
    public static func displayName(_ bytes: [UInt8]) -> String {
        // Nearly every name is valid UTF-8: taken whole.
        let whole = String(decoding: bytes, as: UTF8.self)
        if whole.utf8.elementsEqual(bytes) { return whole }
        var text = ""
        var index = 0
        while index < bytes.count {
            var matched = false
            for length in 1...4 where index + length <= bytes.count {
                let slice = Array(bytes[index..<index + length])
                if let scalar = singleScalar(slice) {
                    text.unicodeScalars.append(scalar)
                    index += length
                    matched = true
                    break
                }
            }
            if !matched {
                text += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return text
    }

    /// The one scalar `bytes` encode in UTF-8, if they are exactly one valid scalar.
    private static func singleScalar(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        guard iterator.next() == nil, Array(String(scalar).utf8) == bytes else { return nil }
        return scalar
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Walks a folder by the bytes of its names, through the platform layer's file system calls.
struct FolderWalker {
    /// The standardized working directory, which display paths are relative to.
    let base: String
    var found: [DiscoveredFile] = []
    var problems: [DiscoveryProblem] = []
    /// The folder given, with links resolved, as bytes.
    var rootBytes: [UInt8] = []

    init(base: String) { self.base = base }

    mutating func walk(root: String) {
        let given = Array(root.utf8)
        rootBytes = FileSystem.resolved(given) ?? given
        walkFolder(given, depth: 0)
    }

    func text(_ path: [UInt8]) -> String {
        Discovery.display(Discovery.displayName(path), base: base)
    }

    /// Whether `resolved` (a path with links resolved) is the root or lies below it.
    func isInside(_ resolved: [UInt8]) -> Bool {
        if resolved == rootBytes { return true }
        let prefix = rootBytes.last.map(FileSystem.isSeparator) == true ? rootBytes : rootBytes + [FileSystem.separator]
        if PathSyntax.host.ignoresCase {
            return resolved.count > prefix.count && resolved.prefix(prefix.count).map(Self.folded) == prefix.map(Self.folded)
        }
        return resolved.starts(with: prefix)
    }

    /// An ASCII byte in lower case, `/` as `\`: how Windows compares the paths it resolves.
    static func folded(_ byte: UInt8) -> UInt8 {
        if byte == UInt8(ascii: "/") { return UInt8(ascii: "\\") }
        return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    mutating func walkFolder(_ folder: [UInt8], depth: Int) {
        if depth > Discovery.maximumDepth {
            problems.append(DiscoveryProblem(path: text(folder), kind: .tooDeep(limit: Discovery.maximumDepth)))
            return
        }
        let entries: [[UInt8]]
        switch FileSystem.names(in: folder) {
        case .success(let names): entries = names
        case .failure(let error):
            problems.append(DiscoveryProblem(path: text(folder), kind: .unreadableFolder(error.message)))
            return
        }
        for name in entries.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if name.first == 0x2E { continue } // hidden files and folders, like .git
            let path = FileSystem.join(folder, name)
            let kind: FileKind
            switch FileSystem.kind(of: path, followingLinks: false) {
            case .success(let found): kind = found
            case .failure(let error):
                problems.append(DiscoveryProblem(path: text(path), kind: .unreadableFolder(error.message)))
                continue
            }
            switch kind {
            case .directory: walkFolder(path, depth: depth + 1)
            case .symbolicLink: visitLink(path, name: name)
            case .regular where Discovery.isINF(bytes: name): add(path, folder: folder)
            default:
                if Discovery.isINF(bytes: name) { problems.append(DiscoveryProblem(path: text(path), kind: .notRegularFile(kind.phrase))) }
            }
        }
    }

    /// A symbolic link: followed to an INF file inside the folder, reported when it leads out or nowhere.
    mutating func visitLink(_ path: [UInt8], name: [UInt8]) {
        guard let target = FileSystem.resolved(path), case .success(let kind) = FileSystem.kind(of: path, followingLinks: true) else {
            if Discovery.isINF(bytes: name) { problems.append(DiscoveryProblem(path: text(path), kind: .brokenLink)) }
            return
        }
        let isFolder = kind == .directory
        guard isFolder || Discovery.isINF(bytes: name) else { return }
        guard isInside(target) else {
            problems.append(DiscoveryProblem(path: text(path), kind: .linkLeavesFolder(target: Discovery.displayName(target))))
            return
        }
        // A folder inside is walked on its own; a file inside is checked under the link's name unless
        // the file itself is (the run keeps each path once).
        if isFolder { return }
        if kind != .regular {
            problems.append(DiscoveryProblem(path: text(path), kind: .notRegularFile(kind.phrase)))
            return
        }
        let folder = Array(path[..<(path.lastIndex(where: FileSystem.isSeparator) ?? path.startIndex)])
        add(path, folder: folder)
    }

    mutating func add(_ path: [UInt8], folder: [UInt8]) {
        let pathText = Discovery.displayName(path)
        found.append(DiscoveredFile(path: pathText, displayPath: Discovery.display(pathText, base: base),
                                    packageRoot: Discovery.displayName(folder), fileSystemPath: path))
    }
}
