import INFSyntax
import Testing

@Suite("Quotes (rows 16–20)")
struct QuoteTests {
    // MARK: Row 16

    @Test("row 16: a quote only switches literal mode; the marks are dropped")
    func quoteSwitchesLiteralMode() throws {
        let bytes = RowBytes.ansi("[A]\r\na = ab\"cd\"ef\r\nb = pre \"mid\" post\r\nc = \"x\" \"y\"\r\nd = \"a\"b\"c\"\r\nx\"; \"y\r\nplain = text\r\n")
        let tree = RowBytes.parse(bytes)
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["a", "b", "c", "d", nil, "plain"])
        #expect(lines.map(\.values) == [["abcdef"], ["pre mid post"], ["x y"], ["abc"], ["x; y"], ["text"]])
        #expect(lines[4].comments.isEmpty)
        // The token spans from its first character to the closing quote.
        #expect(tree.text(of: lines[0].fields[0].range) == "ab\"cd\"ef")
        #expect(tree.text(of: lines[2].fields[0].range) == "\"x\" \"y\"")
        #expect(tree.text(of: lines[4].fields[0].range) == "x\"; \"y")
        #expect(lines[0].fields[0].isQuoted)
        #expect(!lines[5].fields[0].isQuoted)
        #expect(tree.diagnostics(.unterminatedQuote).isEmpty)
        #expect(tree.print() == bytes)
    }

    // MARK: Row 17

    @Test("row 17: a doubled quote inside quotes is one quote")
    func doubledQuote() {
        let tree = RowBytes.parse("[A]\r\na = \"say \"\"hi\"\"\"\r\nb = \"\"\"\"\r\nc = \"a\"\"b\",\"\"\"\"\r\nd = \"\"\r\n")
        #expect(tree.entries.map(\.values) == [["say \"hi\""], ["\""], ["a\"b", "\""], [""]])
        #expect(tree.entries[3].fields[0].isQuoted)
        #expect(tree.diagnostics(.unterminatedQuote).isEmpty)
    }

    // MARK: Row 18

    @Test("row 18: an unterminated quote runs to the end of the line and keeps the CR")
    func unterminatedQuote() throws {
        let bytes = RowBytes.ansi("[A]\r\na = \"open, still ; inside\r\nb = 2\r\n")
        let tree = RowBytes.parse(bytes)
        let lines = tree.entries
        #expect(lines.count == 2)
        #expect(lines[0].values == ["open, still ; inside\r"])
        #expect(lines[0].comments.isEmpty)
        #expect(tree.text(of: lines[0].fields[0].range) == "\"open, still ; inside\r")
        #expect(lines[1].keyValue == "b" && lines[1].values == ["2"])
        let diagnostic = try #require(tree.diagnostics(.unterminatedQuote).first)
        #expect(diagnostic.line == 2)
        #expect(tree.readError == nil)
        #expect(tree.print() == bytes)
    }

    // MARK: Row 19

    @Test("row 19: quotes go at parse time, so `%x%` stays for substitution")
    func quotesKeepPercentNames() {
        let tree = RowBytes.parse("[A]\r\nl = \"%Greeting%\"\r\nm = %%x%%\r\n")
        #expect(tree.entries.map(\.values) == [["%Greeting%"], ["%%x%%"]])
        #expect(tree.entries[0].fields[0].isQuoted)
    }

    // MARK: Row 20

    @Test("row 20: a quoted key may hold `=`, `;` and `[`; single quotes are ordinary")
    func quotedKey() throws {
        let tree = RowBytes.parse("[A]\r\n\"k=with=equals\" = v2\r\n\"semi;colon[x\" = v3\r\n'single' = 'q'\r\ns = 'x;y'\r\n")
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["k=with=equals", "semi;colon[x", "'single'", "s"])
        #expect(lines.map(\.values) == [["v2"], ["v3"], ["'q'"], ["'x"]])
        let key = try #require(lines[0].key)
        #expect(key.isQuoted)
        #expect(tree.text(of: key.range) == "\"k=with=equals\"")
        #expect(lines[3].comments.map { tree.text(of: $0) } == [";y'"])
    }
}
