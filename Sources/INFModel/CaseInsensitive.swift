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
        var ascii = true
        if a.utf8.count == b.utf8.count {
            var same = true
            for (x, y) in zip(a.utf8, b.utf8) where x != y {
                if x >= 0x80 || y >= 0x80 { ascii = false; same = false; break }
                let lx = (x >= 0x41 && x <= 0x5A) ? x | 0x20 : x
                let ly = (y >= 0x41 && y <= 0x5A) ? y | 0x20 : y
                if lx != ly { same = false; break }
            }
            if same { return true }
            if ascii { ascii = !a.utf8.contains { $0 >= 0x80 } && !b.utf8.contains { $0 >= 0x80 } }
        } else {
            ascii = !a.utf8.contains { $0 >= 0x80 } && !b.utf8.contains { $0 >= 0x80 }
        }
        // ASCII texts that differ here are different; only other scripts need full case folding.
        return ascii ? false : fold(a) == fold(b)
    }

    /// Whether `s` starts with `prefix`, ignoring case.
    public static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        fold(s).hasPrefix(fold(prefix))
    }
}
