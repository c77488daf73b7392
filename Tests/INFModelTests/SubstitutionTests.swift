import INFModel
import INFSyntax
import Testing

@Suite("%strkey% substitution (rows 19, 42–50)")
struct SubstitutionTests {
    static let strings = """
    [Strings]\r
    Greeting = Hello\r
    Nested = "%Greeting% again"\r
    pct = 50%%\r
    Multi = first,second\r
    KeyOnly\r
    Empty = ""\r
    Dup = first-dup\r
    dup = second-dup\r
    a b = spaced\r
    Spaced Key = also spaced\r
    Sig = "$Windows NT$"\r
    10 = ten\r

    """

    static func document(_ body: String, locale: StringsLocale = .english,
                         directories: DirectoryRendering = .keep) -> INFDocument {
        RowINF.document(RowINF.version + "[A]\r\n" + body + strings, locale: locale, directories: directories)
    }

    // MARK: Row 19

    @Test("row 19: quotes do not stop substitution; only %% gives a literal percent")
    func quotesDoNotStopSubstitution() throws {
        let document = Self.document("l = \"%Greeting%\"\r\nm = %%Greeting%%\r\nn = \"%%x%%\"\r\n")
        #expect(document.rowValue("l") == "Hello")
        #expect(document.rowValue("m") == "%Greeting%")
        #expect(document.rowValue("n") == "%x%")
        let line = try #require(document.section(named: "A")?.firstLine(withKey: "l"))
        #expect(line.rawFields == ["%Greeting%"])
    }

    // MARK: Row 42

    @Test("row 42: keys are substituted and found by their substituted text only")
    func keysSubstituted() throws {
        let document = Self.document("%Greeting% = world\r\n%Greeting%\r\n")
        let section = try #require(document.section(named: "A"))
        #expect(section.lines.map(\.key) == ["Hello", "Hello"])
        #expect(section.lines.map(\.rawKey) == ["%Greeting%", "%Greeting%"])
        #expect(section.lines.map(\.fields) == [["world"], ["Hello"]])
        #expect(section.firstLine(withKey: "hELLO")?.field(1) == "world")
        #expect(section.lines(withKey: "hello").count == 2)
        #expect(section.firstLine(withKey: "%Greeting%") == nil)
    }

    @Test("row 42: substitution happens in every section")
    func everySection() {
        let document = RowINF.document(RowINF.version + "[B]\r\nx = %Greeting%\r\n[C.NTamd64]\r\ny = %greeting%, %GREETING%\r\n" + Self.strings)
        #expect(document.rowValue("x", in: "B") == "Hello")
        #expect(document.section(named: "c.ntamd64")?.firstLine(withKey: "y")?.fields == ["Hello", "Hello"])
        #expect(document.substitute("<%Greeting%>") == "<Hello>")
    }

    // MARK: Row 43

    @Test("row 43: section and key names compare without case; the first matching line wins")
    func caseAndFirstLine() {
        let document = RowINF.document(RowINF.version + "[A]\r\nd = %DUP%\r\ne = %dup%\r\n[sTrInGs]\r\nDup = first-dup\r\ndup = second-dup\r\n")
        #expect(document.rowValue("d") == "first-dup")
        #expect(document.rowValue("e") == "first-dup")
        #expect(document.strings.value(for: "DUP") == "first-dup")
    }

    static let localized = RowINF.version + """
    [A]\r
    a = %OnlyExact%\r
    b = %Neutral%\r
    c = %Sibling%\r
    d = %Plain%\r
    [Strings]\r
    OnlyExact = plain-exact\r
    Neutral = plain-neutral\r
    Sibling = plain-sibling\r
    Plain = plain\r
    [Strings.0C07]\r
    OnlyExact = sibling-exact\r
    Neutral = sibling-neutral\r
    Sibling = sibling\r
    [Strings.0007]\r
    OnlyExact = neutral-exact\r
    Neutral = neutral\r
    [Strings.0407]\r
    OnlyExact = exact\r
    [Strings.0409]\r
    OnlyExact = english\r
    Neutral = english\r
    Sibling = english\r
    Plain = english\r

    """

    @Test("row 43: [Strings.LLLL] is read by exact LANGID, then the neutral language, then the same language, then [Strings]")
    func localeOrder() {
        let german = RowINF.document(Self.localized, locale: .language(0x0407))
        #expect(german.rowValue("a") == "exact")
        #expect(german.rowValue("b") == "neutral")
        #expect(german.rowValue("c") == "sibling")
        #expect(german.rowValue("d") == "plain")
        #expect(german.strings.sectionNames == ["Strings.0407", "Strings.0007", "Strings.0C07", "Strings"])

        // Swiss German: no exact section, so the neutral section comes first, then the first section of
        // the same primary language in file order.
        let swiss = RowINF.document(Self.localized, locale: .language(0x0807))
        #expect(swiss.rowValue("a") == "neutral-exact")
        #expect(swiss.rowValue("c") == "sibling")
        #expect(swiss.strings.sectionNames == ["Strings.0007", "Strings.0C07", "Strings"])

        let english = RowINF.document(Self.localized, locale: .english)
        #expect(english.rowValue("a") == "english")
        #expect(english.rowValue("d") == "english")
        #expect(english.strings.sectionNames == ["Strings.0409", "Strings"])

        let french = RowINF.document(Self.localized, locale: .language(0x040C))
        #expect([french.rowValue("a"), french.rowValue("b"), french.rowValue("c"), french.rowValue("d")]
            == ["plain-exact", "plain-neutral", "plain-sibling", "plain"])
    }

    @Test("row 43: StringsLocale.none reads [Strings] only, as Wine does")
    func localeNone() {
        let document = RowINF.document(Self.localized, locale: .none)
        #expect(document.rowValue("a") == "plain-exact")
        #expect(document.rowValue("d") == "plain")
        #expect(document.strings.sectionNames == ["Strings"])
    }

    @Test("row 43: localized section names compare without case and need four hexadecimal digits")
    func localizedSectionNames() {
        let text = RowINF.version + "[A]\r\nk = %K%\r\n[strings.040c]\r\nK = fr\r\n[Strings]\r\nK = plain\r\n"
        #expect(RowINF.document(text, locale: .language(0x040C)).rowValue("k") == "fr")
        for name in ["Strings.+409", "Strings.-409", "Strings. 409", "Strings.409 ", "Strings.x409"] {
            let odd = RowINF.document(RowINF.version + "[A]\r\nk = %K%\r\n[\(name)]\r\nK = odd\r\n[Strings]\r\nK = plain\r\n")
            #expect(odd.rowValue("k") == "plain", "\(name)")
        }
    }

    @Test("row 43: StringsLocale parses `none` and four hexadecimal digits")
    func localeParsing() {
        #expect(StringsLocale(parsing: "0409") == .english)
        #expect(StringsLocale(parsing: "0x0C07") == .language(0x0C07))
        #expect(StringsLocale(parsing: "NONE") == StringsLocale.none)
        #expect(StringsLocale(parsing: "") == nil)
        #expect(StringsLocale(parsing: "12345") == nil)
        #expect(StringsLocale(parsing: "04g9") == nil)
        #expect(StringsLocale.language(0x0407).description == "0407")
    }

    // MARK: Row 44

    @Test("row 44: the value is the first field of the strings line")
    func firstFieldOnly() {
        let document = Self.document("m = %Multi%\r\nk = %KeyOnly%\r\ne = <%Empty%>\r\n")
        #expect(document.rowValue("m") == "first")
        #expect(document.rowValue("k") == "KeyOnly")
        #expect(document.rowValue("e") == "<>")
    }

    // MARK: Row 45

    @Test("row 45: substitution is not recursive, but the strings lines read substituted")
    func notRecursive() throws {
        let document = Self.document("n = %Nested%\r\np = %pct%\r\n")
        #expect(document.rowValue("n") == "%Greeting% again")
        #expect(document.rowValue("p") == "50%%")
        let strings = try #require(document.section(named: "Strings"))
        #expect(strings.firstLine(withKey: "Nested")?.field(1) == "Hello again")
        #expect(strings.firstLine(withKey: "Nested")?.rawField(1) == "%Greeting% again")
        #expect(strings.firstLine(withKey: "pct")?.field(1) == "50%")
    }

    // MARK: Row 46

    @Test("row 46: unknown names, an unterminated name, a lone % and a%b are kept")
    func unknownKept() {
        let document = Self.document("u = %Unknown%\r\nv = %Unknown\r\nw = %\r\nx = a%b\r\ny = 100%\r\n")
        #expect(["u", "v", "w", "x", "y"].map { document.rowValue($0) }
            == ["%Unknown%", "%Unknown", "%", "a%b", "100%"])
    }

    @Test("row 46: with no [Strings] section only %% and DIRIDs are replaced")
    func noStringsSection() {
        let text = RowINF.version + "[A]\r\na = %Greeting%\r\nb = 100%%\r\nc = %10%\\x\r\n"
        let document = RowINF.document(text, directories: RowINF.reference())
        #expect(document.strings.isEmpty)
        #expect(document.rowValue("a") == "%Greeting%")
        #expect(document.rowValue("b") == "100%")
        #expect(document.rowValue("c") == #"C:\windows\x"#)
    }

    // MARK: Row 47

    @Test("row 47: %% gives one percent sign")
    func doublePercent() {
        let document = Self.document("a = 100%%\r\nb = %%%Greeting%%%\r\nc = %%Greeting%%\r\nd = %%%%\r\n")
        #expect(["a", "b", "c", "d"].map { document.rowValue($0) } == ["100%", "%Hello%", "%Greeting%", "%%"])
    }

    // MARK: Row 48

    @Test("row 48: a comma inside %…% still splits the field; names may hold spaces")
    func commaAndSpaces() throws {
        let document = Self.document("w = %with,comma%\r\ns = %a b%, %Spaced Key%, %SPACED KEY%\r\n")
        let split = try #require(document.section(named: "A")?.firstLine(withKey: "w"))
        #expect(split.fields == ["%with", "comma%"])
        #expect(document.section(named: "A")?.firstLine(withKey: "s")?.fields == ["spaced", "also spaced", "also spaced"])
    }

    // MARK: Row 49

    @Test("row 49: a number not found in [Strings] is a DIRID")
    func dirids() {
        let body = """
        a = %11%\r
        b = %0011%\r
        c = %0x0A%\r
        d = <%-1%>\r
        e = <%0%>\r
        f = %99999%\r
        g = %30%\\boot.ini\r
        h = %30%\r
        i = %12%\\drivers\\x.sys\r
        j = %10%\r

        """
        let document = Self.document(body, directories: RowINF.reference())
        #expect(["a", "b", "c", "d", "e", "f", "g", "h", "i"].map { document.rowValue($0) } == [
            #"C:\windows\system32"#, #"C:\windows\system32"#, "%0x0A%", "<>", "<>", "%99999%",
            #"C:\boot.ini"#, #"C:\"#, #"C:\windows\system32\drivers\drivers\x.sys"#,
        ])
        // A [Strings] key of the same name wins over the DIRID.
        #expect(document.rowValue("j") == "ten")
    }

    @Test("row 49: the reference table gives C:\\windows for DIRID 10")
    func dirid10() {
        let document = RowINF.document(RowINF.version + "[A]\r\na = %10%\r\nb = %0010%\\inf\r\n", directories: RowINF.reference())
        #expect(document.rowValue("a") == #"C:\windows"#)
        #expect(document.rowValue("b") == #"C:\windows\inf"#)
        #expect(DirectoryTable.reference.path(for: 10) == #"C:\windows"#)
        #expect(DirectoryTable.reference.path(for: 99999) == nil)
    }

    @Test("row 49: by default DIRIDs stay as written")
    func diridsKept() {
        let document = Self.document("a = %12%\\x.sys\r\nb = %Greeting% %11%\r\n")
        #expect(document.rowValue("a") == #"%12%\x.sys"#)
        #expect(document.rowValue("b") == "Hello %11%")
    }

    @Test("row 49: pieces keep DIRIDs apart from substituted text")
    func pieces() {
        let document = Self.document("")
        let substituter = document.substituter
        #expect(substituter.pieces(#"%12%\%Greeting%.sys"#) == [.dirid(12), .text(#"\Hello.sys"#)])
        #expect(substituter.pieces("%0010%") == [.dirid(10)])
        #expect(substituter.pieces("a%%b") == [.text("a%b")])
        #expect(substituter.pieces("%0x0A%") == [.text("%0x0A%")])
        #expect(substituter.pieces("%10%") == [.text("ten")])
        #expect(substituter.pieces("plain") == [.text("plain")])
        #expect(substituter.pieces("") == [])
    }

    // MARK: Row 50

    @Test("row 50: DIRID 1 is the INF's own folder with a trailing backslash")
    func dirid1() {
        let body = "a = %1%x\r\nb = %1%\\y\r\nc = %1%\r\n"
        let placed = Self.document(body, directories: RowINF.reference(source: #"Z:\pkg\cases\"#))
        #expect(placed.rowValue("a") == #"Z:\pkg\cases\x"#)
        #expect(placed.rowValue("b") == #"Z:\pkg\cases\y"#)
        #expect(placed.rowValue("c") == #"Z:\pkg\cases\"#)
        let unplaced = Self.document(body, directories: RowINF.reference())
        #expect(unplaced.rowValue("a") == "%1%x")
    }

    @Test("row 50: DIRID 13 is Wine's placeholder in the reference table and the driver store natively")
    func dirid13() {
        #expect(DirectoryTable.reference.path(for: 13) == #"C:\windows\system32\unknown"#)
        let native = DirectoryTable.native(infName: "Sample.inf", architecture: "amd64")
        #expect(native.path(for: 13) == #"C:\Windows\System32\DriverStore\FileRepository\sample.inf_amd64_<hash>"#)
        let document = Self.document("a = %13%\\b.sys\r\n", directories: .table(native))
        #expect(document.rowValue("a") == #"C:\Windows\System32\DriverStore\FileRepository\sample.inf_amd64_<hash>\b.sys"#)
    }

    // MARK: Row 10 (substituted strings)

    @Test("row 10: a field is cut at 4,096 characters after substitution, as native Windows 10 1709 and later cut it")
    func longStringValue() {
        let long = String(repeating: "s", count: 5000)
        let document = RowINF.document(RowINF.version + "[A]\r\nk = <%Long%>\r\nw = \(long)\r\n[Strings]\r\nLong = \(long)\r\n")
        #expect(document.rowValue("k") == "<" + String(repeating: "s", count: 4095))
        // As written too; the syntax tree keeps every character.
        #expect(document.rowValue("w") == String(repeating: "s", count: 4096))
        #expect(document.section(named: "A")?.lines.last?.rawField(1)?.count == 5000)
    }

    @Test("a field that is one whole %name% gives what the general walk gives: value, DIRID or the text as written")
    func wholeNames() {
        let document = Self.document("x = 1\r\n")
        let keep = document.substituter
        #expect(keep.substitute("%Greeting%") == "Hello")
        #expect(keep.substitute("%greeting%") == "Hello")
        #expect(keep.substitute("%10%") == "ten", "a strings key named like a DIRID wins")
        #expect(keep.substitute("%12%") == "%12%", "DIRIDs stay as written when kept")
        #expect(keep.substitute("%Missing%") == "%Missing%")
        #expect(keep.substitute("%Empty%") == "")
        #expect(keep.pieces("%Greeting%") == [.text("Hello")])
        #expect(keep.pieces("%Empty%") == [])
        #expect(keep.pieces("%12%") == [.dirid(12)])
        #expect(keep.pieces("% 12%") == [.dirid(12)], "read like strtol: leading blanks")
        #expect(keep.pieces("%Missing%") == [.text("%Missing%")])
        #expect(keep.pieces("%Greeting%x") == [.text("Hellox")])
        let table = Substituter(strings: document.strings, rendering: .table(.reference))
        #expect(table.substitute("%11%") == DirectoryTable.reference.path(for: 11))
        #expect(table.substitute("%11%\\x.dll") == (DirectoryTable.reference.path(for: 11) ?? "") + "\\x.dll")
    }
}
