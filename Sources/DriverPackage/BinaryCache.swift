import Foundation

/// The binaries read during one run, shared by every INF that installs them and by every thread:
/// each file is read at most once, on first use.
public final class BinaryCache: @unchecked Sendable {
    /// What each scan keeps.
    public let options: BinaryScanOptions
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    public init(options: BinaryScanOptions) {
        self.options = options
    }

    /// The scan of `binary`, read now if no thread has read it yet; nil when the file does not exist
    /// (a listed file that is missing is reported by the INF rules, not here).
    public func image(of binary: PackageBinary) -> BinaryImage? {
        let key = URL(fileURLWithPath: binary.path).standardizedFileURL.path
        lock.lock()
        let entry: Entry
        if let existing = entries[key] {
            entry = existing
        } else {
            entry = Entry()
            entries[key] = entry
        }
        lock.unlock()
        return entry.value { () -> BinaryImage? in
            guard FileManager.default.fileExists(atPath: binary.path) else { return nil }
            return BinaryImage.scan(binary, options: options)
        }
    }

    /// One file's scan, computed once; other threads asking meanwhile wait for it.
    private final class Entry: @unchecked Sendable {
        private let lock = NSLock()
        private var computed = false
        private var stored: BinaryImage?

        func value(_ compute: () -> BinaryImage?) -> BinaryImage? {
            lock.lock()
            defer { lock.unlock() }
            if !computed {
                stored = compute()
                computed = true
            }
            return stored
        }
    }
}
