import Foundation

/// One message of the base protocol as read: its JSON body, or why it could not be read.
public enum IncomingMessage: Sendable {
    /// The body's bytes (JSON, not yet parsed).
    case body([UInt8])
    /// A header block without a usable `Content-Length`: the message is skipped.
    case badHeader(String)
}

/// Reads Language Server Protocol messages from a byte stream: header lines ending in CR LF, an empty
/// line, then exactly `Content-Length` bytes of JSON. Bytes arrive in any chunks; a header block
/// without a valid length is reported and skipped, never fatal.
public struct MessageReader: Sendable {
    private var buffer: [UInt8] = []
    /// The largest body accepted (a larger length is a bad header).
    public static let maximumBodySize = 256 * 1024 * 1024

    public init() {}

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message, or `nil` when more bytes are needed.
    public mutating func next() -> IncomingMessage? {
        guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: buffer) else { return nil }
        let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        var length: Int?
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" { length = Int(value) }
        }
        guard let length, length >= 0, length <= Self.maximumBodySize else {
            buffer.removeSubrange(..<bodyStart)
            return .badHeader("a message header has no valid Content-Length: \(header.prefix(200))")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeSubrange(..<(bodyStart + length))
        return .body(body)
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], Array(bytes[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}

/// Frames a JSON body as a base-protocol message.
public func framed(_ body: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
}
