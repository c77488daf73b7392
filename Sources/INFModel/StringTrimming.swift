extension String {
    /// The string without the characters of `set` (ASCII characters, as every caller passes) at
    /// either end.
    public func trimmingCharacters(in set: String) -> String {
        // The set is ASCII, so each of its characters is one byte, and no byte of a longer character
        // is one: the ends are found in the bytes, and nearly always nothing is trimmed.
        let ends = utf8.withContiguousStorageIfAvailable { bytes in
            set.utf8.withContiguousStorageIfAvailable { members in
                var start = 0, end = bytes.count
                while start < end, members.contains(bytes[start]) { start += 1 }
                while end > start, members.contains(bytes[end - 1]) { end -= 1 }
                return (start, end, bytes.count)
            }
        }
        guard let found = ends, let (start, end, count) = found else { return trimmedSlowly(set) }
        if start == 0 && end == count { return self }
        let utf8 = self.utf8
        return String(self[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// ``trimmingCharacters(in:)`` for text without contiguous UTF-8.
    private func trimmedSlowly(_ set: String) -> String {
        let utf8 = self.utf8
        let members = set.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, members.contains(utf8[start]) { start = utf8.index(after: start) }
        while end > start, members.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(self[start..<end])
    }

    /// Whether every byte of the string's UTF-8 is ASCII, read from its contiguous storage.
    public var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}
