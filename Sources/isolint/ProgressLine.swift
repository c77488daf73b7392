import Foundation
import Platform

/// A `files done / total` line on standard error while a large run checks files, shown only on a
/// terminal and erased at the end, so that piped and CI output never holds it.
enum ProgressLine {
    /// Runs with fewer files than this finish too fast to need a progress line.
    static let threshold = 300

    /// Whether standard error is a terminal that shows the line's erasing sequences as intended.
    static var isTerminal: Bool { StandardStream.error.rendersEscapes }

    /// A progress callback writing to standard error, or `nil` when it is not a terminal.
    static func forStandardError() -> (@Sendable (Int, Int) -> Void)? {
        guard isTerminal else { return nil }
        return { done, total in
            guard total >= threshold, done == total || done % 25 == 0 else { return }
            StandardStream.error.write("\r\u{1B}[2KChecking INF files: \(done)/\(total)")
        }
    }

    /// Erases the progress line, if one may have been written.
    static func clear() {
        guard isTerminal else { return }
        StandardStream.error.write("\r\u{1B}[2K")
    }
}
