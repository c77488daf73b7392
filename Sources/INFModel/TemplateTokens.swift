/// Placeholders that a build replaces before an INF is final: stampinf's `$ARCH$` and `$KMDFVERSION$`
/// in `.inx` files (and in the INF of a driver project), and the `@VAR@` and `#VAR#` tokens of a
/// CMake `configure_file` or similar template (`driver.inf.in`). The architecture token is written
/// `$ARCH$`, `@ARCH@` or `#ARCH#`, in any case.
public enum TemplateTokens {
    /// The characters a token starts and ends with.
    public static let delimiters: [UInt16] = [0x24, 0x40, 0x23]

    /// The spellings of the architecture token, lowercased.
    public static let architectureTokens = ["$arch$", "@arch@", "#arch#"]

    /// Whether a file's name says it is a template: an `.inx` file, or any `<name>.in`.
    public static func isTemplate(path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".inx") || lower.hasSuffix(".in")
    }

    private static func isNameUnit(_ unit: UInt16, first: Bool) -> Bool {
        let letter = (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A) || unit == 0x5F
        return letter || (!first && unit >= 0x30 && unit <= 0x39)
    }

    /// The ranges of tokens in `range` of `units`: a delimiter, a letter or `_`, letters, digits or
    /// `_`, and the same delimiter. A `#` token must not run on into a name or a `{`, as the `#`
    /// separators of a device path (`ACPI#FSCL000X#3#{…}`) do.
    public static func tokens(in range: Range<Int>, units: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let delimiter = units[index]
            guard delimiters.contains(delimiter) else { index += 1; continue }
            var end = index + 1
            while end < range.upperBound, isNameUnit(units[end], first: end == index + 1) { end += 1 }
            guard end > index + 1, end < range.upperBound, units[end] == delimiter else {
                index = end
                continue
            }
            if delimiter == 0x23, end + 1 < range.upperBound, isNameUnit(units[end + 1], first: false) || units[end + 1] == 0x7B {
                index = end
                continue
            }
            result.append(index..<(end + 1))
            index = end + 1
        }
        return result
    }

    /// The positions of every `$`, `@` and `#` in `units`, in order. Blocks without one, nearly all of
    /// a file, are passed over by a loop without branches.
    public static func delimiterPositions(in units: [UInt16]) -> [Int] {
        units.withUnsafeBufferPointer { text in
            var result: [Int] = []
            var base = 0
            while base < text.count {
                let end = min(base + 64, text.count)
                var hit: UInt16 = 0
                for index in base..<end {
                    let unit = text[index]
                    hit |= (unit &- 0x23 < 2 ? 1 : 0) | (unit == 0x40 ? 1 : 0)
                }
                if hit != 0 {
                    for index in base..<end where isDelimiter(text[index]) { result.append(index) }
                }
                base = end
            }
            return result
        }
    }

    @inline(__always) private static func isDelimiter(_ unit: UInt16) -> Bool { unit &- 0x23 < 2 || unit == 0x40 }

    /// Whether `units` hold an architecture token (`$ARCH$`, `@ARCH@` or `#ARCH#`, any case).
    public static func containsArchitectureToken(_ units: [UInt16]) -> Bool {
        delimiterPositions(in: units).contains { index in
            let delimiter = units[index]
            return index + 6 <= units.count && units[index + 5] == delimiter
                && units[index + 1] | 0x20 == 0x61 && units[index + 2] | 0x20 == 0x72
                && units[index + 3] | 0x20 == 0x63 && units[index + 4] | 0x20 == 0x68
        }
    }

    /// `text` with every architecture token replaced by `architecture`.
    public static func stamp(_ text: String, architecture: String) -> String {
        guard text.containsByte(0x24) || text.containsByte(0x40) || text.containsByte(0x23) else { return text }
        var result = text
        for token in architectureTokens where result.containsASCIIIgnoringCase(token) {
            result = result.replacingASCIIIgnoringCase(token, with: architecture)
        }
        return result
    }

    /// Whether `text` holds an architecture token.
    public static func containsArchitectureToken(_ text: String) -> Bool {
        architectureTokens.contains { text.containsASCIIIgnoringCase($0) }
    }

    /// Whether `text` holds a token the build replaces, so that its written form says nothing certain.
    public static func containsToken(_ text: String) -> Bool {
        guard text.containsByte(0x24) || text.containsByte(0x40) || text.containsByte(0x23) else { return false }
        let units = Array(text.utf16)
        return !tokens(in: 0..<units.count, units: units).isEmpty
    }
}
