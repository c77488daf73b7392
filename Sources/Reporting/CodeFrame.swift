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
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            // ASCII without CR (which joins LF into one character): every byte is one character,
            // one code unit and one cell, a tab four.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                if start == nil, unit + 1 > startUnit { start = cell }
                if end == nil, let endUnit, unit >= endUnit { end = cell }
                if byte == 0x09 {
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: Self.tabWidth))
                    cell += Self.tabWidth
                } else {
                    bytes.append(byte)
                    cell += 1
                }
                unit += 1
            }
            display = String(decoding: bytes, as: UTF8.self)
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
        let shown = terminalSafe(display)
        guard cell > Self.maximumWidth else {
            displayText = shown
            underlineStart = first
            underlineWidth = Swift.max(1, last - first)
            return
        }
        // A long line is cut to a window that starts a little before the underline, `…` marking
        // what is left out on either side.
        let cells = Array(shown)
        var windowStart = Swift.max(0, first - Self.contextBefore)
        let windowEnd = Swift.min(cells.count, windowStart + Self.maximumWidth)
        windowStart = Swift.max(0, Swift.min(windowStart, windowEnd - Self.maximumWidth))
        let opening = windowStart > 0 ? "…" : ""
        displayText = opening + String(cells[windowStart..<windowEnd]) + (windowEnd < cells.count ? "…" : "")
        underlineStart = first - windowStart + opening.count
        underlineWidth = Swift.max(1, Swift.min(last, windowEnd) - first)
    }

    /// The widest line a frame shows, in cells; a longer line is cut around the underline.
    static let maximumWidth = 120
    /// How many cells before the underline a cut line keeps.
    static let contextBefore = 30

    /// The frame's lines, with the gutter and underline painted in `style` (the underline in the
    /// colour of `level`).
    func lines(style: TextStyle, level: Level) -> [String] {
        let number = String(lineNumber)
        let blank = String(repeating: " ", count: number.count)
        let underline = "^" + String(repeating: "~", count: underlineWidth - 1)
        return [
            "  " + style.gutter(number + " |") + (displayText.isEmpty ? "" : " " + displayText),
            "  " + style.gutter(blank + " |") + " " + String(repeating: " ", count: underlineStart)
                + style.level(underline, level),
        ]
    }
}
