#if !os(Windows) && (canImport(Glibc) || canImport(Musl) || canImport(Darwin))
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// The write with POSIX calls: exclusive temporary file, fsync, fchmod, flock, compare, rename.
struct POSIXReplacement: ReplacementCalls {
    /// The path's bytes, as the file system takes them.
    let pathBytes: [UInt8]

    static func replace(_ path: [UInt8], with bytes: [UInt8], expecting expected: [UInt8]?,
                        backup: Bool, checkpoint: (AtomicReplacement.Step) throws -> Void) throws(AtomicReplacement.Failure) {
        try POSIXReplacement(pathBytes: path).run(bytes, expected: expected, backup: backup, checkpoint: checkpoint)
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string.
    func withCPath<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let terminated = (bytes + [0]).map { CChar(bitPattern: $0) }
        return terminated.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("a terminated path is never empty") }
            return body(base)
        }
    }

    typealias Failure = AtomicReplacement.Failure

    func error(_ what: String, _ code: Int32 = errno) -> Failure {
        switch code {
        case ENOSPC: return Failure("\(what): the disk is full")
        case EDQUOT: return Failure("\(what): the disk quota is exceeded")
        case EACCES, EPERM: return Failure("\(what): permission denied")
        case EROFS: return Failure("\(what): the file system is read-only")
        default: return Failure("\(what): \(String(cString: strerror(code)))")
        }
    }

    func run(_ bytes: [UInt8], expected: [UInt8]?, backup: Bool,
             checkpoint: (AtomicReplacement.Step) throws -> Void) throws(Failure) {
        var info = stat()
        guard withCPath(pathBytes, { stat($0, &info) }) == 0 else {
            throw error("cannot be examined")
        }
        guard Int(info.st_mode) & Int(S_IFMT) == Int(S_IFREG) else {
            throw Failure("not a regular file")
        }
        // Write permission for nobody means read-only, even to a user (root) whom access() lets write.
        if Int(info.st_mode) & 0o222 == 0 || withCPath(pathBytes, { access($0, W_OK) }) != 0 {
            throw Failure("the file is read-only")
        }
        let folder = AtomicReplacement.folderDescription(pathBytes)
        let temporaryBytes = AtomicReplacement.temporaryPath(beside: pathBytes)
        let temporary = String(decoding: temporaryBytes, as: UTF8.self)
        let permissions = mode_t(Int(info.st_mode) & 0o7777)
        let descriptor = withCPath(temporaryBytes) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions | 0o600) }
        guard descriptor >= 0 else {
            throw error("cannot create a temporary file in \(folder) (is the folder writable?)")
        }
        var lock: Int32 = -1
        var isOpen = true
        do {
            var written = 0
            while written < bytes.count {
                if written > 0 { try checkpoint(.writing(temporary: temporary, written: written)) }
                let part = min(AtomicReplacement.partSize, bytes.count - written)
                let count = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return CLibrary.write(descriptor, base + written, part)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw error("cannot write the new content")
                }
                if count == 0 { throw Failure("cannot write the new content: the disk is full") }
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
                    throw Failure(AtomicReplacement.changedMessage)
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
            if let failure = error as? Failure { throw failure }
            throw Failure(String(describing: error))
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
        throw Failure("the file keeps being replaced by another program")
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
        var buffer = [UInt8](repeating: 0, count: AtomicReplacement.partSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return CLibrary.read(descriptor, base, raw.count)
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
        let shown = String(decoding: original, as: UTF8.self)
        let data = try read(pathBytes, what: "cannot read the file to back it up")
        let staging = original + Array(".isolint-\(getpid()).tmp".utf8)
        let descriptor = withCPath(staging) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions | 0o600) }
        guard descriptor >= 0 else { throw error("cannot write the backup \(shown)") }
        var written = 0
        while written < data.count {
            let count = data.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return CLibrary.write(descriptor, base + written, data.count - written)
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
#endif
