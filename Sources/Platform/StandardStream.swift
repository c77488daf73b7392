/// Standard output or standard error, written as UTF-8 bytes straight to the descriptor.
///
/// Nothing is buffered, so nothing is lost however the process ends, and text goes out as it is:
/// every line Isolint prints ends in LF alone, on every system (``Console/prepare()`` keeps
/// Windows' C runtime from turning LF into CR LF). When the reader has gone away (a closed pipe),
/// the write is dropped instead of failing the run.
public enum StandardStream: Sendable {
    /// Standard output: reports, diffs, dumps.
    case output
    /// Standard error: diagnostics, progress, summaries of what a fix did.
    case error

    var descriptor: CInt {
        switch self {
        case .output: return 1
        case .error: return 2
        }
    }

    /// Writes `text` as UTF-8.
    public func write(_ text: String) {
        guard !text.isEmpty else { return }
        var text = text
        text.withUTF8 { buffer in
            ConsoleSystem.write(descriptor, UnsafeRawBufferPointer(buffer))
        }
    }

    /// Writes `bytes` as they are (a diff of a file in its own encoding and line ends).
    public func write(bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { ConsoleSystem.write(descriptor, $0) }
    }

    /// Writes `text` and, unless it already ends one, a line end.
    public func writeLine(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Whether the stream is a terminal (a console on Windows) rather than a file or a pipe.
    public var isTerminal: Bool { Console.isTerminal(descriptor) }

    /// Whether ANSI colour and cursor sequences written to the stream are shown as colours and
    /// movements: a terminal, and on Windows one whose virtual-terminal processing is on.
    public var rendersEscapes: Bool { Console.rendersEscapes(descriptor) }
}
