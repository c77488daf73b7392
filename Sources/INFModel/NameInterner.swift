/// Numbers INF names ignoring case, as ``CaseInsensitiveKey`` compares them, in an open-addressing
/// table of its own: a look-up hashes the name's bytes once with a cheap hash (FNV-1a, seeded per
/// process) and lowers ASCII letters on the fly, where a `Dictionary` costs a SipHash round and a
/// folded comparison for every name of every line.
public struct NameInterner: Sendable {
    /// The folded UTF-8 bytes of every name, one after another.
    private var bytes: [UInt8] = []
    /// Where each name's bytes start in `bytes` (one more entry than names: the end of the last).
    private var starts: [Int] = [0]
    /// The hash of each name.
    private var hashes: [UInt64] = []
    /// Name numbers by hash slot, -1 where empty; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    /// The number of names.
    public var count: Int { hashes.count }

    /// An empty table.
    public init() {}

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64.random(in: 0...UInt64.max)

    /// The number of `name`, a new one the first time it is met.
    public mutating func intern(_ name: String) -> Int32 {
        let (text, hash) = Self.folded(name)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash && equals(id, text.utf8) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(hash)
        for byte in text.utf8 { bytes.append(Self.lowered(byte)) }
        starts.append(bytes.count)
        slots[slot] = id
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The number of `name`, or `nil` when it was never interned.
    public func id(of name: String) -> Int32? {
        let (text, hash) = Self.folded(name)
        return find(text.utf8, hash: hash)
    }

    /// The number of `name`, or `nil` when it was never interned.
    public func id(of name: Substring) -> Int32? {
        guard let hash = Self.hash(name.utf8, asciiOnly: true) else { return id(of: String(name)) }
        return find(name.utf8, hash: hash)
    }

    private func find<Bytes: Collection<UInt8>>(_ utf8: Bytes, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash && equals(id, utf8) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Whether name `id` has the bytes of `utf8` with ASCII letters lowered.
    private func equals<Bytes: Collection<UInt8>>(_ id: Int, _ utf8: Bytes) -> Bool {
        let start = starts[id]
        let length = starts[id + 1] - start
        guard length == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            let same = utf8.withContiguousStorageIfAvailable { query in
                for index in 0..<length where stored[start + index] != Self.lowered(query[index]) { return false }
                return true
            }
            if let same { return same }
            var position = start
            for byte in utf8 {
                guard stored[position] == Self.lowered(byte) else { return false }
                position += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = larger.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] >= 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(id)
        }
        slots = larger
    }

    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// `name` as compared (itself when ASCII, whose letters are lowered byte by byte; folded by
    /// ``CaseInsensitive/fold(_:)`` otherwise) and the hash of its lowered bytes.
    private static func folded(_ name: String) -> (String, UInt64) {
        if let hash = hash(name.utf8, asciiOnly: true) { return (name, hash) }
        let folded = CaseInsensitive.fold(name)
        return (folded, hash(folded.utf8, asciiOnly: false) ?? 0)
    }

    /// FNV-1a over the lowered bytes, with the high bits mixed into the low ones (which pick the
    /// slot); `nil` when `asciiOnly` and a byte is not ASCII.
    private static func hash<Bytes: Collection<UInt8>>(_ utf8: Bytes, asciiOnly: Bool) -> UInt64? {
        let contiguous = utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var hash = seed
            for byte in bytes {
                if asciiOnly && byte >= 0x80 { return nil }
                hash = (hash ^ UInt64(lowered(byte))) &* 0x100_0000_01b3
            }
            return mix(hash)
        }
        if let contiguous { return contiguous }
        var hash = seed
        for byte in utf8 {
            if asciiOnly && byte >= 0x80 { return nil }
            hash = (hash ^ UInt64(lowered(byte))) &* 0x100_0000_01b3
        }
        return mix(hash)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value ^ (value >> 29)
        hash &*= 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
