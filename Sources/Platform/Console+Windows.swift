#if os(Windows)
import ucrt
import WinSDK

/// The console on Windows.
///
/// - `_setmode(fd, _O_BINARY)` (C runtime): the standard descriptors start in text mode, where
///   `_write` turns each LF into CR LF; binary mode writes the bytes unchanged.
/// - `_get_osfhandle(fd)` (C runtime): the Win32 handle behind a descriptor.
/// - `GetConsoleMode` (kernel32): succeeds only for a console handle, so it tells a console from a
///   file or a pipe.
/// - `_write` (C runtime): the bytes, in parts of at most `Int32.max`; a write that fails (a closed
///   pipe) ends the output instead of the run.
/// - `SetConsoleMode` with `ENABLE_VIRTUAL_TERMINAL_PROCESSING` (0x0004, Windows 10 1511 and
///   later): the console interprets ANSI sequences; it fails on older consoles, which then get no
///   colours.
enum ConsoleSystem {
    static func prepare() {
        for descriptor: CInt in [1, 2] {
            _ = _setmode(descriptor, _O_BINARY)
            guard let handle = handle(descriptor) else { continue }
            var mode: DWORD = 0
            if GetConsoleMode(handle, &mode) {
                _ = SetConsoleMode(handle, mode | DWORD(ENABLE_VIRTUAL_TERMINAL_PROCESSING))
            }
        }
    }

    static func handle(_ descriptor: CInt) -> HANDLE? {
        let raw = _get_osfhandle(descriptor)
        if raw == -1 || raw == -2 { return nil }
        return HANDLE(bitPattern: raw)
    }

    static func isTerminal(_ descriptor: CInt) -> Bool {
        guard let handle = handle(descriptor) else { return false }
        var mode: DWORD = 0
        return GetConsoleMode(handle, &mode)
    }

    static func write(_ descriptor: CInt, _ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = _write(descriptor, base + written, UInt32(min(bytes.count - written, Int(Int32.max))))
            if count <= 0 { return }
            written += Int(count)
        }
    }

    static func rendersEscapes(_ descriptor: CInt) -> Bool {
        guard let handle = handle(descriptor) else { return false }
        var mode: DWORD = 0
        guard GetConsoleMode(handle, &mode) else { return false }
        return mode & DWORD(ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0
    }
}
#endif
