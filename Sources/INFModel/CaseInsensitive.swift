/// Case-insensitive comparison of INF names (section names, keys, directives), as SetupAPI compares them.
public enum CaseInsensitive {
    /// A folded form of `s` for use as a dictionary key: ASCII letters lowered directly, anything else
    /// through full Unicode lowercasing.
    @inline(__always)
    public static func fold(_ s: String) -> String {
        var text = s
        // nil: nothing to lower; .some(nil): not ASCII, Unicode lowercasing; .some(folded): ASCII lowered.
        let folded: String?? = text.withUTF8 { bytes in
            var upper = false
            for byte in bytes where byte >= 0x41 {
                if byte >= 0x80 { return .some(nil) }
                if byte <= 0x5A { upper = true }
            }
            guard upper else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
        switch folded {
        case .none: return s
        case .some(.none): return s.lowercased()
        case .some(.some(let lowered)): return lowered
        }
    }

    /// Whether `a` and `b` are equal ignoring case.
    @inline(__always)
    public static func equal(_ a: String, _ b: String) -> Bool {
        let ascii = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in asciiEqual(x, y) }
        }
        switch ascii {
        case .some(.some(.some(let same))): return same
        default: return fold(a) == fold(b)
        }
    }

    /// `true` or `false` when the bytes decide (equal ignoring ASCII case, or different where one of
    /// them is ASCII only); `nil` when a letter outside ASCII needs Unicode case folding.
    @inline(__always)
    static func asciiEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool? {
        if x.count == y.count {
            var index = 0
            while index < x.count {
                let p = x[index], q = y[index]
                if p != q {
                    if p >= 0x80 || q >= 0x80 { return nil }
                    let lp = (p >= 0x41 && p <= 0x5A) ? p | 0x20 : p
                    let lq = (q >= 0x41 && q <= 0x5A) ? q | 0x20 : q
                    if lp != lq { break }
                }
                index += 1
            }
            if index == x.count { return true }
        }
        // ASCII texts that differ are different; only other scripts need full case folding.
        for byte in x where byte >= 0x80 { return nil }
        for byte in y where byte >= 0x80 { return nil }
        return false
    }

    /// Whether `s` starts with `prefix`, ignoring case.
    public static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        fold(s).hasPrefix(fold(prefix))
    }
}

extension String {
    /// The string lowercased, the same text as `lowercased()`: itself when it has no capital letter,
    /// ASCII lowered byte by byte, other text through `lowercased()` (``CaseInsensitive/fold(_:)``).
    public var foldedCase: String { CaseInsensitive.fold(self) }
}
