import Foundation

/// Random access to the bytes of a file or a buffer, so that a reader fetches only the parts it needs.
public protocol ByteSource: Sendable {
    /// Names the source in errors: the file's path, or a label for bytes held in memory.
    var path: String { get }
    /// The number of bytes in the source.
    var size: Int { get }
    /// Reads `count` bytes starting at `offset`.
    ///
    /// Returns fewer bytes only where the source ends, and none for an offset at or past its end
    /// or a negative offset or count.
    func read(offset: Int, count: Int) throws(PEError) -> [UInt8]
}

/// Bytes held in memory.
public struct MemoryByteSource: ByteSource {
    /// The label used for these bytes in errors.
    public let path: String
    /// The bytes.
    public let bytes: [UInt8]

    /// Wraps `bytes`; `path` only names them in errors.
    public init(_ bytes: [UInt8], path: String = "<memory>") {
        self.bytes = bytes
        self.path = path
    }

    public var size: Int { bytes.count }

    public func read(offset: Int, count: Int) -> [UInt8] {
        guard offset >= 0, count > 0, offset < bytes.count else { return [] }
        return Array(bytes[offset..<offset + min(count, bytes.count - offset)])
    }
}

/// A file on disk, read with seek and read calls of only the requested ranges.
///
/// The size is taken when the file is opened; a file that shrinks afterwards reads as truncated.
/// Reads from several threads are serialized.
public struct FileByteSource: ByteSource {
    public let path: String
    public let size: Int
    private let file: OpenFile

    /// Opens the regular file at `path` for reading.
    public init(path: String) throws(PEError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PEError(path: path, offset: 0, reason: .unreadable("no such file"))
        }
        guard !isDirectory.boolValue else {
            throw PEError(path: path, offset: 0, reason: .unreadable("is a directory"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PEError(path: path, offset: 0, reason: .unreadable("permission denied or not a regular file"))
        }
        let end: UInt64
        do {
            end = try handle.seekToEnd()
        } catch {
            try? handle.close()
            throw PEError(path: path, offset: 0, reason: .unreadable(String(describing: error)))
        }
        self.path = path
        self.size = Int(clamping: end)
        self.file = OpenFile(handle)
    }

    public func read(offset: Int, count: Int) throws(PEError) -> [UInt8] {
        guard offset >= 0, count > 0, offset < size else { return [] }
        let wanted = min(count, size - offset)
        do {
            return try file.read(offset: UInt64(offset), count: wanted)
        } catch {
            throw PEError(path: path, offset: offset, reason: .unreadable(String(describing: error)))
        }
    }
}

/// An open file handle whose seek-then-read pairs run one at a time.
private final class OpenFile: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    deinit {
        try? handle.close()
    }

    func read(offset: UInt64, count: Int) throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        try handle.seek(toOffset: offset)
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            guard let data = try handle.read(upToCount: count - result.count), !data.isEmpty else { break }
            result.append(contentsOf: data)
        }
        return result
    }
}
