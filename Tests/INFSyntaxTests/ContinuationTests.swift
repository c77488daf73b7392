import INFSyntax
import Testing

@Suite("Line continuation (rows 21–26)")
struct ContinuationTests {
    // MARK: Row 21

    @Test("row 21: a backslash continues only before whitespace or a comment")
    func continuationOrLiteral() throws {
        let bytes = RowBytes.ansi("[A]\r\nc = x\\;comment\r\n  y\r\ns = x\\   ; spaced\r\n  z\r\np = C:\\dir\\file\r\nq = back\\ slash\r\nr = \\\\server\\share\r\n")
        let tree = RowBytes.parse(bytes)
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["c", "s", "p", "q", "r"])
        #expect(lines.map(\.values) == [["xy"], ["xz"], ["C:\\dir\\file"], ["back\\ slash"], ["\\\\server\\share"]])
        #expect(lines.map(\.firstPhysicalLine) == [2, 4, 6, 7, 8])
        #expect(lines.map(\.physicalLineCount) == [2, 2, 1, 1, 1])
        #expect(lines[0].comments.map { tree.text(of: $0) } == [";comment"])
        #expect(lines[1].comments.map { tree.text(of: $0) } == ["; spaced"])
        #expect(tree.print() == bytes)
    }

    // MARK: Row 22

    @Test("row 22: continued pieces are joined with no space")
    func joinedWithoutSpace() throws {
        let tree = RowBytes.parse("[A]\r\nb = one \\\r\n    two\r\nf = a, \\\r\n   b\r\n")
        let lines = tree.entries
        #expect(lines.map(\.values) == [["onetwo"], ["a", "b"]])
        // The token covers both physical lines.
        #expect(tree.text(of: lines[0].fields[0].range) == "one \\\r\n    two")
        #expect(tree.position(of: lines[0].fields[0].range.upperBound - 1) == SourcePosition(line: 3, column: 7))
    }

    // MARK: Row 23

    @Test("row 23: a run of trailing backslashes all vanish")
    func backslashRun() {
        let tree = RowBytes.parse("[A]\r\nd = double\\\\\r\nnext\r\nt = a\\\\\\ \r\nb\r\n")
        #expect(tree.entries.map(\.values) == [["doublenext"], ["ab"]])
        #expect(tree.entries.map(\.physicalLineCount) == [2, 2])
    }

    @Test("row 23: a line holding only a backslash merges into the next line")
    func lonelyBackslash() throws {
        let tree = RowBytes.parse("[A]\r\n\\\r\nk = v\r\nm = w\r\n")
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["k", "m"])
        #expect(lines[0].values == ["v"])
        #expect(lines[0].firstPhysicalLine == 2)
        #expect(lines[0].physicalLineCount == 2)
        #expect(lines[1].firstPhysicalLine == 4)
    }

    // MARK: Row 24

    @Test("row 24: a continuation swallows even a section header")
    func continuationIntoHeader() throws {
        let bytes = RowBytes.ansi("[A]\r\na = value with backslash \\\r\n[B]\r\nb = 1\r\n[C]\r\nc = 2\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.sectionNames == ["A", "C"])
        #expect(tree.entries(inSection: 0).map(\.values) == [["value with backslash[B]"], ["1"]])
        #expect(tree.entries(inSection: 0).map(\.firstPhysicalLine) == [2, 4])
        #expect(tree.entries(inSection: 1).map(\.keyValue) == ["c"])
        #expect(tree.readError == nil)
        #expect(tree.print() == bytes)
    }

    // MARK: Row 25

    @Test("row 25: a value ending in a backslash always continues")
    func valueEndingInBackslash() {
        let tree = RowBytes.parse("[Strings]\r\nah = path\\%30%\\\r\nai = next\r\naj = last\r\n")
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["ah", "aj"])
        #expect(lines[0].values == ["path\\%30%ai = next"])
    }

    // MARK: Row 26

    @Test("row 26: a blank or comment-only line ends a continued line")
    func blankOrCommentEndsContinuation() throws {
        let tree = RowBytes.parse("[A]\r\ni = before,\\\r\n\r\nj = after\r\nk = a\\\r\n; comment only\r\nl = b\r\n")
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["i", "j", "k", "l"])
        #expect(lines.map(\.values) == [["before", ""], ["after"], ["a"], ["b"]])
        #expect(lines.map(\.firstPhysicalLine) == [2, 4, 5, 7])
        #expect(lines[2].comments.map { tree.text(of: $0) } == ["; comment only"])
    }

    @Test("row 26: there is no continuation inside quotes")
    func noContinuationInQuotes() {
        let tree = RowBytes.parse("[A]\r\nq = \"a\\\r\nm = n\r\n")
        #expect(tree.entries.map(\.keyValue) == ["q", "m"])
        #expect(tree.entries.map(\.values) == [["a\\\r"], ["n"]])
        #expect(tree.diagnostics(.unterminatedQuote).map(\.line) == [2])
    }

    @Test("row 26: a continuation inside a key works")
    func continuationInKey() throws {
        let tree = RowBytes.parse("[A]\r\nkey\\\r\nname = value\r\n")
        let line = try #require(tree.entries.first)
        #expect(line.keyValue == "keyname")
        #expect(line.values == ["value"])
        #expect(line.physicalLineCount == 2)
    }
}
