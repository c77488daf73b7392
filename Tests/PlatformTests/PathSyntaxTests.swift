import Platform
import Testing

/// Paths as Windows users and tools write them, read with Windows' syntax on any system.
@Suite("Path syntax")
struct PathSyntaxTests {
    let windows = PathSyntax.windows
    let posix = PathSyntax.posix

    @Test("absolute Windows paths: drive letters, UNC shares, long and device paths, the drive's root")
    func windowsAbsolute() {
        for path in [#"C:\pkg\x.inf"#, "c:/pkg/x.inf", #"D:\"#, #"\\server\share\pkg"#, #"\\?\C:\very\long\path"#,
                     #"\\.\PhysicalDrive0"#, #"\pkg\x.inf"#, "/pkg/x.inf"] {
            #expect(windows.isAbsolute(path), "\(path)")
        }
        for path in ["pkg\\x.inf", "C:pkg\\x.inf", "C:", ".\\x.inf", "..\\x.inf", "", "x.inf", "1:\\x"] {
            #expect(!windows.isAbsolute(path), "\(path)")
        }
    }

    @Test("POSIX paths: only a leading slash makes a path absolute; a backslash is part of a name")
    func posixAbsolute() {
        #expect(posix.isAbsolute("/work/pkg"))
        #expect(!posix.isAbsolute(#"C:\pkg"#))
        #expect(!posix.isAbsolute(#"\pkg"#))
        #expect(posix.components(#"a\b/c"#) == [#"a\b"#, "c"])
    }

    @Test("components split at either separator and drop empty names and `.`")
    func components() {
        #expect(windows.components(#"C:\Pkg/sub\\x.inf"#) == ["C:", "Pkg", "sub", "x.inf"])
        #expect(windows.components(#".\a\.\b"#) == ["a", "b"])
        #expect(windows.components(#"\\server\share\x"#) == ["server", "share", "x"])
        #expect(windows.lastComponent(#"C:\pkg\Driver.INF"#) == "Driver.INF")
    }

    @Test("a relative path joins with the preferred separator; an absolute one stands alone")
    func join() {
        #expect(windows.join(#"C:\pkg"#, "isolint.baseline") == #"C:\pkg\isolint.baseline"#)
        #expect(windows.join(#"C:\pkg\"#, "x") == #"C:\pkg\x"#)
        #expect(windows.join(#"C:\pkg"#, #"D:\other\x"#) == #"D:\other\x"#)
        #expect(windows.join(#"C:\pkg"#, #"\\server\share\x"#) == #"\\server\share\x"#)
        #expect(posix.join("/pkg", "x") == "/pkg/x")
        #expect(posix.join("/pkg", #"C:\x"#) == #"/pkg/C:\x"#)
    }

    @Test("the parent keeps a drive's root and a POSIX root")
    func parent() {
        #expect(windows.parent(#"C:\pkg\isolint.toml"#) == #"C:\pkg"#)
        #expect(windows.parent(#"C:\isolint.toml"#) == #"C:\"#)
        #expect(windows.parent("C:/pkg/sub/") == "C:/pkg")
        #expect(windows.parent("isolint.toml") == "")
        #expect(posix.parent("/isolint.toml") == "/")
        #expect(posix.parent("/a/b") == "/a")
    }

    @Test("inside a folder: either separator, any case on Windows, never across a share or drive")
    func relative() {
        #expect(windows.relative(#"C:\Pkg\Sub\x.inf"#, to: #"c:\pkg"#) == #"Sub\x.inf"#)
        #expect(windows.relative("C:/pkg/x.inf", to: #"C:\pkg\"#) == "x.inf")
        #expect(windows.relative(#"D:\pkg\x.inf"#, to: #"C:\pkg"#) == nil)
        #expect(windows.relative(#"C:\pkgs\x.inf"#, to: #"C:\pkg"#) == nil)
        #expect(windows.relative(#"C:\pkg"#, to: #"C:\pkg"#) == nil)
        #expect(windows.relative(#"\\server\share\x.inf"#, to: #"\server\share"#) == nil)
        #expect(windows.relative(#"\\server\share\x.inf"#, to: #"\\SERVER\share"#) == "x.inf")
        #expect(windows.relative(#"\\?\C:\pkg\x.inf"#, to: #"C:\pkg"#) == nil)
        #expect(windows.relative(#"pkg\x.inf"#, to: #"C:\pkg"#) == nil)
        #expect(posix.relative("/Pkg/x.inf", to: "/pkg") == nil)
        #expect(posix.relative("/pkg/sub/x.inf", to: "/pkg/") == "sub/x.inf")
    }

    @Test("names match whatever their case on Windows only")
    func sameName() {
        #expect(windows.sameName("Driver.INF", "driver.inf"))
        #expect(!posix.sameName("Driver.INF", "driver.inf"))
        #expect(windows.ignoresCase && !posix.ignoresCase)
    }

    @Test("the host syntax is the system's")
    func host() {
        #if os(Windows)
        #expect(PathSyntax.host == .windows)
        #else
        #expect(PathSyntax.host == .posix)
        #endif
    }
}
