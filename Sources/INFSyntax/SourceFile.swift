import Foundation
import Platform

/// An INF file as read from disk: its exact bytes, the encoding SetupAPI reads it with, and its text.
public struct SourceFile: Sendable {
    /// The path the file was read from, as given.
    public let path: String
    /// The file's bytes, unchanged.
    public let bytes: [UInt8]
    /// The encoding chosen from the bytes.
    public let encoding: TextEncoding
    /// The decoded text and the map from code units back to bytes.
    public let text: DecodedText
    /// Whether the bytes start with a UTF-16 big-endian mark, which SetupAPI cannot read.
    public let hasUTF16BigEndianMark: Bool

    /// Decodes `bytes` as SetupAPI would; `path` is only used to name the file in messages.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.encoding = EncodingDetector.detect(bytes)
        self.text = TextDecoder.decode(bytes, as: encoding)
        self.hasUTF16BigEndianMark = EncodingDetector.hasUTF16BigEndianMark(bytes)
    }

    /// Reads and decodes the file at `path`.
    public static func read(path: String) throws(SourceReadError) -> SourceFile {
        SourceFile(path: path, bytes: try readBytes(path: path))
    }

    /// The default largest INF file read (64 MB): SetupAPI maps INF files whole, and no real one
    /// comes near this. `--max-file-size` and the `max-file-size` configuration key change it.
    public static let maximumSize = 64 << 20

    /// Reads the bytes of a regular file, refusing directories, devices, pipes, sockets and files
    /// over `limit` bytes (which are never loaded: at most `limit + 1` bytes are read, even from a
    /// file that grows while it is read). Opening never blocks on a FIFO.
    public static func readBytes(path: String, limit: Int = maximumSize) throws(SourceReadError) -> [UInt8] {
        try readBytes(fileSystemPath: Array(path.utf8), displayPath: path, limit: limit)
    }

    /// Reads the file whose name is the bytes `fileSystemPath` (any bytes but NUL, as Linux allows,
    /// not necessarily UTF-8); `displayPath` names it in errors.
    public static func readBytes(fileSystemPath: [UInt8], displayPath: String,
                                 limit: Int = maximumSize) throws(SourceReadError) -> [UInt8] {
        do {
            return try FileSystem.read(fileSystemPath, limit: limit)
        } catch {
            switch error {
            case .system(let failure) where failure.kind == .notFound: throw SourceReadError(path: displayPath, reason: .notFound)
            case .system(let failure): throw SourceReadError(path: displayPath, reason: .unreadable(failure.message))
            case .notRegularFile(.directory): throw SourceReadError(path: displayPath, reason: .isDirectory)
            case .notRegularFile(let kind): throw SourceReadError(path: displayPath, reason: .notRegularFile(kind.phrase))
            case .tooLarge(let size): throw SourceReadError(path: displayPath, reason: .tooLarge(size: size, limit: limit))
            }
        }
    }

    /// The dominant line-ending style: used to write new lines the way the file already does.
    public var lineEndingStyle: LineEndingStyle {
        let (crlf, lf) = text.units.withUnsafeBufferPointer { units in
            var crlf = 0, lf = 0
            var previous: UInt16 = 0
            for unit in units {
                if unit == 0x0A {
                    if previous == 0x0D { crlf += 1 } else { lf += 1 }
                }
                previous = unit
            }
            return (crlf, lf)
        }
        switch (crlf, lf) {
        case (0, 0): return .none
        case (_, 0): return .crlf
        case (0, _): return .lf
        default: return .mixed
        }
    }
}

/// A file that could not be read.
public struct SourceReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a file could not be read.
    public enum Reason: Sendable, Equatable {
        /// Nothing exists at the path.
        case notFound
        /// The path names a folder.
        case isDirectory
        /// The path names a device, a FIFO, a socket or another special file, which is never read.
        case notRegularFile(String)
        /// The file is larger than the size limit; `size` is what the file system reports.
        case tooLarge(size: Int, limit: Int)
        /// The file exists but cannot be read (permissions, I/O error): the system's message.
        case unreadable(String)
    }
    /// The path as given.
    public let path: String
    /// What went wrong.
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notFound: return "\(path): no such file"
        case .isDirectory: return "\(path): is a directory"
        case .notRegularFile(let kind): return "\(path): not read: \(kind), not a regular file"
        case .tooLarge(let size, let limit):
            return "\(path): not read: \(size) bytes, more than the \(limit)-byte limit for an INF file (--max-file-size)"
        case .unreadable(let why): return "\(path): cannot be read (\(why))"
        }
    }
}
