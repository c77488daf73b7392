import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written; the original is left as it was.
public struct FixWriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public var description: String { "\(path): not written: \(message)" }
}

/// Replaces a file's content without ever leaving it half written.
///
/// The new bytes go to a temporary file beside the original, which is flushed to disk, given the
/// original's permissions, and renamed over the original in one step. Any failure removes the
/// temporary file and leaves the original untouched.
public enum AtomicWriter {
    /// A step of the write where a failure can be injected (for tests of the failure paths).
    public enum Step: Sendable {
        /// The temporary file has been written and flushed, and is about to replace the original.
        case beforeReplacing(temporary: String)
    }

    /// Writes `bytes` to `path`; with `backup`, the original is kept as `path.orig` first.
    /// `checkpoint` runs at each ``Step`` and may throw to abandon the write.
    public static func write(_ bytes: [UInt8], to path: String, backup: Bool = false,
                             checkpoint: (Step) throws -> Void = { _ in }) throws(FixWriteError) {
        let manager = FileManager.default
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard manager.isWritableFile(atPath: path) else {
            throw FixWriteError(path: path, message: "the file is read-only")
        }
        let attributes = try? manager.attributesOfItem(atPath: path)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).isolint-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard manager.createFile(atPath: temporary.path, contents: nil) else {
            throw FixWriteError(path: path, message: "cannot create a temporary file in \(folder.path) (is the folder writable?)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try handle.write(contentsOf: Data(bytes))
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            if let permissions = attributes?[.posixPermissions] {
                try manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            try checkpoint(.beforeReplacing(temporary: temporary.path))
            if backup {
                let original = path + ".orig"
                if manager.fileExists(atPath: original) { try manager.removeItem(atPath: original) }
                try manager.copyItem(atPath: path, toPath: original)
            }
            try replace(path, with: temporary.path)
        } catch {
            try? manager.removeItem(at: temporary)
            throw FixWriteError(path: path, message: (error as? FixWriteError)?.message ?? String(describing: error))
        }
    }

    /// Renames `temporary` over `path` in one step.
    private static func replace(_ path: String, with temporary: String) throws {
        #if canImport(Glibc) || canImport(Darwin)
        if rename(temporary, path) != 0 {
            throw FixWriteError(path: path, message: String(cString: strerror(errno)))
        }
        #else
        _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: path), withItemAt: URL(fileURLWithPath: temporary))
        #endif
    }
}
