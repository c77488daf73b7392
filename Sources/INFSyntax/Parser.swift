/// Reads INF text into a lossless syntax tree with SetupAPI's tokenizing rules.
///
/// The parser is a state machine over UTF-16 code units with the states SetupAPI's own reader has
/// (line start, section name, key, value, quotes, leading and trailing spaces, backslash at end of
/// line, comment), so that keys, fields and section names come out exactly as SetupAPI returns them.
/// Unlike SetupAPI it does not stop at the first error: it records it and reads on, so that every
/// byte of the file is still in the tree.
public enum INFParser {
    /// Parses a file already read from disk.
    public static func parse(_ source: SourceFile) -> SyntaxTree {
        source.text.units.withUnsafeBufferPointer { buffer in
            var machine = StateMachine(units: buffer)
            machine.run()
            return SyntaxTree(source: source, machine: machine)
        }
    }

    /// Parses `bytes` as the content of a file at `path`.
    public static func parse(bytes: [UInt8], path: String = "<memory>") -> SyntaxTree {
        parse(SourceFile(path: path, bytes: bytes))
    }
}

/// The parser's state machine. Positions are code-unit indices into the decoded text.
struct StateMachine {
    private typealias C = CharacterClass

    enum State {
        case lineStart, sectionName, keyName, valueName, eolBackslash, quotes
        case leadingSpaces, trailingSpaces, comment
    }

    let u: UnsafeBufferPointer<UInt16>
    /// Where reading stops: the first Ctrl-Z, or the end of the text.
    let end: Int

    private var state: State = .lineStart
    private var stack: [State] = []
    private var start = 0
    private var physicalLine = 1

    // The token being built: while it is one run of the text without NUL, only that run
    // (`tokenRun`); once it has more pieces, their code units in `token`.
    private var token: [UInt16] = []
    private var tokenRun: Range<Int>?
    private var tokenFirst = -1
    private var tokenEnd = 0
    private var tokenQuoted = false

    // The logical line being built.
    private var lineStart = 0
    private var lineFirstPhysical = 1
    private var lineKey: Token?
    /// The fields of the line so far: the first `lineFieldCount` tokens of a list kept from line to
    /// line, so that each line's fields are copied once into a list of their exact size.
    private var lineFields: [Token] = []
    private var lineFieldCount = 0
    private var lineHasEntry = false
    private var lineComments: [Range<Int>] = []
    private var lineHeader: SectionHeader?
    private var lineOrphan = false
    private var headerOpen = 0
    private var commentStart = -1
    private var hasSection = false

    // Results.
    private(set) var lines: [LogicalLine] = []
    private(set) var sections: [SectionNode] = []
    private(set) var diagnostics: [SyntaxDiagnostic] = []
    private(set) var firstOrphanLine: Int?
    /// The first error SetupAPI would stop at, with its physical line.
    private(set) var fatalError: (code: SetupErrorCode, line: Int)?
    private var openSectionHeaderLine = -1

    init(units: UnsafeBufferPointer<UInt16>) {
        self.u = units
        // One pass finds the first Ctrl-Z, the line starts before it, the first carriage return
        // without a line feed and every NUL. Each of them is a unit below 0x1B: any other unit costs
        // one comparison. A logical line ends at an LF or at the end, so that many lines are reserved.
        var stop = units.count
        var starts = [0]
        var bareCarriageReturn: SyntaxDiagnostic?
        var nuls: [SyntaxDiagnostic] = []
        var index = 0
        while index < units.count {
            let unit = units[index]
            if unit <= C.controlZ {
                if unit == C.lineFeed {
                    starts.append(index + 1)
                } else if unit == C.controlZ {
                    stop = index
                    break
                } else if unit == C.carriageReturn {
                    if bareCarriageReturn == nil && (index + 1 >= units.count || units[index + 1] != C.lineFeed) {
                        bareCarriageReturn = SyntaxDiagnostic(kind: .bareCarriageReturn, range: index..<index + 1, line: starts.count)
                    }
                } else if unit == C.nul {
                    nuls.append(SyntaxDiagnostic(kind: .nulCharacter, range: index..<index + 1, line: starts.count))
                }
            }
            index += 1
        }
        self.end = stop
        lines.reserveCapacity(starts.count)
        // The physical lines after an end mark count for positions too.
        for i in stop..<units.count where units[i] == C.lineFeed { starts.append(i + 1) }
        lineStarts = starts
        textDiagnostics = (bareCarriageReturn.map { [$0] } ?? []) + nuls
    }

    /// What the first pass found in the text itself: the first carriage return without a line feed,
    /// then every NUL (row 7: inside a token it reads as a space, at a token's end it vanishes like
    /// white space, so either way the text does not say what SetupAPI reads).
    private let textDiagnostics: [SyntaxDiagnostic]

    /// Code-unit index of the start of each physical line, in the whole text.
    let lineStarts: [Int]

    mutating func run() {
        if end < u.count {
            diagnostics.append(SyntaxDiagnostic(kind: .endOfFileMarker, range: end..<end + 1, line: lineNumber(at: end)))
        }
        var pos: Int? = 0
        while let p = pos {
            switch state {
            case .lineStart: pos = lineStartState(p)
            case .sectionName: pos = sectionNameState(p)
            case .keyName: pos = keyNameState(p)
            case .valueName: pos = valueNameState(p)
            case .eolBackslash: pos = eolBackslashState(p)
            case .quotes: pos = quotesState(p)
            case .leadingSpaces: pos = leadingSpacesState(p)
            case .trailingSpaces: pos = trailingSpacesState(p)
            case .comment: pos = commentState(p)
            }
        }
        if openSectionHeaderLine >= 0 {
            finishSection(upTo: lines.count)
        }
        diagnostics += textDiagnostics
    }

    // MARK: - Helpers

    @inline(__always) private func isEOL(_ p: Int) -> Bool { p >= end || u[p] == C.lineFeed }

    private mutating func push(_ s: State) { stack.append(s) }
    private mutating func pop() { state = stack.popLast() ?? .lineStart }

    /// Appends the text from `start` up to `pos` to the token (NUL reads as a space, row 7).
    private mutating func pushToken(_ pos: Int) {
        if pos > start {
            if tokenFirst < 0 { tokenFirst = start }
            tokenEnd = pos
            let piece = UnsafeBufferPointer(rebasing: u[start..<pos])
            if token.isEmpty && tokenRun == nil && !piece.contains(C.nul) {
                tokenRun = start..<pos
            } else {
                if let run = tokenRun {
                    token.append(contentsOf: UnsafeBufferPointer(rebasing: u[run]))
                    tokenRun = nil
                }
                for c in piece { token.append(c == C.nul ? C.space : c) }
            }
        }
        start = pos
    }

    /// The number of code units in the token.
    private var tokenLength: Int { tokenRun?.count ?? token.count }

    /// The token's text; the token is then empty.
    private mutating func takeTokenText() -> String {
        let value: String
        if let run = tokenRun {
            value = UTF16Text.string(UnsafeBufferPointer(rebasing: u[run]))
            tokenRun = nil
        } else {
            value = UTF16Text.string(token)
            token.removeAll(keepingCapacity: true)
        }
        tokenFirst = -1
        tokenQuoted = false
        return value
    }

    private mutating func takeToken(emptyAt position: Int) -> Token {
        let range = tokenFirst >= 0 ? tokenFirst..<tokenEnd : position..<position
        if tokenLength > SetupLimits.maximumStringLength {
            diagnostics.append(SyntaxDiagnostic(kind: .fieldTooLong, range: range, line: lineNumber(at: range.lowerBound)))
        }
        let quoted = tokenQuoted
        return Token(value: takeTokenText(), range: range, isQuoted: quoted)
    }

    private mutating func addField(isKey: Bool, at position: Int) {
        let t = takeToken(emptyAt: position)
        lineHasEntry = true
        if isKey {
            lineKey = t
        } else {
            if lineFieldCount < lineFields.count { lineFields[lineFieldCount] = t } else { lineFields.append(t) }
            lineFieldCount += 1
        }
    }

    /// The line's fields in an array of their exact size, moved out of the scratch list (which keeps
    /// empty tokens in their place) rather than copied, so that no value is retained twice.
    private mutating func takeLineFields() -> [Token] {
        let count = lineFieldCount
        guard count > 0 else { return [] }
        return lineFields.withUnsafeMutableBufferPointer { scratch in
            [Token](unsafeUninitializedCapacity: count) { fields, initialized in
                for index in 0..<count {
                    fields.initializeElement(at: index, to: Self.emptyToken)
                    swap(&fields[index], &scratch[index])
                }
                initialized = count
            }
        }
    }

    /// What a moved-out scratch slot holds until the next line fills it.
    private static let emptyToken = Token(value: "", range: 0..<0, isQuoted: false)

    /// Ends the logical line at `endIndex` (just after its LF, or the end of the text).
    private mutating func closeLine(at endIndex: Int, physicalLines: Int) {
        guard endIndex > lineStart || lineHasEntry || lineHeader != nil else { return }
        let line = LogicalLine(
            range: lineStart..<endIndex, firstPhysicalLine: lineFirstPhysical,
            physicalLineCount: physicalLines, header: lineHeader, key: lineKey,
            fields: takeLineFields(), comments: lineComments, isOrphan: lineOrphan)
        if let header = lineHeader {
            if openSectionHeaderLine >= 0 { finishSection(upTo: lines.count) }
            openSectionHeaderLine = lines.count
            pendingHeader = header
        }
        lines.append(line)
        lineStart = endIndex
        lineFirstPhysical = physicalLine
        lineKey = nil
        lineFieldCount = 0
        lineHasEntry = false
        lineComments = []
        lineHeader = nil
        lineOrphan = false
    }

    private var pendingHeader: SectionHeader?

    private mutating func finishSection(upTo lineIndex: Int) {
        guard let header = pendingHeader else { return }
        sections.append(SectionNode(headerLine: openSectionHeaderLine, bodyLines: openSectionHeaderLine + 1..<lineIndex, header: header))
    }

    /// The 1-based physical line of code unit `index`: the number of line starts at or before it.
    private func lineNumber(at index: Int) -> Int {
        var low = 0, high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func fail(_ code: SetupErrorCode, line: Int) {
        if fatalError == nil { fatalError = (code, line) }
    }

    // MARK: - States

    private mutating func lineStartState(_ pos: Int) -> Int? {
        var p = pos
        while p < end {
            let c = u[p]
            switch c {
            case C.lineFeed:
                let lastPhysical = physicalLine
                physicalLine += 1
                closeLine(at: p + 1, physicalLines: lastPhysical - lineFirstPhysical + 1)
            case C.semicolon:
                push(.lineStart)
                state = .comment
                commentStart = p
                return p + 1
            case C.openBracket:
                start = p + 1
                headerOpen = p
                state = .sectionName
                return p + 1
            default:
                if C.isSpace(c) { break }
                if hasSection {
                    start = p
                    state = .keyName
                    return p
                }
                if !lineOrphan {
                    lineOrphan = true
                    diagnostics.append(SyntaxDiagnostic(kind: .textBeforeFirstSection, range: p..<p + 1, line: physicalLine))
                }
                if firstOrphanLine == nil { firstOrphanLine = physicalLine }
            }
            p += 1
        }
        closeLine(at: end, physicalLines: physicalLine - lineFirstPhysical + 1)
        return nil
    }

    private mutating func sectionNameState(_ pos: Int) -> Int? {
        var p = pos
        while !isEOL(p) {
            if u[p] == C.closeBracket {
                pushToken(p)
                addHeader(nameRange: pos..<p, range: headerOpen..<p + 1, terminated: true)
                push(.lineStart)
                state = .comment
                commentStart = -1
                return p + 1
            }
            p += 1
        }
        // No `]` on the line: SetupAPI fails here. Keep the text as an unterminated header.
        fail(.badSectionNameLine, line: physicalLine)
        diagnostics.append(SyntaxDiagnostic(kind: .unterminatedSectionHeader, range: headerOpen..<p, line: physicalLine))
        var nameEnd = p
        while nameEnd > pos && u[nameEnd - 1] == C.carriageReturn { nameEnd -= 1 }
        pushToken(nameEnd)
        start = p
        addHeader(nameRange: pos..<nameEnd, range: headerOpen..<nameEnd, terminated: false)
        state = .lineStart
        return p
    }

    private mutating func addHeader(nameRange: Range<Int>, range: Range<Int>, terminated: Bool) {
        if tokenLength > 255 {
            fail(.sectionNameTooLong, line: physicalLine)
            diagnostics.append(SyntaxDiagnostic(kind: .sectionNameTooLong, range: range, line: physicalLine))
        }
        let name = takeTokenText()
        lineHeader = SectionHeader(name: name, range: range, nameRange: nameRange, isTerminated: terminated)
        hasSection = true
    }

    private mutating func keyNameState(_ pos: Int) -> Int? {
        var p = pos
        var tokenEndHere = start
        while !isEOL(p) {
            let c = u[p]
            if c == C.comma { break }
            switch c {
            case C.equals:
                pushToken(tokenEndHere)
                addField(isKey: true, at: p)
                start = p + 1
                push(.valueName)
                state = .leadingSpaces
                return p + 1
            case C.semicolon:
                pushToken(tokenEndHere)
                addField(isKey: false, at: p)
                push(.lineStart)
                state = .comment
                commentStart = p
                return p + 1
            case C.quote:
                pushToken(p)
                openQuote(at: p)
                push(.keyName)
                state = .quotes
                return p + 1
            case C.backslash:
                pushToken(tokenEndHere)
                start = p
                push(.keyName)
                state = .eolBackslash
                return p
            default:
                if !C.isSpace(c) {
                    tokenEndHere = p + 1
                } else {
                    pushToken(p)
                    push(.keyName)
                    state = .trailingSpaces
                    return p
                }
            }
            p += 1
        }
        pushToken(tokenEndHere)
        state = .valueName
        return p
    }

    private mutating func valueNameState(_ pos: Int) -> Int? {
        var p = pos
        var tokenEndHere = start
        while !isEOL(p) {
            let c = u[p]
            switch c {
            case C.semicolon:
                pushToken(tokenEndHere)
                addField(isKey: false, at: p)
                push(.lineStart)
                state = .comment
                commentStart = p
                return p + 1
            case C.comma:
                pushToken(tokenEndHere)
                addField(isKey: false, at: p)
                start = p + 1
                push(.valueName)
                state = .leadingSpaces
                return p + 1
            case C.quote:
                pushToken(p)
                openQuote(at: p)
                push(.valueName)
                state = .quotes
                return p + 1
            case C.backslash:
                pushToken(tokenEndHere)
                start = p
                push(.valueName)
                state = .eolBackslash
                return p
            default:
                if !C.isSpace(c) {
                    tokenEndHere = p + 1
                } else {
                    pushToken(p)
                    push(.valueName)
                    state = .trailingSpaces
                    return p
                }
            }
            p += 1
        }
        pushToken(tokenEndHere)
        addField(isKey: false, at: p)
        state = .lineStart
        return p
    }

    private mutating func openQuote(at p: Int) {
        if tokenFirst < 0 { tokenFirst = p }
        tokenEnd = p + 1
        tokenQuoted = true
        start = p + 1
    }

    private mutating func eolBackslashState(_ pos: Int) -> Int? {
        var p = pos
        while p < end {
            let c = u[p]
            switch c {
            case C.lineFeed:
                physicalLine += 1
                start = p + 1
                state = .leadingSpaces
                return p + 1
            case C.backslash:
                break
            case C.semicolon:
                push(.eolBackslash)
                state = .comment
                commentStart = p
                return p + 1
            default:
                if C.isSpace(c) { break }
                pushToken(p)
                pop()
                return p
            }
            p += 1
        }
        start = p
        pop()
        return p
    }

    private mutating func quotesState(_ pos: Int) -> Int? {
        var p = pos
        while !isEOL(p) {
            if u[p] == C.quote {
                if p + 1 < end && u[p + 1] == C.quote {
                    pushToken(p + 1)
                    start = p + 2
                    p += 2
                    continue
                }
                pushToken(p)
                tokenEnd = p + 1
                start = p + 1
                pop()
                return p + 1
            }
            p += 1
        }
        diagnostics.append(SyntaxDiagnostic(kind: .unterminatedQuote, range: (tokenFirst >= 0 ? tokenFirst : pos)..<p, line: physicalLine))
        pushToken(p)
        pop()
        return p
    }

    private mutating func leadingSpacesState(_ pos: Int) -> Int? {
        var p = pos
        while !isEOL(p) {
            let c = u[p]
            if c == C.backslash {
                start = p
                state = .eolBackslash
                return p
            }
            if !C.isSpace(c) { break }
            p += 1
        }
        start = p
        pop()
        return p
    }

    private mutating func trailingSpacesState(_ pos: Int) -> Int? {
        var p = pos
        while !isEOL(p) {
            let c = u[p]
            if c == C.backslash {
                state = .eolBackslash
                return p
            }
            if !C.isSpace(c) { break }
            p += 1
        }
        pop()
        return p
    }

    private mutating func commentState(_ pos: Int) -> Int? {
        var p = pos
        if commentStart < 0 {
            // The rest of a section header line: only a `;` in it starts a real comment.
            while !isEOL(p) && u[p] != C.semicolon { p += 1 }
            if !isEOL(p) { commentStart = p }
        }
        while !isEOL(p) { p += 1 }
        if commentStart >= 0 {
            var commentEnd = p
            if commentEnd > commentStart + 1 && u[commentEnd - 1] == C.carriageReturn { commentEnd -= 1 }
            lineComments.append(commentStart..<commentEnd)
        }
        commentStart = -1
        pop()
        return p
    }
}
