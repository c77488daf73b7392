import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// Replaces a file's content without ever leaving it half written, and without overwriting a change
/// someone else made in the meantime.
///
/// The new bytes go to a new temporary file beside the original (created exclusively), which is
/// flushed to disk, given the original's permissions, and renamed over the original in one step.
/// With `expecting`, the replacement is a compare-and-swap: an exclusive lock on the original is
/// taken (`flock`, so concurrent Isolint runs on one file take turns), the file at the path is read
/// again, and it is replaced only when it still holds exactly the expected bytes; otherwise nothing
/// is written and the error says the file changed. Any failure (a full disk, a read-only file or
/// folder, a failed rename) removes the temporary file and leaves the original untouched.
public enum AtomicWriter {
    /// A step of the write where a failure can be injected (for tests of the failure paths).
    public enum Step: Sendable {
        /// Part of the new content (`written` bytes so far) is in the temporary file; more follows.
        case writing(temporary: String, written: Int)
        /// The temporary file has been written and flushed, and is about to replace the original.
        case beforeReplacing(temporary: String)
    }

    /// The size of the parts the temporary file is written in.
    static let partSize = 1 << 16

    /// Writes `bytes` to `path`; with `backup`, the original is kept as `path.orig` first. With
    /// `expecting`, the file is replaced only if it still holds those bytes (see ``AtomicWriter``).
    /// `checkpoint` runs at each ``Step`` and may throw to abandon the write.
    /// `fileSystemPath`, when given, is the exact bytes of the path (a file name need not be UTF-8);
    /// `path` then only names the file in errors.
    public static func write(_ bytes: [UInt8], to path: String, fileSystemPath: [UInt8]? = nil, expecting expected: [UInt8]? = nil,
                             backup: Bool = false, checkpoint: (Step) throws -> Void = { _ in }) throws(FixWriteError) {
        #if canImport(Glibc) || canImport(Darwin)
        try POSIXAtomicWrite(path: path, bytes: fileSystemPath ?? Array(path.utf8))
            .run(bytes, expected: expected, backup: backup, checkpoint: checkpoint)
        #else
        try portableWrite(bytes, to: path, expected: expected, backup: backup, checkpoint: checkpoint)
        #endif
    }

    /// What follows the file's name in the name of a new temporary file beside it
    /// (`.name` + suffix).
    static func temporarySuffix() -> String {
        ".isolint-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    #if !(canImport(Glibc) || canImport(Darwin))
    /// The write with FileManager only, where POSIX calls are not available (no lock: the content is
    /// compared just before the rename).
    static func portableWrite(_ bytes: [UInt8], to path: String, expected: [UInt8]?, backup: Bool,
                              checkpoint: (Step) throws -> Void) throws(FixWriteError) {
        let manager = FileManager.default
        let url = URL(fileURLWithPath: path)
        guard manager.isWritableFile(atPath: path) else { throw FixWriteError(path: path, message: "the file is read-only") }
        let attributes = try? manager.attributesOfItem(atPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + temporarySuffix())
        do {
            try Data(bytes).write(to: temporary, options: .withoutOverwriting)
            if let permissions = attributes?[.posixPermissions] {
                try manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            try checkpoint(.beforeReplacing(temporary: temporary.path))
            if let expected, (try? Data(contentsOf: url)).map([UInt8].init) != expected {
                throw FixWriteError(path: path, message: "the file changed since it was read (another program wrote it); run again")
            }
            if backup {
                let original = path + ".orig"
                if manager.fileExists(atPath: original) { try manager.removeItem(atPath: original) }
                try manager.copyItem(atPath: path, toPath: original)
            }
            _ = try manager.replaceItemAt(url, withItemAt: temporary)
        } catch {
            try? manager.removeItem(at: temporary)
            throw FixWriteError(path: path, message: (error as? FixWriteError)?.message ?? String(describing: error))
        }
    }
    #endif
}

#if canImport(Glibc) || canImport(Darwin)
/// The write with POSIX calls: exclusive temporary file, fsync, fchmod, flock, compare, rename.
struct POSIXAtomicWrite {
    /// The path as shown in errors.
    let path: String
    /// The path's bytes, as the file system takes them.
    let pathBytes: [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.pathBytes = bytes
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string.
    func withCPath<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let terminated = (bytes + [0]).map { CChar(bitPattern: $0) }
        return terminated.withUnsafeBufferPointer { buffer in
            // `terminated` holds at least the NUL, and a non-empty array always has storage.
            body(buffer.baseAddress!)
        }
    }

    /// The bytes of a new temporary file's path beside the file.
    func temporaryPath() -> [UInt8] {
        let slash = pathBytes.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { Array(pathBytes[...$0]) } ?? []
        let name = slash.map { Array(pathBytes[($0 + 1)...]) } ?? pathBytes
        return folder + Array(".".utf8) + name + Array(AtomicWriter.temporarySuffix().utf8)
    }

    /// The folder of the file, for messages.
    var folderDescription: String {
        guard let slash = pathBytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return String(decoding: pathBytes[..<slash], as: UTF8.self)
    }

    struct Failure: Error {
        let message: String
    }

    func error(_ what: String, _ code: Int32 = errno) -> Failure {
        switch code {
        case ENOSPC: return Failure(message: "\(what): the disk is full")
        case EDQUOT: return Failure(message: "\(what): the disk quota is exceeded")
        case EACCES, EPERM: return Failure(message: "\(what): permission denied")
        case EROFS: return Failure(message: "\(what): the file system is read-only")
        default: return Failure(message: "\(what): \(String(cString: strerror(code)))")
        }
    }

    func run(_ bytes: [UInt8], expected: [UInt8]?, backup: Bool,
             checkpoint: (AtomicWriter.Step) throws -> Void) throws(FixWriteError) {
        var info = stat()
        guard withCPath(pathBytes, { stat($0, &info) }) == 0 else {
            throw FixWriteError(path: path, message: error("cannot be examined").message)
        }
        guard Int(info.st_mode) & Int(S_IFMT) == Int(S_IFREG) else {
            throw FixWriteError(path: path, message: "not a regular file")
        }
        // Write permission for nobody means read-only, even to a user (root) whom access() lets write.
        if Int(info.st_mode) & 0o222 == 0 || withCPath(pathBytes, { access($0, W_OK) }) != 0 {
            throw FixWriteError(path: path, message: "the file is read-only")
        }
        let folder = folderDescription
        let temporaryBytes = temporaryPath()
        let temporary = String(decoding: temporaryBytes, as: UTF8.self)
        let permissions = mode_t(Int(info.st_mode) & 0o7777)
        let descriptor = withCPath(temporaryBytes) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions | 0o600) }
        guard descriptor >= 0 else {
            throw FixWriteError(path: path, message: error("cannot create a temporary file in \(folder) (is the folder writable?)").message)
        }
        var lock: Int32 = -1
        var isOpen = true
        do {
            var written = 0
            while written < bytes.count {
                if written > 0 { try checkpoint(.writing(temporary: temporary, written: written)) }
                let part = min(AtomicWriter.partSize, bytes.count - written)
                let count = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return Glue.write(descriptor, base + written, part)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw error("cannot write the new content")
                }
                if count == 0 { throw Failure(message: "cannot write the new content: the disk is full") }
                written += count
            }
            if fsync(descriptor) != 0 { throw error("cannot flush the new content to disk") }
            if fchmod(descriptor, permissions) != 0 { throw error("cannot give the new file the original's permissions") }
            isOpen = false
            if close(descriptor) != 0 { throw error("cannot close the new file") }
            try checkpoint(.beforeReplacing(temporary: temporary))
            if let expected {
                lock = try lockOriginal()
                guard let current = try? currentContent(), current == expected else {
                    throw Failure(message: "the file changed since it was read (another program or Isolint run wrote it); run again")
                }
            }
            if backup { try copyBackup(permissions: permissions) }
            let renamed = withCPath(temporaryBytes) { from in withCPath(pathBytes) { to in rename(from, to) } }
            if renamed != 0 { throw error("cannot replace the file") }
            if lock >= 0 { close(lock) }
        } catch {
            if isOpen { close(descriptor) }
            if lock >= 0 { close(lock) }
            _ = withCPath(temporaryBytes) { unlink($0) }
            if let failure = error as? Failure { throw FixWriteError(path: path, message: failure.message) }
            throw FixWriteError(path: path, message: String(describing: error))
        }
    }

    /// Opens the file at the path and holds an exclusive lock on it; when the path was replaced while
    /// waiting for the lock, locks the new file instead. Returns the locked descriptor.
    func lockOriginal() throws -> Int32 {
        for _ in 0..<100 {
            let descriptor = withCPath(pathBytes) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
            guard descriptor >= 0 else { throw error("cannot open the file to lock it") }
            if flock(descriptor, LOCK_EX) != 0 {
                let failure = error("cannot lock the file")
                close(descriptor)
                throw failure
            }
            var locked = stat(), current = stat()
            if fstat(descriptor, &locked) == 0, withCPath(pathBytes, { stat($0, &current) }) == 0,
               locked.st_dev == current.st_dev, locked.st_ino == current.st_ino {
                return descriptor
            }
            close(descriptor) // the file was replaced while waiting: lock the new one
        }
        throw Failure(message: "the file keeps being replaced by another program")
    }

    /// The bytes now at the path.
    func currentContent() throws -> [UInt8] {
        try read(pathBytes, what: "cannot be read again")
    }

    /// The content of the file at `file`.
    func read(_ file: [UInt8], what: String) throws -> [UInt8] {
        let descriptor = withCPath(file) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw error(what) }
        defer { close(descriptor) }
        var content: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: AtomicWriter.partSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glue.read(descriptor, base, raw.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(what)
            }
            if count == 0 { return content }
            content += buffer[..<count]
        }
    }

    /// Copies the original to `path.orig`, replacing an older backup atomically.
    func copyBackup(permissions: mode_t) throws {
        let original = pathBytes + Array(".orig".utf8)
        let shown = path + ".orig"
        let data = try read(pathBytes, what: "cannot read the file to back it up")
        let staging = original + Array(".isolint-\(ProcessInfo.processInfo.processIdentifier).tmp".utf8)
        let descriptor = withCPath(staging) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions | 0o600) }
        guard descriptor >= 0 else { throw error("cannot write the backup \(shown)") }
        var written = 0
        while written < data.count {
            let count = data.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glue.write(descriptor, base + written, data.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let failure = error("cannot write the backup \(shown)")
                close(descriptor)
                _ = withCPath(staging) { unlink($0) }
                throw failure
            }
            written += count
        }
        _ = fchmod(descriptor, permissions)
        let closed = close(descriptor)
        let renamed = withCPath(staging) { from in withCPath(original) { to in rename(from, to) } }
        if closed != 0 || renamed != 0 {
            let failure = error("cannot write the backup \(shown)")
            _ = withCPath(staging) { unlink($0) }
            throw failure
        }
    }
}

/// The C library's functions whose names the writer's own names shadow.
private enum Glue {
    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
#endif
