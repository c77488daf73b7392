import Foundation

/// Replaces a file's content without ever leaving it half written, and without overwriting a change
/// someone else made in the meantime.
///
/// The new bytes go to a new temporary file beside the original (created exclusively), which is
/// flushed to disk, given the original's permissions, and moved over the original in one step.
/// With `expecting`, the replacement is a compare-and-swap: an exclusive lock on the original is
/// taken (so concurrent runs on one file take turns), the file at the path is read again, and it is
/// replaced only when it still holds exactly the expected bytes; otherwise nothing is written and
/// the error says the file changed. Any failure (a full disk, a read-only file or folder, a failed
/// move) removes the temporary file and leaves the original untouched.
public enum AtomicReplacement {
    /// A step of the write where a failure can be injected (for tests of the failure paths).
    public enum Step: Sendable {
        /// Part of the new content (`written` bytes so far) is in the temporary file; more follows.
        case writing(temporary: String, written: Int)
        /// The temporary file has been written and flushed, and is about to replace the original.
        case beforeReplacing(temporary: String)
    }

    /// Why a file was not replaced, in words for the user.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// The size of the parts the temporary file is written in.
    static let partSize = 1 << 16

    /// What the expected content no longer matching says.
    static let changedMessage = "the file changed since it was read (another program or Isolint run wrote it); run again"

    /// Writes `bytes` to the file whose path is `path` (its exact bytes).
    /// With `backup`, the original is kept as `path.orig` first. `checkpoint` runs at each ``Step``
    /// and may throw to abandon the write.
    public static func replace(_ path: [UInt8], with bytes: [UInt8], expecting expected: [UInt8]?,
                               backup: Bool, checkpoint: (Step) throws -> Void) throws(Failure) {
        guard !path.isEmpty, !path.contains(0) else { throw Failure("cannot be examined: no such file") }
        try HostReplacement.replace(path, with: bytes, expecting: expected, backup: backup, checkpoint: checkpoint)
    }

    /// The bytes of a new temporary file's path beside the file at `path`.
    static func temporaryPath(beside path: [UInt8]) -> [UInt8] {
        let separator = path.lastIndex(where: FileSystem.isSeparator)
        let folder = separator.map { Array(path[...$0]) } ?? []
        let name = separator.map { Array(path[($0 + 1)...]) } ?? path
        let suffix = ".isolint-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp"
        return folder + Array(".".utf8) + name + Array(suffix.utf8)
    }

    /// The folder of the file at `path`, for messages.
    static func folderDescription(_ path: [UInt8]) -> String {
        guard let separator = path.lastIndex(where: FileSystem.isSeparator) else { return "." }
        return String(decoding: path[..<separator], as: UTF8.self)
    }
}

/// One implementation of ``AtomicReplacement``.
protocol ReplacementCalls {
    static func replace(_ path: [UInt8], with bytes: [UInt8], expecting expected: [UInt8]?,
                        backup: Bool, checkpoint: (AtomicReplacement.Step) throws -> Void) throws(AtomicReplacement.Failure)
}

#if ISOLINT_FOUNDATION_FILES || !(os(Windows) || canImport(Glibc) || canImport(Musl) || canImport(Darwin))
typealias HostReplacement = FoundationReplacement
#elseif os(Windows)
typealias HostReplacement = WindowsReplacement
#else
typealias HostReplacement = POSIXReplacement
#endif
