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
        utf8.withContiguousStorageIfAvailable { Self.find(byte, in: $0) } ?? utf8.contains(byte)
    }

    /// Whether `buffer` holds `byte`, eight bytes at a time: a word holds it when the word XOR
    /// `byte` in every lane has a zero lane, which the borrow test below finds exactly.
    @inline(__always)
    private static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let count = buffer.count
        let raw = UnsafeRawPointer(base)
        let lanes = UInt64(byte) &* 0x0101_0101_0101_0101
        var index = 0
        while index &+ 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ lanes
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
            index &+= 8
        }
        while index < count {
            if buffer[index] == byte { return true }
            index &+= 1
        }
        return false
    }

    /// The string with every occurrence of `token` replaced by `replacement`, where `token` is ASCII
    /// and matches whatever the case of its letters (`$ARCH$`, `$arch$`), found byte by byte.
    public func replacingASCIIIgnoringCase(_ token: String, with replacement: String) -> String {
        let pattern = Array(token.utf8).map(Self.lowered)
        let bytes = Array(utf8)
        guard !pattern.isEmpty, let found = Self.match(pattern, in: bytes, from: 0) else { return self }
        var result: [UInt8] = []
        var copied = 0
        var next: Int? = found
        while let index = next {
            result += bytes[copied..<index]
            result += replacement.utf8
            copied = index + pattern.count
            next = Self.match(pattern, in: bytes, from: copied)
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `token` (ASCII) occurs in the string whatever the case of its letters.
    public func containsASCIIIgnoringCase(_ token: String) -> Bool {
        let utf8 = self.utf8
        // The token's first byte in either case must occur before anything is copied.
        guard let head = token.utf8.first else { return true }
        let lower = Self.lowered(head), upper = lower &- 0x61 < 26 ? lower & ~0x20 : lower
        guard utf8.withContiguousStorageIfAvailable({ $0.contains(lower) || $0.contains(upper) }) ?? true else { return false }
        return Self.match(Array(token.utf8).map(Self.lowered), in: Array(utf8), from: 0) != nil
    }

    /// The first index at or after `start` where `bytes` hold the lowered ASCII `pattern` in any case.
    private static func match(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return start }
        var index = start
        while index + pattern.count <= bytes.count {
            if lowered(bytes[index]) == first, (1..<pattern.count).allSatisfy({ lowered(bytes[index + $0]) == pattern[$0] }) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

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
