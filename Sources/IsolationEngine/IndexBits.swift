/// A set of small non-negative integers as bits: the first 64 in one word kept inline, the rest in
/// words allocated only when a member reaches them.
struct IndexBits: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    init() {}

    init(_ member: Int) { insert(member) }

    var isEmpty: Bool { low == 0 && high.allSatisfy { $0 == 0 } }

    mutating func insert(_ member: Int) {
        if member < 64 {
            low |= 1 << UInt64(member)
            return
        }
        let word = member / 64 - 1
        if word >= high.count { high.append(contentsOf: repeatElement(0, count: word - high.count + 1)) }
        high[word] |= 1 << UInt64(member % 64)
    }

    mutating func formUnion(_ other: IndexBits) {
        low |= other.low
        guard !other.high.isEmpty else { return }
        if high.count < other.high.count { high.append(contentsOf: repeatElement(0, count: other.high.count - high.count)) }
        for index in other.high.indices { high[index] |= other.high[index] }
    }

    /// The members of `self` that are not in `other`.
    func subtracting(_ other: IndexBits) -> IndexBits {
        var result = self
        result.low &= ~other.low
        for index in result.high.indices where index < other.high.count { result.high[index] &= ~other.high[index] }
        return result
    }

    func isDisjoint(with other: IndexBits) -> Bool {
        if low & other.low != 0 { return false }
        for index in high.indices where index < other.high.count && high[index] & other.high[index] != 0 { return false }
        return true
    }

    /// Whether both hold the same members (trailing empty words aside).
    func sameMembers(as other: IndexBits) -> Bool {
        guard low == other.low else { return false }
        for index in 0..<max(high.count, other.high.count) {
            let mine = index < high.count ? high[index] : 0
            let theirs = index < other.high.count ? other.high[index] : 0
            if mine != theirs { return false }
        }
        return true
    }

    /// The members in increasing order.
    var members: [Int] {
        var result: [Int] = []
        func add(_ word: UInt64, base: Int) {
            var bits = word
            while bits != 0 {
                result.append(base + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        add(low, base: 0)
        for (index, word) in high.enumerated() { add(word, base: (index + 1) * 64) }
        return result
    }
}
