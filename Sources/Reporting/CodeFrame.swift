import Findings

/// The two lines under a finding's header in the text format: the source line with its number in a
/// gutter, and a `^~~~` underline below the offending columns.
///
/// Columns in a ``Location`` count UTF-16 code units of the decoded line. The frame maps them to
/// characters, shows a tab as four spaces (and underlines it as four cells), shows control
/// characters as visible symbols, and underlines to the end of the line when the range goes on to
/// a later line.
struct CodeFrame: Sendable {
    /// The line number shown in the gutter.
    let lineNumber: Int
    /// The line as it is printed.
    let displayText: String
    /// The display cell where the underline starts (0-based).
    let underlineStart: Int
    /// How many cells the underline covers (at least one).
    let underlineWidth: Int

    private static let tabWidth = 4

    /// The frame for `location`, or `nil` when it has no line text (whole files, binaries).
    init?(location: Location) {
        guard let text = location.lineText, location.line > 0, !location.isBinary else { return nil }
        let startUnit = Swift.max(location.column, 1) - 1
        let endUnit: Int? = location.isMultiLine ? nil : Swift.max(location.endColumn, 1) - 1

        var display = ""
        var cell = 0, unit = 0
        var start: Int?, end: Int?
        // The cells of an ASCII line, one byte each, kept for cutting a long line.
        var asciiCells: [UInt8]?
        if let ascii = Self.asciiCells(of: text, startUnit: startUnit, endUnit: endUnit) {
            // ASCII without CR (which joins LF into one character): every byte is one character,
            // one code unit and one cell, a tab four.
            asciiCells = ascii.cells
            display = String(decoding: ascii.cells, as: UTF8.self)
            cell = ascii.cells.count
            start = ascii.start
            end = ascii.end
        } else {
            for character in text {
                if start == nil, unit + character.utf16.count > startUnit { start = cell }
                if end == nil, let endUnit, unit >= endUnit { end = cell }
                if character == "\t" {
                    display += String(repeating: " ", count: Self.tabWidth)
                    cell += Self.tabWidth
                } else {
                    display.append(character)
                    cell += 1
                }
                unit += character.utf16.count
            }
        }
        let first = start ?? cell
        let last = end ?? cell
        lineNumber = location.line
        // Control characters become one visible symbol each, so the cells counted above still hold.
        guard cell > Self.maximumWidth else {
            displayText = terminalSafe(display)
            underlineStart = first
            underlineWidth = Swift.max(1, last - first)
            return
        }
        // A long line is cut to a window that starts a little before the underline, `…` marking
        // what is left out on either side. An ASCII line is cut on its bytes, each one cell and
        // one character before and after the control characters are made visible.
        let cellCount: Int
        let cut: (Range<Int>) -> String
        if let asciiCells {
            cellCount = asciiCells.count
            cut = { terminalSafe(String(decoding: asciiCells[$0], as: UTF8.self)) }
        } else {
            let cells = Array(terminalSafe(display))
            cellCount = cells.count
            cut = { String(cells[$0]) }
        }
        var windowStart = Swift.max(0, first - Self.contextBefore)
        let windowEnd = Swift.min(cellCount, windowStart + Self.maximumWidth)
        windowStart = Swift.max(0, Swift.min(windowStart, windowEnd - Self.maximumWidth))
        let window = cut(windowStart..<windowEnd)
        let opening = windowStart > 0 ? "…" : ""
        displayText = opening + window + (windowEnd < cellCount ? "…" : "")
        underlineStart = first - windowStart + opening.count
        underlineWidth = Swift.max(1, Swift.min(last, windowEnd) - first)
    }

    /// The cells of `text` when it is ASCII without CR — its bytes with each tab as four spaces —
    /// and the cells where code units `startUnit` and `endUnit` stand (`nil` past the end); `nil`
    /// for other text.
    private static func asciiCells(of text: String, startUnit: Int, endUnit: Int?) -> (cells: [UInt8], start: Int?, end: Int?)? {
        var text = text
        return text.withUTF8 { bytes in
            var tabs = 0
            for byte in bytes {
                if byte >= 0x80 || byte == 0x0D { return nil }
                if byte == 0x09 { tabs += 1 }
            }
            var start: Int?, end: Int?
            let cells = [UInt8](unsafeUninitializedCapacity: bytes.count + (tabWidth - 1) * tabs) { buffer, initialized in
                var cell = 0
                for unit in bytes.indices {
                    if unit == startUnit { start = cell }
                    if unit == endUnit { end = cell }
                    if bytes[unit] == 0x09 {
                        for _ in 0..<tabWidth {
                            buffer[cell] = UInt8(ascii: " ")
                            cell += 1
                        }
                    } else {
                        buffer[cell] = bytes[unit]
                        cell += 1
                    }
                }
                initialized = cell
            }
            return (cells, start, end)
        }
    }

    /// The widest line a frame shows, in cells; a longer line is cut around the underline.
    static let maximumWidth = 120
    /// How many cells before the underline a cut line keeps.
    static let contextBefore = 30

    /// The frame's lines, with the gutter and underline painted in `style` (the underline in the
    /// colour of `level`).
    func lines(style: TextStyle, level: Level) -> [String] {
        let number = String(lineNumber)
        let blank = Self.run(of: UInt8(ascii: " "), count: number.utf8.count)
        let underline = "^" + Self.run(of: UInt8(ascii: "~"), count: underlineWidth - 1)
        return [
            "  " + style.gutter(number + " |") + (displayText.isEmpty ? "" : " " + displayText),
            "  " + style.gutter(blank + " |") + " " + Self.run(of: UInt8(ascii: " "), count: underlineStart)
                + style.level(underline, level),
        ]
    }

    /// `count` copies of the ASCII character `byte`, written straight into the string.
    private static func run(of byte: UInt8, count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: byte)
            return count
        }
    }
}
