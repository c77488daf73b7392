/// The terminal Isolint runs in, and how its standard streams are set up.
public enum Console {
    /// Sets up the standard streams once, before anything is written: on Windows, output stays in
    /// binary mode (LF is not turned into CR LF, so reports and diffs are the same bytes everywhere)
    /// and ANSI sequences are turned on in a console; nothing needs doing elsewhere.
    public static func prepare() {
        ConsoleSystem.prepare()
    }

    static func isTerminal(_ descriptor: CInt) -> Bool {
        ConsoleSystem.isTerminal(descriptor)
    }

    static func rendersEscapes(_ descriptor: CInt) -> Bool {
        ConsoleSystem.rendersEscapes(descriptor)
    }
}
