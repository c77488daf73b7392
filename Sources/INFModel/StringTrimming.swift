extension String {
    /// The string without the characters of `set` (ASCII characters, as every caller passes) at
    /// either end.
    public func trimmingCharacters(in set: String) -> String {
        // Nearly always nothing is trimmed: compare the end bytes before building anything.
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if !set.utf8.contains(firstByte) && !set.utf8.contains(lastByte) { return self }
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s.removeFirst() }
        while let last = s.last, set.contains(last) { s.removeLast() }
        return String(s)
    }
}
