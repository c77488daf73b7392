/// The shapes of global paths that an isolated driver package must not hard-code: registry keys, file
/// paths, device names, and files in the root of the shared data folders. Every test is
/// case-insensitive, as Windows paths are.
public enum PathPatterns {
    /// Whether `text` names a machine-wide registry key: a kernel path under `\Registry\Machine` or
    /// `\Registry\User`, a path under a predefined key other than HKEY_CURRENT_USER, or a path starting
    /// at `SYSTEM\CurrentControlSet` (or a numbered control set).
    public static func isGlobalRegistryPath(_ text: String) -> Bool {
        // Every shape holds a backslash; most values tested hold none.
        guard text.utf8.contains(backslash) else { return false }
        let s = lowercasedBytes(text)
        for root in ["\\registry\\machine", "\\registry\\user"] {
            for index in occurrences(of: root, in: s) {
                let end = index + root.utf8.count
                if end == s.count || s[end] == backslash { return true }
            }
        }
        for root in ["hkey_local_machine\\", "hkey_users\\", "hkey_classes_root\\", "hkey_current_config\\"]
        where !occurrences(of: root, in: s).isEmpty {
            return true
        }
        // The short spellings count only as written in capitals and followed by a key name.
        let original = Array(text.utf8)
        for root in ["HKLM\\", "HKCR\\", "HKU\\"] where original.starts(with: root.utf8) {
            if original.dropFirst(root.utf8.count).prefix(while: isNameCharacter).count >= 3 { return true }
        }
        for key in ["system\\currentcontrolset\\", "system\\controlset00"] {
            if occurrences(of: key, in: s).contains(where: { $0 == 0 || s[$0 - 1] == backslash }) { return true }
        }
        return false
    }

    /// Whether `text` holds an absolute file path: a drive path (`C:\…`, also after `\??\` or `\\?\`),
    /// `\SystemRoot\…`, or a path into `System32\drivers` or the driver store. Paths of source and
    /// debug files (`.pdb`, `.c`, `.h`, …) that compilers and linkers embed are not counted.
    public static func isAbsoluteFilePath(_ text: String) -> Bool {
        guard text.utf8.contains(backslash) else { return false }
        let s = lowercasedBytes(text)
        if buildArtifactExtensions.contains(where: { s.suffix($0.utf8.count).elementsEqual($0.utf8) }) { return false }
        for needle in ["\\systemroot\\", "system32\\drivers\\", "system32\\driverstore\\"] where !occurrences(of: needle, in: s).isEmpty {
            return true
        }
        return !drivePaths(in: s).isEmpty
    }

    /// File endings of the source and debug files whose build paths binaries hold.
    static let buildArtifactExtensions = [".pdb", ".c", ".cpp", ".cxx", ".cc", ".h", ".hpp", ".hxx", ".inl", ".asm", ".obj", ".lib"]

    /// The device name `text` names by a fixed path — `\DosDevices\<name>`, `\??\<name>`,
    /// `\GLOBAL??\<name>`, `\\.\<name>` or `\Device\<name>` at the start of the string or after a
    /// quote or space — other than drive letters, UNC paths, named pipes and mailslots; nil when it names none.
    public static func deviceName(in text: String) -> String? {
        guard text.utf8.contains(backslash) else { return nil }
        let s = lowercasedBytes(text)
        let original = Array(text.utf8)
        for prefix in ["\\dosdevices\\", "\\??\\", "\\global??\\", "\\\\.\\", "\\device\\"] {
            for index in occurrences(of: prefix, in: s) {
                guard index == 0 || s[index - 1] == quote || s[index - 1] == space else { continue }
                var start = index + prefix.utf8.count
                var name = component(s, from: start)
                if prefix == "\\dosdevices\\" && name == "global" {
                    start += name.count + 1
                    name = component(s, from: start)
                }
                guard name.utf8.count >= 2, let first = name.utf8.first, isLetter(first) || isDigit(first),
                      !isDrive(name), !["unc", "pipe", "mailslot"].contains(name) else { continue }
                return String(decoding: original[start..<min(original.count, start + name.utf8.count)], as: UTF8.self)
            }
        }
        return nil
    }

    /// A file named directly in the root of a shared data folder — `%ProgramData%`, `%ALLUSERSPROFILE%`,
    /// `<drive>:\ProgramData`, `%DriverData%`, `\DriverData`, `%TEMP%` or `%TMP%` — with no company
    /// subfolder: the folder as written and the file name; nil otherwise. Only a last component with a
    /// file extension counts as a file.
    public static func dataRootFile(in text: String) -> (folder: String, file: String)? {
        guard text.utf8.contains(backslash) else { return nil }
        let s = lowercasedBytes(text)
        let original = Array(text.utf8)
        for root in ["%programdata%\\", "%allusersprofile%\\", "%driverdata%\\", "%temp%\\", "%tmp%\\", "\\driverdata\\", ":\\programdata\\"] {
            for index in occurrences(of: root, in: s) {
                var first = index
                if root.hasPrefix(":") {
                    guard index > 0, isLetter(s[index - 1]) else { continue }
                    first = index - 1
                }
                if root.hasPrefix("%") || root.hasPrefix(":") {
                    guard first == 0 || !isWordCharacter(s[first - 1]) else { continue }
                }
                let rest = original[(index + root.utf8.count)...].prefix { !terminators.contains($0) }
                guard !rest.contains(backslash), isFileName(rest) else { continue }
                let folder = String(decoding: original[first..<(index + root.utf8.count - 1)], as: UTF8.self)
                return (folder, String(decoding: rest, as: UTF8.self))
            }
        }
        return nil
    }

    /// Whether any of the shapes above (or a `Parameters` key path) occurs in `text`: the strings a
    /// scan of a binary needs to keep. Each shape holds a backslash.
    public static func isCandidate(_ text: String) -> Bool {
        guard text.utf8.contains(backslash) else { return false }
        return isGlobalRegistryPath(text) || isAbsoluteFilePath(text) || deviceName(in: text) != nil
            || dataRootFile(in: text) != nil || namesParametersKey(text)
    }

    /// Whether `text` is a registry path through a service's `Parameters` key (`…\Parameters` or
    /// `…\Parameters\…`).
    public static func namesParametersKey(_ text: String) -> Bool {
        guard text.utf8.contains(backslash) else { return false }
        let s = lowercasedBytes(text)
        let needle = "\\parameters"
        return occurrences(of: needle, in: s).contains { index in
            let end = index + needle.utf8.count
            return end == s.count || s[end] == backslash
        }
    }

    // MARK: - Pieces

    private static let backslash = UInt8(ascii: "\\")
    private static let quote = UInt8(ascii: "\"")
    private static let space = UInt8(ascii: " ")
    /// Bytes that end a path inside a longer string.
    private static let terminators: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: " ")]

    /// The UTF-8 bytes of `text` with ASCII letters lowered, so that offsets match the original bytes.
    static func lowercasedBytes(_ text: String) -> [UInt8] {
        text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    /// The start of every occurrence of ASCII `needle` in `haystack`.
    static func occurrences(of needle: String, in haystack: [UInt8]) -> [Int] {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return [] }
        var result: [Int] = []
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { result.append(start) }
        }
        return result
    }

    /// The starts of drive paths in `s`: `c:\` at the start or after a character that cannot be part
    /// of a word, followed by a folder (a name and a backslash) or a file name with an extension.
    /// Demanding a name keeps runs of random bytes in compressed or encrypted data from counting.
    private static func drivePaths(in s: [UInt8]) -> [Int] {
        guard s.count >= 3 else { return [] }
        return (0...(s.count - 3)).filter { index in
            guard isLetter(s[index]), s[index + 1] == UInt8(ascii: ":"), s[index + 2] == backslash,
                  index == 0 || !isWordCharacter(s[index - 1]) else { return false }
            let name = s[(index + 3)...].prefix { isNameCharacter($0) }
            guard name.count >= 2, let first = name.first, isLetter(first) || isDigit(first) else { return false }
            let next = index + 3 + name.count
            return (next < s.count && s[next] == backslash) || isFileName(name)
        }
    }

    /// Letters, digits and the punctuation common in file and folder names.
    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        isWordCharacter(byte) || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    /// The path component of `s` from `start` to the next backslash, the end, or a character that ends a path.
    private static func component(_ s: [UInt8], from start: Int) -> String {
        guard start < s.count else { return "" }
        return String(decoding: s[start...].prefix { $0 != backslash && !terminators.contains($0) }, as: UTF8.self)
    }

    private static func isDrive(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return bytes.count == 2 && isLetter(bytes[0]) && bytes[1] == UInt8(ascii: ":")
    }

    /// A name with an extension of one to five letters or digits after its last dot.
    private static func isFileName(_ name: ArraySlice<UInt8>) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return false }
        let ext = name[(dot + 1)...]
        return (1...5).contains(ext.count) && ext.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte | 0x20)
    }

    private static func isWordCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_")
    }
}
