import INFSyntax
import Testing

@Suite("Sections (rows 32–37)")
struct SectionTests {
    // MARK: Row 32

    @Test("row 32: a section name is everything between `[` and the first `]`, untrimmed")
    func untrimmedNames() throws {
        let bytes = RowBytes.ansi("[ Padded ]\r\na=1\r\n[tab\tname;x=y\"z[w]\r\nb=2\r\n[]\r\nc=3\r\n   [Indented]\r\nd=4\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.sectionNames == [" Padded ", "tab\tname;x=y\"z[w", "", "Indented"])
        #expect(tree.sections.map { tree.text(of: $0.header.nameRange) } == [" Padded ", "tab\tname;x=y\"z[w", "", "Indented"])
        #expect(tree.sections.indices.map { tree.entries(inSection: $0).map(\.keyValue) } == [["a"], ["b"], ["c"], ["d"]])
        #expect(tree.position(of: tree.sections[3].header.range.lowerBound) == SourcePosition(line: 7, column: 4))
        #expect(tree.readError == nil)
        #expect(tree.print() == bytes)
    }

    // MARK: Row 33

    @Test("row 33: duplicate headers stay separate in the tree, in file order")
    func duplicatesInTree() {
        let tree = RowBytes.parse("[A]\r\nx=1\r\n[B]\r\ny=2\r\n[a]\r\nz=3\r\n[A]\r\nw=4\r\n")
        #expect(tree.sectionNames == ["A", "B", "a", "A"])
        #expect((0..<4).map { tree.entries(inSection: $0).map(\.keyValue) } == [["x"], ["y"], ["z"], ["w"]])
    }

    // MARK: Row 34

    @Test("row 34: a section name of 255 characters is fine")
    func name255() {
        let name = String(repeating: "n", count: 255)
        let tree = RowBytes.parse("[A]\r\n[\(name)]\r\nk=v\r\n")
        #expect(tree.sectionNames == ["A", name])
        #expect(tree.readError == nil)
        #expect(tree.diagnostics(.sectionNameTooLong).isEmpty)
    }

    @Test("row 34: a section name of 256 characters is an error on its line")
    func name256() throws {
        let name = String(repeating: "n", count: 256)
        let tree = RowBytes.parse("[A]\r\nk=v\r\n[\(name)]\r\nk=v\r\n")
        let error = try #require(tree.readError)
        #expect(error.code == .sectionNameTooLong)
        #expect(error.line == 3)
        #expect(tree.diagnostics(.sectionNameTooLong).map(\.line) == [3])
    }

    // MARK: Row 35

    @Test("row 35: a missing `]` is an error, counted in physical lines")
    func unterminatedHeader() throws {
        let bytes = RowBytes.ansi("[A]\r\nk = a\\\r\nb\r\n[B\r\nc = d\r\n")
        let tree = RowBytes.parse(bytes)
        let error = try #require(tree.readError)
        #expect(error.code == .badSectionNameLine)
        #expect(error.line == 4)
        let diagnostic = try #require(tree.diagnostics(.unterminatedSectionHeader).first)
        #expect(diagnostic.line == 4)
        let header = try #require(tree.sections.last?.header)
        #expect(!header.isTerminated)
        #expect(header.name == "B")
        #expect(tree.print() == bytes)
    }

    @Test("row 35: a missing `]` on the last line, with no line end, is an error too")
    func unterminatedHeaderAtEnd() throws {
        let tree = RowBytes.parse("[A]\r\nk=v\r\n[B")
        let error = try #require(tree.readError)
        #expect(error.code == .badSectionNameLine)
        #expect(error.line == 3)
    }

    // MARK: Row 36

    @Test("row 36: text before the first section is reported at its line")
    func textBeforeFirstSection() throws {
        let bytes = RowBytes.ansi("; a comment is fine\r\n\r\norphan = text\r\n[A]\r\nk=v\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.firstOrphanLine == 3)
        #expect(tree.diagnostics(.textBeforeFirstSection).map(\.line) == [3])
        #expect(tree.lines.filter(\.isOrphan).count == 1)
        #expect(tree.sectionNames == ["A"])
        #expect(tree.print() == bytes)
    }

    @Test("row 36: comments and blank lines before the first section are not orphan text")
    func commentsBeforeFirstSection() {
        let tree = RowBytes.parse("; comment\r\n  \t\r\n[A]\r\nk=v\r\n")
        #expect(tree.firstOrphanLine == nil)
        #expect(tree.diagnostics(.textBeforeFirstSection).isEmpty)
    }

    // MARK: Row 37

    @Test("row 37: a `[` inside a value is plain data")
    func bracketInValue() {
        let tree = RowBytes.parse("[A]\r\na = [not a section]\r\nb = x[y]z\r\n")
        #expect(tree.sectionNames == ["A"])
        #expect(tree.entries.map(\.values) == [["[not a section]"], ["x[y]z"]])
    }
}
