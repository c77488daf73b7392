import Platform
import Testing

/// `file:` URIs as editors send them, read with each system's path syntax.
@Suite("File URIs")
struct FileURITests {
    @Test("drive letters, encoded colons, shares and escapes give Windows paths", arguments: [
        ("file:///c%3A/Users/me/driver.inf", #"c:\Users\me\driver.inf"#),
        ("file:///C:/Users/me/My%20Driver/driver.inf", #"C:\Users\me\My Driver\driver.inf"#),
        ("FILE:///d:/pkg/x.inf", #"d:\pkg\x.inf"#),
        ("file://server/share/pkg/x.inf", #"\\server\share\pkg\x.inf"#),
        ("file://localhost/C:/pkg/x.inf", #"C:\pkg\x.inf"#),
        ("file:///C:/pkg/Ger%C3%A4t.inf", #"C:\pkg\Gerät.inf"#),
        ("file:///C:/pkg/x.inf?query#part", #"C:\pkg\x.inf"#),
    ])
    func windows(uri: String, path: String) {
        #expect(PathSyntax.windows.path(ofFileURI: uri) == path)
    }

    @Test("POSIX paths keep their slashes; a drive letter means nothing there")
    func posix() {
        #expect(PathSyntax.posix.path(ofFileURI: "file:///home/me/My%20Driver/driver.inf") == "/home/me/My Driver/driver.inf")
        #expect(PathSyntax.posix.path(ofFileURI: "file:///c%3A/pkg/x.inf") == "/c:/pkg/x.inf")
        #expect(PathSyntax.posix.path(ofFileURI: "file://localhost/tmp/x.inf") == "/tmp/x.inf")
    }

    @Test("other schemes and broken escapes are not file paths", arguments: [
        "untitled:Untitled-1", "https://example.com/x.inf", "file:///pkg/%zz.inf", "file:///pkg/%4", "file:///pkg/%FF.inf", "fil",
    ])
    func refused(uri: String) {
        #expect(PathSyntax.windows.path(ofFileURI: uri) == nil)
        #expect(PathSyntax.posix.path(ofFileURI: uri) == nil)
    }
}
