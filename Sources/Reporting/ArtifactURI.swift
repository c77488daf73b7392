/// How a file path becomes a SARIF artifact location: a relative URI reference against
/// `%SRCROOT%` for relative paths, a `file:` URI for absolute ones.
struct ArtifactURI: Sendable, Hashable {
    /// The base id that relative URIs are resolved against.
    static let sourceRootBaseID = "%SRCROOT%"

    /// The URI or relative reference, with forward slashes and percent-encoding.
    let uri: String
    /// `%SRCROOT%` for a relative reference, `nil` for an absolute `file:` URI.
    let baseID: String?

    /// The artifact location of `path`. Backslashes become `/`; a leading `./` is dropped; every
    /// byte other than an unreserved character (RFC 3986: letters, digits, `-._~`) or `/` is
    /// percent-encoded, except the colon of a Windows drive letter in an absolute path.
    init(path: String) {
        var normalized = forwardSlashes(path)
        while normalized.hasPrefix("./") { normalized.removeFirst(2) }
        if let absolute = fileURI(normalized) {
            uri = absolute
            baseID = nil
        } else {
            uri = percentEncoded(normalized)
            baseID = Self.sourceRootBaseID
        }
    }

    /// The `file:` URI of an absolute folder path, ending in `/` as SARIF requires of base URIs.
    static func folderURI(_ path: String) -> String? {
        let normalized = forwardSlashes(path)
        guard let uri = fileURI(normalized) else { return nil }
        return uri.hasSuffix("/") ? uri : uri + "/"
    }
}

/// The `file:` URI of an absolute path (`/x`, `C:/x`, `//server/share/x`), or `nil` for a relative one.
private func fileURI(_ path: String) -> String? {
    let utf8 = Array(path.utf8)
    if path.hasPrefix("//") {
        return "file:" + percentEncoded(path)
    }
    if path.hasPrefix("/") {  // platform: not a host path (either system's path, as a URI)
        return "file://" + percentEncoded(path)
    }
    if utf8.count >= 3, isASCIILetter(utf8[0]), utf8[1] == UInt8(ascii: ":"), utf8[2] == UInt8(ascii: "/") {
        return "file:///" + String(decoding: utf8[0...1], as: UTF8.self) + percentEncoded(String(path.dropFirst(2)))
    }
    return nil
}

private func isASCIILetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
}

/// `path` with every byte percent-encoded except unreserved characters and `/`.
func percentEncoded(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            result.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            result += "%" + (hex.count == 1 ? "0" : "") + hex
        }
    }
    return result
}
