import Platform

/// A file that could not be written; the original is left as it was.
public struct FixWriteError: Error, Sendable, CustomStringConvertible {
    /// The file that was to be written.
    public let path: String
    /// Why it was not written.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): not written: \(message)" }
}

/// Writes fixed files: ``AtomicReplacement`` of the platform layer, with errors that name the file.
///
/// The new bytes go to a new temporary file beside the original, flushed to disk and moved over it
/// in one step, so the file is never half written. With `expecting`, the file is locked, read again
/// and replaced only if it still holds those bytes (another program's edit is never overwritten).
public enum AtomicWriter {
    /// A step of the write where a failure can be injected (for tests of the failure paths).
    public typealias Step = AtomicReplacement.Step

    /// Writes `bytes` to `path`; with `backup`, the original is kept as `path.orig` first. With
    /// `expecting`, the file is replaced only if it still holds those bytes.
    /// `checkpoint` runs at each ``Step`` and may throw to abandon the write.
    /// `fileSystemPath`, when given, is the exact bytes of the path (a file name need not be UTF-8);
    /// `path` then only names the file in errors.
    public static func write(_ bytes: [UInt8], to path: String, fileSystemPath: [UInt8]? = nil, expecting expected: [UInt8]? = nil,
                             backup: Bool = false, checkpoint: (Step) throws -> Void = { _ in }) throws(FixWriteError) {
        do {
            try AtomicReplacement.replace(fileSystemPath ?? Array(path.utf8), with: bytes, expecting: expected,
                                          backup: backup, checkpoint: checkpoint)
        } catch {
            throw FixWriteError(path: path, message: error.message)
        }
    }
}
