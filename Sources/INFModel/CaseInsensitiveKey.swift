/// A dictionary key that compares and hashes INF names ignoring case without building a folded
/// copy: looking up `CopyFiles` in a section allocates nothing.
///
/// Two keys are equal when their folded forms (``CaseInsensitive/fold(_:)``) have the same UTF-8
/// bytes, as SetupAPI compares names code unit by code unit; ASCII names are compared and hashed
/// byte by byte with their letters lowered.
public struct CaseInsensitiveKey: Hashable, Sendable {
    /// The name as given.
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public static func == (a: Self, b: Self) -> Bool {
        let decided = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in CaseInsensitive.asciiEqual(x, y) }
        }
        if case .some(.some(.some(let same))) = decided { return same }
        return CaseInsensitive.fold(a.text).utf8.elementsEqual(CaseInsensitive.fold(b.text).utf8)
    }

    public func hash(into hasher: inout Hasher) {
        // The bytes of the folded form, in one piece: ASCII letters lowered here (in a buffer on the
        // stack), other texts folded first, so that equal keys (`K` and the Kelvin sign, say) hash
        // alike.
        let hashedASCII: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(bytes.count, 1)) { lowered in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    lowered[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(lowered)[..<bytes.count]))
            }
            return true
        }
        if hashedASCII != true {
            var folded = CaseInsensitive.fold(text)
            folded.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        hasher.combine(0xFF as UInt8)
    }
}
