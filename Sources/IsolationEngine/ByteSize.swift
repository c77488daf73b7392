import Findings

/// A size in bytes as a person writes it: `67108864`, `512k`, `64MB`, `64 MiB`, `1g` (k, M and G are
/// powers of 1024, in any case, with or without a `B` or `iB`).
public enum ByteSize {
    /// The number of bytes `text` means, or nil when it is not a positive size.
    public static func parse(_ text: String) -> Int? {
        var digits = ""
        var rest = Substring(text.filter { $0 != " " && $0 != "_" })
        while let first = rest.first, first.isASCII, first.isNumber {
            digits.append(first)
            rest = rest.dropFirst()
        }
        guard !digits.isEmpty, let value = Int(digits), value > 0 else { return nil }
        let unit = rest.lowercased()
        let shift: Int
        switch unit {
        case "", "b": shift = 0
        case "k", "kb", "kib": shift = 10
        case "m", "mb", "mib": shift = 20
        case "g", "gb", "gib": shift = 30
        default: return nil
        }
        guard value <= Int.max >> shift else { return nil }
        return value << shift
    }

    /// `bytes` the way ``parse(_:)`` reads it back, in the largest unit that divides it.
    public static func format(_ bytes: Int) -> String {
        for (shift, unit) in [(30, "GB"), (20, "MB"), (10, "kB")] where bytes > 0 && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
