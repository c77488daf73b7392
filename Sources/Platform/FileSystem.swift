/// What a path names.
public enum FileKind: Sendable, Equatable {
    case regular, directory, symbolicLink, characterDevice, blockDevice, fifo, socket, other

    /// The kind as a phrase for messages: "a FIFO (named pipe)".
    public var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .directory: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .fifo: return "a FIFO (named pipe)"
        case .socket: return "a socket"
        case .other: return "a special file"
        }
    }
}

/// A call into the operating system that failed, with the system's reason.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reasons callers tell apart.
    public enum Kind: Sendable, Equatable {
        /// Nothing exists at the path (or a folder on the way is missing).
        case notFound
        /// The user may not do this.
        case permissionDenied
        /// Anything else.
        case other
    }
    public let kind: Kind
    /// The system's message ("permission denied", "Input/output error").
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// Why a file was not read.
public enum FileReadError: Error, Sendable, Equatable {
    /// The system refused (the file is missing, unreadable, or reading failed).
    case system(SystemError)
    /// The path names a folder, a device, a FIFO or another special file, which is never opened.
    case notRegularFile(FileKind)
    /// The file holds more than the limit; `size` is what the system reports, or what was read.
    case tooLarge(size: Int)
}

/// Files and folders, by the exact bytes of their paths (UTF-8 on Windows, whatever the file
/// system holds on Linux, where a name need not be UTF-8).
///
/// Every call goes to one implementation: POSIX calls on Linux and macOS, Win32 calls on Windows,
/// and Foundation's `FileManager` where neither exists or when the build defines
/// `ISOLINT_FOUNDATION_FILES` (so the portable code is tested on Linux, not only compiled).
public enum FileSystem {
    /// The implementation this build uses: "POSIX", "Windows" or "Foundation".
    public static var implementation: String { HostFileSystem.name }

    /// The separator written between a folder and a name.
    public static var separator: UInt8 { PathSyntax.host == .windows ? UInt8(ascii: "\\") : UInt8(ascii: "/") }

    /// Whether `byte` separates folders on this system.
    public static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || (PathSyntax.host == .windows && byte == UInt8(ascii: "\\"))
    }

    /// `name` inside `folder`.
    public static func join(_ folder: [UInt8], _ name: [UInt8]) -> [UInt8] {
        guard let last = folder.last else { return name }
        return isSeparator(last) ? folder + name : folder + [separator] + name
    }

    /// What `path` names; with `followingLinks`, what a link at `path` leads to.
    public static func kind(of path: [UInt8], followingLinks: Bool) -> Result<FileKind, SystemError> {
        guard !path.isEmpty, !path.contains(0) else { return .failure(SystemError(kind: .notFound, message: "no such file")) }
        return HostFileSystem.kind(of: path, followingLinks: followingLinks)
    }

    /// The names in `folder`, without `.` and `..`, in no particular order.
    public static func names(in folder: [UInt8]) -> Result<[[UInt8]], SystemError> {
        guard !folder.isEmpty, !folder.contains(0) else { return .failure(SystemError(kind: .notFound, message: "no such folder")) }
        return HostFileSystem.names(in: folder)
    }

    /// The absolute path with every link resolved, or `nil` when it leads nowhere.
    public static func resolved(_ path: [UInt8]) -> [UInt8]? {
        guard !path.isEmpty, !path.contains(0) else { return nil }
        return HostFileSystem.resolved(path)
    }

    /// The bytes of the regular file at `path`. The kind is checked before the file is opened and
    /// again on the open file (a file swapped in between is caught); a FIFO or device is never
    /// opened, and no more than `limit + 1` bytes are read, even from a file that grows meanwhile.
    public static func read(_ path: [UInt8], limit: Int) throws(FileReadError) -> [UInt8] {
        guard !path.isEmpty, !path.contains(0) else { throw .system(SystemError(kind: .notFound, message: "no such file")) }
        return try HostFileSystem.read(path, limit: limit)
    }
}

/// One implementation of ``FileSystem``.
protocol FileSystemCalls {
    static var name: String { get }
    static func kind(of path: [UInt8], followingLinks: Bool) -> Result<FileKind, SystemError>
    static func names(in folder: [UInt8]) -> Result<[[UInt8]], SystemError>
    static func resolved(_ path: [UInt8]) -> [UInt8]?
    static func read(_ path: [UInt8], limit: Int) throws(FileReadError) -> [UInt8]
}

#if ISOLINT_FOUNDATION_FILES || !(os(Windows) || canImport(Glibc) || canImport(Musl) || canImport(Darwin))
typealias HostFileSystem = FoundationFileSystem
#elseif os(Windows)
typealias HostFileSystem = WindowsFileSystem
#else
typealias HostFileSystem = POSIXFileSystem
#endif
