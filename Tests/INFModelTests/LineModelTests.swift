import INFModel
import INFSyntax
import Testing

@Suite("Lines and sections through the model (rows 14, 24, 27–33)")
struct LineModelTests {
    static func section(_ body: String, name: String = "A") throws -> INFSection {
        let document = RowINF.document(RowINF.version + "[\(name)]\r\n" + body)
        return try #require(document.section(named: name))
    }

    @Test("row 9: a lone surrogate in a UTF-16LE file keeps its code unit in the model and dumps as a JSON escape")
    func loneSurrogate() throws {
        var bytes = RowINF.utf16LE(RowINF.version + "[A]\r\nk = a")
        bytes += [0x00, 0xDC]  // a lone low surrogate
        bytes += RowINF.utf16LE("b\r\n", bom: false)
        let document = RowINF.document(bytes)
        #expect(document.openError(style: .win4) == nil)
        #expect(document.rowValue("k").map(UTF16Text.units(of:)) == Array("a".utf16) + [0xDC00] + Array("b".utf16))
        var json = JSONWriter()
        json.string(document.rowValue("k"))
        #expect(json.output == #""a\udc00b""#)
        #expect(document.tree.print() == bytes)
    }

    @Test("row 14: `e;f = g` is a line with one field `e`, which is also its key")
    func commentInKeyPosition() throws {
        let line = try #require(try Self.section("e;f = g\r\n").lines.first)
        #expect(line.key == "e")
        #expect(!line.hasExplicitKey)
        #expect(line.fields == ["e"])
    }

    @Test("row 24: a header swallowed by a continuation never exists")
    func swallowedHeader() throws {
        let document = RowINF.document(RowINF.version + "[A]\r\na = value with backslash \\\r\n[B]\r\nb = 1\r\n")
        #expect(!document.hasSection("B"))
        #expect(document.sections.map(\.name) == ["Version", "A"])
        #expect(document.section(named: "A")?.lines.map(\.fields) == [["value with backslash[B]"], ["1"]])
        #expect(document.section(named: "A")?.lines.map(\.lineNumber) == [4, 6])
    }

    @Test("row 25: a value ending in a backslash swallows the next line, DIRIDs and all")
    func valueEndingInBackslash() throws {
        let document = RowINF.document(RowINF.version + "[Strings]\r\nah = path\\%30%\\\r\nai = next\r\n",
                                       directories: RowINF.reference())
        let strings = try #require(document.section(named: "Strings"))
        #expect(strings.lines.map(\.key) == ["ah"])
        #expect(strings.lines.first?.rawFields == [#"path\%30%ai = next"#])
        #expect(strings.lines.first?.fields == [#"path\C:\ai = next"#])
    }

    @Test("row 27: a single field is the key too; more fields mean no key")
    func singleFieldIsKey() throws {
        let lines = try Self.section("single\r\nsingle = single\r\ntwo,fields\r\n").lines
        #expect(lines.map(\.key) == ["single", "single", nil])
        #expect(lines.map(\.rawKey) == ["single", "single", nil])
        #expect(lines.map(\.fields) == [["single"], ["single"], ["two", "fields"]])
        #expect(lines.map(\.hasExplicitKey) == [false, true, false])
        #expect(lines[0].text == lines[1].text)
    }

    @Test("row 28: later `=` are data; an `=` after a comma is data")
    func equalsSplitting() throws {
        let lines = try Self.section("k==v\r\na=b=c\r\nk , x = y\r\n").lines
        #expect(lines.map(\.key) == ["k", "a", nil])
        #expect(lines.map(\.fields) == [["=v"], ["b=c"], ["k", "x = y"]])
    }

    @Test("row 29: an empty key is allowed; `k=` has one empty field")
    func emptyKey() throws {
        let lines = try Self.section("=v\r\nk=\r\n").lines
        #expect(lines.map(\.key) == ["", "k"])
        #expect(lines.map(\.hasExplicitKey) == [true, true])
        #expect(lines.map(\.fields) == [["v"], [""]])
    }

    @Test("row 30: empty fields are kept")
    func emptyFields() throws {
        let lines = try Self.section("a,,b\r\na,b,\r\n,\r\nk = , ,\r\n").lines
        #expect(lines.map(\.fields.count) == [3, 3, 2, 3])
        #expect(lines.map(\.key) == [nil, nil, nil, "k"])
        #expect(lines[3].fields == ["", "", ""])
        #expect(lines[1].field(3) == "")
        #expect(lines[1].field(4) == nil)
    }

    @Test("row 31: text is the substituted fields joined by commas, without the key")
    func lineText() throws {
        let document = RowINF.document(RowINF.version + "[A]\r\ne = \"x,y\",z\r\nk = a, %G%\r\nsingle\r\n[Strings]\r\nG = b\r\n")
        let lines = try #require(document.section(named: "A")).lines
        #expect(lines.map(\.text) == ["x,y,z", "a,b", "single"])
        #expect(lines[0].fields.count == 2)
    }

    @Test("row 32: section names are untrimmed and found as written, ignoring case")
    func untrimmedNames() throws {
        let document = RowINF.document(RowINF.version + "[ Padded ]\r\na=1\r\n[]\r\nb=2\r\n  [Semi;colon=x]\r\nc=3\r\n")
        #expect(document.sections.map(\.name) == ["Version", " Padded ", "", "Semi;colon=x"])
        #expect(document.section(named: " padded ")?.lines.first?.key == "a")
        #expect(document.section(named: "Padded") == nil)
        #expect(document.section(named: "")?.lines.first?.key == "b")
        #expect(document.section(named: "semi;COLON=x")?.lines.first?.key == "c")
    }

    @Test("row 33: duplicate sections merge, in file order, keeping the first spelling")
    func duplicatesMerge() throws {
        let document = RowINF.document(RowINF.version + "[A]\r\nx=1\r\n[B]\r\ny=2\r\n[a]\r\nz=3\r\n[A]\r\nw=4\r\n[VERSION]\r\nClass=Net\r\n")
        #expect(document.sections.map(\.name) == ["Version", "A", "B"])
        let merged = try #require(document.section(named: "a"))
        #expect(merged.name == "A")
        #expect(merged.lines.map(\.key) == ["x", "z", "w"])
        #expect(merged.lines.map(\.lineNumber) == [4, 8, 10])
        #expect(merged.headers == [1, 3, 4])
        #expect(document.section(named: "Version")?.lines.map(\.key) == ["Signature", "Class"])
        #expect(document.openError(style: .win4) == nil)
    }

    @Test("row 37: a `[` inside a value is data, not a section")
    func bracketInValue() throws {
        let document = RowINF.document(RowINF.version + "[A]\r\na = [not a section]\r\n")
        #expect(document.sections.map(\.name) == ["Version", "A"])
        #expect(document.rowValue("a") == "[not a section]")
    }
}
