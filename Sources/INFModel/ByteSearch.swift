extension String {
    /// Whether `needle` occurs in the string, compared byte for byte (exact case), without going
    /// through Foundation's locale-aware search, which costs far more on the short texts of an INF.
    public func containsBytes(_ needle: String) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in Self.search(haystack, pattern) }
        }), let found {
            return found
        }
        return Self.search(Array(utf8)[...], Array(needle.utf8)[...])
    }

    /// Whether the byte `byte` occurs in the string's UTF-8: a plain scan of its contiguous storage,
    /// far cheaper than the generic `utf8.contains(_:)`.
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// Whether `pattern` occurs in `haystack`.
    private static func search<H: RandomAccessCollection, P: RandomAccessCollection>(_ haystack: H, _ pattern: P) -> Bool
        where H.Element == UInt8, P.Element == UInt8, H.Index == Int, P.Index == Int {
        guard let first = pattern.first else { return true }
        guard pattern.count <= haystack.count else { return false }
        let base = haystack.startIndex, patternBase = pattern.startIndex
        var index = 0
        let last = haystack.count - pattern.count
        while index <= last {
            if haystack[base + index] == first {
                var matched = 1
                while matched < pattern.count && haystack[base + index + matched] == pattern[patternBase + matched] { matched += 1 }
                if matched == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}
