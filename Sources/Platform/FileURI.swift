extension PathSyntax {
    /// The path a `file:` URI names, in this syntax, or `nil` for another scheme or a malformed URI.
    ///
    /// Editors send `file:///home/me/driver.inf`, `file:///c%3A/Users/me/driver.inf` (VS Code
    /// percent-encodes the drive's colon), `file:///C:/Users/me/driver.inf` and, for a share,
    /// `file://server/share/driver.inf`. On Windows these give `C:\Users\me\driver.inf` and
    /// `\\server\share\driver.inf`; elsewhere a drive letter or a host has no meaning, and the path
    /// is the URI's path as it stands.
    public func path(ofFileURI uri: String) -> String? {
        let schemeEnd = uri.index(uri.startIndex, offsetBy: 5, limitedBy: uri.endIndex) ?? uri.endIndex
        guard uri[..<schemeEnd].lowercased() == "file:" else { return nil }
        var rest = uri[schemeEnd...]
        // The query and the fragment are not part of the path.
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        var authority = ""
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<slash])
            rest = rest[slash...]
        }
        guard var host = Self.percentDecoded(authority), var path = Self.percentDecoded(String(rest)) else { return nil }
        if host.lowercased() == "localhost" { host = "" }
        guard self == .windows else {
            return host.isEmpty ? path : "//" + host + path
        }
        if host.isEmpty {
            // `/C:/x` is the drive path `C:/x`.
            if path.hasPrefix("/"), driveLetterLength(String(path.dropFirst())) == 2 { path.removeFirst() }
        } else {
            path = "//" + host + path
        }
        return String(path.map { $0 == "/" ? "\\" : $0 })
    }

    /// `text` with every `%XX` replaced by the byte it stands for, read as UTF-8; `nil` when an
    /// escape is cut short, not hexadecimal, or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.popFirst().flatMap(hexValue), let low = utf8.popFirst().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
