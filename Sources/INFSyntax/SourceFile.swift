import Foundation

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

    /// The largest INF file read: SetupAPI maps INF files whole, and no real one comes near this.
    public static let maximumSize = 64 << 20

    /// Reads the bytes of a regular file, refusing directories, devices, pipes and files over
    /// `limit` bytes (which are never loaded).
    public static func readBytes(path: String, limit: Int = maximumSize) throws(SourceReadError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SourceReadError(path: path, reason: .notFound)
        }
        if isDirectory.boolValue { throw SourceReadError(path: path, reason: .isDirectory) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular, type != .typeSymbolicLink {
            throw SourceReadError(path: path, reason: .unreadable("not a regular file"))
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limit {
            throw SourceReadError(path: path, reason: .unreadable("\(size) bytes, more than the \(limit)-byte limit for an INF file"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SourceReadError(path: path, reason: .unreadable("permission denied or not a regular file"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw SourceReadError(path: path, reason: .unreadable(String(describing: error)))
        }
    }

    /// The dominant line-ending style: used to write new lines the way the file already does.
    public var lineEndingStyle: LineEndingStyle {
        var crlf = 0, lf = 0
        let units = text.units
        for i in units.indices where units[i] == 0x0A {
            if i > 0 && units[i - 1] == 0x0D { crlf += 1 } else { lf += 1 }
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
        case notFound
        case isDirectory
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
        case .unreadable(let why): return "\(path): cannot be read (\(why))"
        }
    }
}
