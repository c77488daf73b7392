import INFSyntax
import Testing

@Suite("Lines, whitespace and comments (rows 11–15)")
struct LineTests {
    // MARK: Row 11

    @Test("row 11: only LF ends a line; CR is trimmed at token ends but kept inside a value")
    func carriageReturn() throws {
        let bytes = RowBytes.ansi("[A]\r\nb = x\ry\r\nc = \r v \r\r\nd = \"open\r\ne = lf only\n")
        let tree = RowBytes.parse(bytes)
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["b", "c", "d", "e"])
        #expect(lines[0].values == ["x\ry"])
        #expect(lines[1].values == ["v"])
        #expect(lines[2].values == ["open\r"])
        #expect(lines[3].values == ["lf only"])
        #expect(lines.map(\.firstPhysicalLine) == [2, 3, 4, 5])
        #expect(tree.lineStarts.count == 6)
        let bare = try #require(tree.diagnostics(.bareCarriageReturn).first)
        #expect(bare.line == 2)
        #expect(tree.text(of: bare.range) == "\r")
        #expect(tree.print() == bytes)
    }

    @Test("row 11: a CR inside a key is kept too")
    func carriageReturnInKey() {
        let tree = RowBytes.parse("[A]\nk\rey = v\n")
        #expect(tree.entries.first?.keyValue == "k\rey")
        #expect(tree.entries.first?.values == ["v"])
    }

    // MARK: Row 12

    @Test("row 12: a file with CR-only line endings is one line")
    func crOnly() {
        let bytes = RowBytes.ansi("[Version]\rSignature=\"$Windows NT$\"\r[A]\rk=v\r")
        let tree = RowBytes.parse(bytes)
        #expect(tree.lines.count == 1)
        #expect(tree.lines[0].physicalLineCount == 1)
        #expect(tree.lineStarts == [0])
        #expect(tree.sectionNames == ["Version"])
        #expect(tree.entries.isEmpty)
        #expect(tree.sections[0].bodyLines.isEmpty)
        // Everything after `]` is ignored: the `A` of `[A]` (unit 36) is still on line 1.
        #expect(tree.text(of: 35..<38) == "[A]")
        #expect(tree.position(of: 36) == SourcePosition(line: 1, column: 37))
        #expect(tree.diagnostics(.bareCarriageReturn).first?.line == 1)
        #expect(tree.print() == bytes)
    }

    // MARK: Row 13

    @Test("row 13: space, tab, CR, FF, VT and NBSP are trimmed around keys and values")
    func whitespaceKindsANSI() throws {
        let bytes = RowBytes.ansi("[A]\r\n") + [0x09, 0x0B, 0x0C, 0x20, 0xA0]
            + RowBytes.ansi("key\u{A0}\t=\u{0C} \u{0B}value\u{0B}\u{0C}\r\u{A0} \r\n")
        let tree = RowBytes.parse(bytes)
        let line = try #require(tree.entries.first)
        #expect(line.keyValue == "key")
        #expect(line.values == ["value"])
        let key = try #require(line.key)
        #expect(tree.text(of: key.range) == "key")
        #expect(tree.text(of: line.fields[0].range) == "value")
        #expect(tree.firstOrphanLine == nil)
    }

    @Test("row 13: U+3000 and NBSP are whitespace in UTF-16 files too")
    func whitespaceKindsUTF16() throws {
        let tree = RowBytes.parse(RowBytes.utf16LE("[A]\r\n\u{3000}k\u{3000}=\u{3000}\u{A0}v\u{3000}\r\n"))
        let line = try #require(tree.entries.first)
        #expect(line.keyValue == "k")
        #expect(line.values == ["v"])
    }

    @Test("row 13: whitespace inside a token is kept exactly")
    func innerWhitespace() throws {
        let tree = RowBytes.parse("[A]\r\n  key with  inner   spaces  =  a  b\t\u{A0}c  , d  e \r\n")
        let line = try #require(tree.entries.first)
        #expect(line.keyValue == "key with  inner   spaces")
        #expect(line.values == ["a  b\t\u{A0}c", "d  e"])
    }

    // MARK: Row 14

    @Test("row 14: `;` starts a comment anywhere outside quotes, in key position too")
    func comments() throws {
        let bytes = RowBytes.ansi("; before\r\n[A]\r\ne;f = g\r\na = b ; c\r\n  ; whole line\r\nq = \"x;y\"\r\nk = v;w\r\n")
        let tree = RowBytes.parse(bytes)
        let lines = tree.entries
        #expect(lines.count == 4)
        #expect(lines[0].keyValue == nil)
        #expect(lines[0].values == ["e"])
        #expect(lines[0].comments.map { tree.text(of: $0) } == [";f = g"])
        #expect(lines[1].keyValue == "a" && lines[1].values == ["b"])
        #expect(lines[1].comments.map { tree.text(of: $0) } == ["; c"])
        #expect(lines[2].keyValue == "q" && lines[2].values == ["x;y"])
        #expect(lines[2].comments.isEmpty)
        #expect(lines[3].keyValue == "k" && lines[3].values == ["v"])
        // Comment-only lines are kept in the tree, but hold no entry.
        let commentOnly = tree.lines.filter { !$0.isEntry && !$0.comments.isEmpty && $0.header == nil }
        #expect(commentOnly.map { tree.text(of: $0.comments[0]) } == ["; before", "; whole line"])
        #expect(tree.firstOrphanLine == nil)
        #expect(tree.print() == bytes)
    }

    // MARK: Row 15

    @Test("row 15: everything after the first `]` of a header is ignored")
    func headerTail() throws {
        let bytes = RowBytes.ansi("[trailing]junk = x\r\na = 1\r\n[x]]\r\nb = 2\r\n[Name] ; comment\r\nc = 3\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.sectionNames == ["trailing", "x", "Name"])
        let headers = tree.sections.map { tree.lines[$0.headerLine] }
        #expect(headers.allSatisfy { !$0.isEntry })
        #expect(tree.sections.map { tree.text(of: $0.header.range) } == ["[trailing]", "[x]", "[Name]"])
        #expect(tree.sections.map(\.header.isTerminated) == [true, true, true])
        #expect(headers[0].comments.isEmpty)
        #expect(headers[1].comments.isEmpty)
        #expect(headers[2].comments.map { tree.text(of: $0) } == ["; comment"])
        #expect(tree.entries.map(\.keyValue) == ["a", "b", "c"])
        #expect(tree.print() == bytes)
    }
}
