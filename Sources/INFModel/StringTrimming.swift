extension String {
    /// The string without the characters of `set` (ASCII characters, as every caller passes) at
    /// either end.
    public func trimmingCharacters(in set: String) -> String {
        // Nearly always nothing is trimmed: compare the end bytes before building anything.
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if !set.utf8.contains(firstByte) && !set.utf8.contains(lastByte) { return self }
        // The set is ASCII, so each of its characters is one byte, and no byte of a longer character is one.
        let utf8 = self.utf8
        let trimmed = set.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, trimmed.contains(utf8[start]) { start = utf8.index(after: start) }
        while end > start, trimmed.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(self[start..<end])
    }
}
