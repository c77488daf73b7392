/// Strings made of UTF-16 code units, the form the parser keeps a file's text in.
public enum UTF16Text {
    /// The String of `units`; when every unit is ASCII (nearly always in an INF) its bytes are copied
    /// straight into the String's storage instead of going through the general transcoder.
    @inlinable
    public static func string<C: Collection>(_ units: C) -> String where C.Element == UInt16 {
        guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
        let count = units.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for unit in units {
                buffer[index] = UInt8(truncatingIfNeeded: unit)
                index += 1
            }
            return count
        }
    }
}
