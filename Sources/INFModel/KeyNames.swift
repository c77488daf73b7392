/// The distinct line keys of one file, each given a small integer once (folded as SetupAPI compares
/// them), so that finding a directive in a section compares integers instead of texts.
///
/// Shared by every section of the file and never changed after the model is built.
public final class KeyNames: Sendable {
    /// The number given to a line without a key.
    public static let none: Int32 = -1
    /// The number of a ``KeyName`` missing from its list of known names: no line has it.
    static let unknown: Int32 = -2

    private let names: NameInterner

    init(names: NameInterner) {
        self.names = names
    }

    /// The number of `name` (any case) in this file, or `nil` when no line of the file has that key.
    public func id(of name: String) -> Int32? { names.id(of: name) }

    /// The number of `key` in this file, or `nil` when no line of the file has that key.
    public func id(of key: CaseInsensitiveKey) -> Int32? { names.id(of: key.text) }

    /// Numbers keys as they are met.
    struct Builder {
        private var names = KeyName.numbering

        /// The number of `key`, a new one the first time a key is met.
        mutating func id(of key: String?) -> Int32 {
            guard let key else { return KeyNames.none }
            return names.intern(key)
        }

        func build() -> KeyNames { KeyNames(names: names) }
    }
}
