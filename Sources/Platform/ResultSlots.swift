import Foundation

/// One slot of results per item, written from parallel workers.
public final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value]
    private let lock = NSLock()

    /// `count` slots, each holding `empty` until it is set.
    public init(count: Int, empty: Value) { slots = Array(repeating: empty, count: count) }

    /// Stores the result of item `index`.
    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every result, handed over: the slots are emptied, so the caller holds the only copy.
    public func takeAll() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        let taken = slots
        slots = []
        return taken
    }
}
