import Foundation

/// ``AtomicReplacement`` with Foundation only: for systems with neither POSIX nor Win32 calls, and
/// on Linux when the build defines `ISOLINT_FOUNDATION_FILES`, so that the tests run this code too.
/// Without a lock call, writers of one file take turns through a lock file beside it (created only
/// if it does not exist, so exactly one writer holds it); the holder compares the content just
/// before the move. The move is Foundation's atomic write (a temporary file renamed over the
/// original), after which the original's permissions are given back.
enum FoundationReplacement: ReplacementCalls {
    typealias Failure = AtomicReplacement.Failure

    static func replace(_ path: [UInt8], with bytes: [UInt8], expecting expected: [UInt8]?,
                        backup: Bool, checkpoint: (AtomicReplacement.Step) throws -> Void) throws(Failure) {
        let manager = FileManager.default
        let text = String(decoding: path, as: UTF8.self)
        let url = URL(fileURLWithPath: text)
        guard case .success(let kind) = FileSystem.kind(of: path, followingLinks: true) else { throw Failure("cannot be examined: no such file") }
        guard kind == .regular else { throw Failure("not a regular file") }
        let attributes = try? manager.attributesOfItem(atPath: text)
        let permissions = (attributes?[.posixPermissions] as? NSNumber)?.intValue
        if permissions.map({ $0 & 0o222 == 0 }) == true || !manager.isWritableFile(atPath: text) {
            throw Failure("the file is read-only")
        }
        let lockURL = URL(fileURLWithPath: text + ".isolint-lock")
        do {
            try Data().write(to: lockURL, options: .withoutOverwriting)
        } catch {
            throw Failure("another writer holds \(lockURL.path) (remove it if no Isolint run is writing this file)")
        }
        defer { try? manager.removeItem(at: lockURL) }
        let temporary = String(decoding: AtomicReplacement.temporaryPath(beside: path), as: UTF8.self)
        let temporaryURL = URL(fileURLWithPath: temporary)
        do {
            do {
                try Data().write(to: temporaryURL, options: .withoutOverwriting)
            } catch {
                throw Failure("cannot create a temporary file in \(AtomicReplacement.folderDescription(path)) (is the folder writable?)")
            }
            let handle = try FileHandle(forWritingTo: temporaryURL)
            do {
                var written = 0
                while written < bytes.count {
                    if written > 0 { try checkpoint(.writing(temporary: temporary, written: written)) }
                    let part = min(AtomicReplacement.partSize, bytes.count - written)
                    try handle.write(contentsOf: bytes[written..<(written + part)])
                    written += part
                }
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            try checkpoint(.beforeReplacing(temporary: temporary))
            if let expected, (try? Data(contentsOf: url)).map([UInt8].init) != expected {
                throw Failure(AtomicReplacement.changedMessage)
            }
            if backup {
                try Data(contentsOf: url).write(to: URL(fileURLWithPath: text + ".orig"), options: .atomic)
            }
            try Data(contentsOf: temporaryURL).write(to: url, options: .atomic)
            if let permissions { try? manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: text) }
            try? manager.removeItem(at: temporaryURL)
        } catch {
            try? manager.removeItem(at: temporaryURL)
            if let failure = error as? Failure { throw failure }
            throw Failure((error as NSError).localizedDescription)
        }
    }
}
