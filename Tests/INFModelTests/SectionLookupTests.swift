import INFModel
import Testing

/// Looking lines up by key gives the same answers in a short section (scanned) as in a long one
/// (indexed), and a section's base name is the name up to its first dot.
@Suite("Section look-ups")
struct SectionLookupTests {
    static func section(lines: Int) throws -> INFSection {
        var body = "CopyFiles = a\r\nAddReg = r1\r\ncopyfiles = b\r\n\u{212A}ey = kelvin\r\n"
        for index in 0..<lines { body += "Filler\(index) = x\r\n" }
        return try #require(RowINF.document(RowINF.utf16LE(RowINF.version + "[Install]\r\n" + body)).section(named: "Install"))
    }

    @Test("a section of a few lines and one of many answer alike", arguments: [0, 40])
    func lookups(filler: Int) throws {
        let section = try Self.section(lines: filler)
        #expect(section.lines(withKey: "COPYFILES").map { $0.field(1) } == ["a", "b"])
        #expect(section.firstLine(withKey: "copyFiles")?.field(1) == "a")
        #expect(section.hasKey(CaseInsensitiveKey("addreg")))
        #expect(section.firstLine(withKey: "key")?.field(1) == "kelvin")
        #expect(!section.hasKey(CaseInsensitiveKey("DelReg")))
        #expect(section.lines(withKey: "CopyFile").isEmpty)
    }

    @Test("the base name is the name up to its first dot, leading dots skipped")
    func baseName() throws {
        for (name, base) in [("SourceDisksFiles.amd64", "SourceDisksFiles"), ("Strings", "Strings"), ("a..b", "a"),
                             ("Ünï.x", "Ünï"), ("DDInstall.NTamd64.10.0...17763", "DDInstall")] {
            let document = RowINF.document(RowINF.utf16LE(RowINF.version + "[\(name)]\r\nk = v\r\n"))
            let section = try #require(document.section(named: name), "\(name)")
            #expect(section.baseName == base[...], "\(name)")
            #expect(section.baseName == name.split(separator: ".", maxSplits: 1).first ?? "", "\(name)")
        }
    }
}
