import INFSyntax

/// A change of a file: the bytes of `range` in the original replaced by `replacement`.
public struct ByteEdit: Sendable, Hashable {
    /// The byte offsets in the original file (an empty range inserts).
    public let range: Range<Int>
    /// The bytes that take their place, in the file's own encoding.
    public let replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }
}

extension UnifiedDiff {
    /// The changes from `old` to `new` as edits of whole lines (line ends included), in ascending,
    /// non-overlapping byte ranges of `old`; for a UTF-16 file, lines end at the code unit LF, so
    /// that every edit covers whole characters. Applying them to `old` gives `new`.
    public static func lineEdits(old: [UInt8], new: [UInt8], encoding: TextEncoding) -> [ByteEdit] {
        let utf16 = encoding.isUTF16
        let a = utf16 ? utf16Lines(old, from: encoding.bomLength) : lines(old)
        let b = utf16 ? utf16Lines(new, from: encoding.bomLength) : lines(new)
        let terminator = utf16 ? 2 : 1
        func end(_ line: Line) -> Int { line.bytes.endIndex + (line.ended ? terminator : 0) }
        let script = editScript(a, b)
        var edits: [ByteEdit] = []
        var index = 0
        while index < script.count {
            guard script[index].kind != .same else { index += 1; continue }
            let first = script[index]
            let start = first.oldIndex < a.count ? a[first.oldIndex].bytes.startIndex : old.count
            var stop = start
            var replacement: [UInt8] = []
            while index < script.count, script[index].kind != .same {
                let step = script[index]
                if step.kind == .delete {
                    stop = end(a[step.oldIndex])
                } else {
                    let line = b[step.newIndex]
                    replacement += new[line.bytes.startIndex..<end(line)]
                }
                index += 1
            }
            edits.append(ByteEdit(range: start..<stop, replacement: replacement))
        }
        return edits
    }

    /// The lines of UTF-16LE `bytes` whose text starts at `from` (after the byte-order mark, which
    /// stays part of the first line), split at the code unit LF; a line's bytes leave out its LF.
    static func utf16Lines(_ bytes: [UInt8], from textStart: Int) -> [Line] {
        var result: [Line] = []
        var start = 0
        var index = textStart
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A && bytes[index + 1] == 0 {
                result.append(Line(bytes: bytes[start..<index], ended: true))
                start = index + 2
            }
            index += 2
        }
        if start < bytes.count { result.append(Line(bytes: bytes[start...], ended: false)) }
        return result
    }
}
