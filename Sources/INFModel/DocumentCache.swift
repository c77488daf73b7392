import Foundation

/// What a document computes the first time it is asked and keeps: tables that several questions read
/// and that would otherwise be rebuilt for each. Shared by the copies of an ``INFDocument`` (a
/// class), guarded by a lock so that documents stay `Sendable`.
final class DocumentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var sourceDiskFiles: [Architecture: SourceDiskFileIndex] = [:]

    func sourceDiskFiles(for architecture: Architecture, _ compute: () -> SourceDiskFileIndex) -> SourceDiskFileIndex {
        lock.lock()
        let cached = sourceDiskFiles[architecture]
        lock.unlock()
        if let cached { return cached }
        let index = compute()
        lock.lock()
        sourceDiskFiles[architecture] = index
        lock.unlock()
        return index
    }
}
