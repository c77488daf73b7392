import Foundation

/// Values that rules of one file compute from the file alone and share: the first rule that asks
/// computes one, the others read it. Shared by the copies of a `RuleContext` (a class), guarded by a
/// lock, so that a context stays `Sendable`.
final class RuleContextMemo: @unchecked Sendable {
    /// A computed value, boxed so that reading it back needs no dynamic cast.
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// The boxes by key: the box of a key always holds that key's `Value` type.
    private var values: [ObjectIdentifier: AnyObject] = [:]
    private let lock = NSLock()

    func value<Value: Sendable>(for key: ObjectIdentifier, _ compute: () -> Value) -> Value {
        lock.lock()
        let stored = values[key]
        lock.unlock()
        if let stored { return unsafeDowncast(stored, to: Box<Value>.self).value }
        let value = compute()
        lock.lock()
        values[key] = Box(value)
        lock.unlock()
        return value
    }
}

/// Names a value rules share through ``RuleContext/shared(_:_:)``: declare one key type per value.
public protocol RuleContextKey {
    associatedtype Value: Sendable
}

extension RuleContext {
    /// The value `Key` names for this file: computed by `compute` the first time a rule asks for it,
    /// read back afterwards.
    public func shared<Key: RuleContextKey>(_ key: Key.Type, _ compute: () -> Key.Value) -> Key.Value {
        memo.value(for: ObjectIdentifier(key), compute)
    }
}
