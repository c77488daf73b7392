/// A 1-based line and column in a file; the column counts UTF-16 code units of the decoded text.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The lossless syntax tree of one INF file.
///
/// The tree keeps the source bytes and covers them completely: the byte-order mark, the logical
/// lines one after another, and whatever follows an end-of-file mark (Ctrl-Z). `print()` gives back
/// the original bytes. Positions in nodes are code-unit indices into `source.text.units`; `byteRange(of:)`
/// and `position(of:)` turn them into byte ranges and line/column positions.
public struct SyntaxTree: Sendable {
    /// The file the tree was read from.
    public let source: SourceFile
    /// Every logical line in file order, blank and comment lines included.
    public let lines: [LogicalLine]
    /// The sections as written, in file order (duplicates not merged).
    public let sections: [SectionNode]
    /// Problems found in the text.
    public let diagnostics: [SyntaxDiagnostic]
    /// Where parsing stopped: the index of the first Ctrl-Z, or the end of the text.
    public let textEnd: Int
    /// The first physical line holding text before any section header.
    public let firstOrphanLine: Int?
    /// The first error SetupAPI's reader stops at (bad or too long section name), with its line.
    public let readError: (code: SetupErrorCode, line: Int)?
    /// Code-unit index of the start of each physical line.
    public let lineStarts: [Int]

    init(source: SourceFile, machine: StateMachine) {
        self.source = source
        self.lines = machine.lines
        self.sections = machine.sections
        self.diagnostics = machine.diagnostics
        self.textEnd = machine.end
        self.firstOrphanLine = machine.firstOrphanLine
        self.readError = machine.fatalError
        self.lineStarts = machine.lineStarts
    }

    /// The byte range in the file of the code units `range`.
    public func byteRange(of range: Range<Int>) -> Range<Int> {
        source.text.byteRange(of: range)
    }

    /// The line and column of code unit `index`.
    public func position(of index: Int) -> SourcePosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return SourcePosition(line: lo + 1, column: index - lineStarts[lo] + 1)
    }

    /// The index in ``lines`` of the logical line that holds code unit `unit`, or `nil` outside them.
    public func lineIndex(containing unit: Int) -> Int? {
        var low = 0, high = lines.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = lines[middle].range
            if unit < range.lowerBound { high = middle - 1 } else if unit >= range.upperBound { low = middle + 1 } else { return middle }
        }
        return nil
    }

    /// The index in ``sections`` of the section that line `lineIndex` belongs to (its header or
    /// body), or `nil` for a line before the first header.
    public func sectionIndex(containingLine lineIndex: Int) -> Int? {
        var low = 0, high = sections.count - 1, found: Int?
        while low <= high {
            let middle = (low + high) / 2
            if sections[middle].headerLine <= lineIndex {
                found = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return found
    }

    /// How the file's lines end (``SourceFile/lineEndingStyle``), read at the line feeds the parser
    /// found instead of scanning the text again.
    public var lineEndingStyle: LineEndingStyle {
        let units = source.text.units
        var crlf = 0, lf = 0
        for start in lineStarts.dropFirst() {
            if start >= 2 && units[start - 2] == CharacterClass.carriageReturn { crlf += 1 } else { lf += 1 }
        }
        switch (crlf, lf) {
        case (0, 0): return .none
        case (_, 0): return .crlf
        case (0, _): return .lf
        default: return .mixed
        }
    }

    /// The decoded text of the code units `range`, exactly as in the source (quotes and all).
    public func text(of range: Range<Int>) -> String {
        let units = source.text.units
        let clamped = range.clamped(to: 0..<units.count)
        return UTF16Text.string(units[clamped])
    }

    /// The bytes of the file that lie after the parsed text (from an end-of-file mark on, or an odd
    /// trailing byte of a UTF-16 file).
    public var trailingBytes: Range<Int> {
        source.text.byteOffset(ofUnit: textEnd)..<source.bytes.count
    }

    /// Prints the tree: the byte-order mark, every logical line, then the bytes after the text.
    /// For a tree read from a file this is exactly the file's bytes.
    public func print() -> [UInt8] {
        let bytes = source.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        out.append(contentsOf: bytes[0..<min(source.text.firstByte, bytes.count)])
        var next = 0
        for line in lines {
            out.append(contentsOf: bytes[byteRange(of: line.range)])
            next = line.range.upperBound
        }
        // Text between the last line and the end mark holds nothing but what closed the last line.
        out.append(contentsOf: bytes[byteRange(of: next..<textEnd)])
        out.append(contentsOf: bytes[trailingBytes])
        return out
    }
}
