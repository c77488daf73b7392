/// Numbers INF names ignoring case, as ``CaseInsensitiveKey`` compares them, in an open-addressing
/// table of its own: a look-up hashes the name's bytes once, eight at a time with ASCII letters
/// lowered on the fly (a cheap multiply-rotate hash, seeded per process), where a `Dictionary` costs
/// a SipHash round and a folded comparison for every name of every line.
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

    private static let seed: UInt64 = UInt64.random(in: 0...UInt64.max)

    /// The number of `name`, a new one the first time it is met.
    public mutating func intern(_ name: String) -> Int32 {
        // An ASCII name is hashed and stored from its own bytes; another is folded first.
        var text = name
        if let hash = Self.hash(name.utf8, asciiOnly: true) {
            return text.withUTF8 { intern($0, hash: hash) }
        }
        let folded = Self.folded(name)
        text = folded.0
        return text.withUTF8 { intern($0, hash: folded.1) }
    }

    /// The number of the name whose bytes (ASCII letters lowered as compared) are `utf8`.
    private mutating func intern(_ utf8: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash && equals(id, utf8) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(hash)
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        bytes.withUnsafeMutableBufferPointer { stored in
            for index in start..<stored.count { stored[index] = Self.lowered(stored[index]) }
        }
        starts.append(bytes.count)
        slots[slot] = id
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The number of `name`, or `nil` when it was never interned.
    public func id(of name: String) -> Int32? {
        // An ASCII name is hashed and compared as it is, without a copy of the string.
        if let hash = Self.hash(name.utf8, asciiOnly: true) { return find(name.utf8, hash: hash) }
        let (text, hash) = Self.folded(name)
        return find(text.utf8, hash: hash)
    }

    /// The number of `name`, or `nil` when it was never interned.
    public func id(of name: Substring) -> Int32? {
        guard let hash = Self.hash(name.utf8, asciiOnly: true) else { return id(of: String(name)) }
        return find(name.utf8, hash: hash)
    }

    /// The number of the name whose UTF-8 is `utf8`, or `nil` when it was never interned.
    public func id(utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let hash = Self.hash(utf8, asciiOnly: true) else { return id(of: String(decoding: utf8, as: UTF8.self)) }
        return find(utf8, hash: hash)
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
            let name = UnsafeBufferPointer(rebasing: stored[start..<start + length])
            return utf8.withContiguousStorageIfAvailable { Self.equal(name, loweredFrom: $0) }
                ?? Array(utf8).withUnsafeBufferPointer { Self.equal(name, loweredFrom: $0) }
        }
    }

    /// Whether `stored` (lowered bytes) equals `query` with its ASCII letters lowered, compared eight
    /// bytes at a time.
    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, loweredFrom query: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = query.count
        guard stored.count == count else { return false }
        guard count > 0, let a = stored.baseAddress, let b = query.baseAddress else { return true }
        let left = UnsafeRawPointer(a), right = UnsafeRawPointer(b)
        var index = 0
        while index + 8 <= count {
            let word = right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            guard left.loadUnaligned(fromByteOffset: index, as: UInt64.self) == loweredWord(word) else { return false }
            index += 8
        }
        while index < count {
            guard stored[index] == lowered(query[index]) else { return false }
            index += 1
        }
        return true
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

    /// A hash of the lowered bytes, eight at a time (a multiply-rotate step per word, the length
    /// mixed in), with the high bits mixed into the low ones (which pick the slot); `nil` when
    /// `asciiOnly` and a byte is not ASCII.
    private static func hash<Bytes: Collection<UInt8>>(_ utf8: Bytes, asciiOnly: Bool) -> UInt64? {
        utf8.withContiguousStorageIfAvailable { hash($0, asciiOnly: asciiOnly) }
            ?? Array(utf8).withUnsafeBufferPointer { hash($0, asciiOnly: asciiOnly) }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, asciiOnly: Bool) -> UInt64? {
        let count = bytes.count
        var hash = seed ^ UInt64(count)
        guard count > 0, let base = bytes.baseAddress else { return mix(hash) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index &+ 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if asciiOnly && word & highBits != 0 { return nil }
            hash = step(hash, loweredWord(word))
            index &+= 8
        }
        let rest = count &- index
        if rest > 0 {
            // The last bytes as one little-endian word, as if read one by one: from the last eight
            // bytes of a longer name, or in pieces of four, two and one.
            var tail: UInt64
            if count >= 8 {
                tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)) &>> UInt64(8 &* (8 &- rest))
            } else {
                tail = 0
                var shift: UInt64 = 0
                if rest & 4 != 0 {
                    tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
                    shift = 32
                    index &+= 4
                }
                if rest & 2 != 0 {
                    tail |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt16.self))) &<< shift
                    shift &+= 16
                    index &+= 2
                }
                if rest & 1 != 0 { tail |= UInt64(raw.load(fromByteOffset: index, as: UInt8.self)) &<< shift }
            }
            if asciiOnly && tail & highBits != 0 { return nil }
            hash = step(hash, loweredWord(tail))
        }
        return mix(hash)
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func step(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        ((hash << 5 | hash >> 59) ^ word) &* 0x517c_c1b7_2722_0a95
    }

    /// `word` with each byte from `A` to `Z` lowered; other bytes, those above 0x7F included, kept.
    @inline(__always)
    private static func loweredWord(_ word: UInt64) -> UInt64 {
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        // Bit 7 of each byte: set from `A` up (low + 0x3F), and from `[` up (low + 0x25); no byte carries.
        let fromA = low &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = low &+ 0x2525_2525_2525_2525
        let upper = fromA & ~pastZ & ~word & highBits
        return word | (upper >> 2)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value ^ (value >> 29)
        hash &*= 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
