/// How the file system of a system spells paths: which characters separate folders, what makes a
/// path absolute, and whether names differ by case.
///
/// Paths stay strings as the user gave them; these helpers only read them. Every place that asks
/// whether a path is absolute, whether it lies inside a folder or what it is relative to asks here,
/// so a `C:\…` path, a `\\server\share` path or a `\\?\` long path is read the same way everywhere.
public enum PathSyntax: Sendable, Equatable {
    /// Linux and macOS: `/` separates, a path starting with `/` is absolute.
    case posix
    /// Windows: `\` and `/` both separate; `C:\x`, `\\server\share\x`, `\\?\C:\x` and `\x` (the
    /// root of the current drive) are absolute; names match whatever their case.
    case windows

    /// The syntax of the system Isolint runs on.
    public static var host: PathSyntax {
        #if os(Windows)
        return .windows
        #else
        return .posix
        #endif
    }

    /// The separator this syntax writes between folders.
    public var preferredSeparator: Character { self == .windows ? "\\" : "/" }

    /// Whether names that differ only by case name the same file (NTFS as Windows sets it up).
    public var ignoresCase: Bool { self == .windows }

    /// Whether `character` separates folders.
    public func isSeparator(_ character: Character) -> Bool {
        character == "/" || (self == .windows && character == "\\")
    }

    /// Whether `path` names a place without reference to the current folder.
    public func isAbsolute(_ path: String) -> Bool {
        guard let first = path.first else { return false }
        if isSeparator(first) { return true }
        guard self == .windows else { return false }
        return driveLetterLength(path) > 0 && path.dropFirst(2).first.map(isSeparator) == true
    }

    /// 2 when `path` starts with a drive letter and a colon (`C:`), 0 otherwise.
    func driveLetterLength(_ path: String) -> Int {
        let scalars = path.unicodeScalars
        guard let letter = scalars.first, letter.isASCII, ("a"..."z").contains(Character(letter).lowercased()) else { return 0 }
        return scalars.dropFirst().first == ":" ? 2 : 0
    }

    /// The names between separators, without empty names and `.`; `..` is kept as written.
    public func components(_ path: String) -> [Substring] {
        // Separators are ASCII: split the bytes, each piece starting and ending on a character.
        let windows = self == .windows
        return path.utf8.split(whereSeparator: { $0 == UInt8(ascii: "/") || (windows && $0 == UInt8(ascii: "\\")) })
            .map { path[$0.startIndex..<$0.endIndex] }
            .filter { $0 != "." }
    }

    /// `relative` appended to `base` with this syntax's separator; `relative` alone when it is absolute.
    public func join(_ base: String, _ relative: String) -> String {
        if isAbsolute(relative) || base.isEmpty { return relative }
        if let last = base.last, isSeparator(last) { return base + relative }
        return base + String(preferredSeparator) + relative
    }

    /// The folder part of `path` (everything before its last name), or `""` when there is none.
    public func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while let last = trimmed.last, isSeparator(last), trimmed.count > 1 { trimmed = trimmed.dropLast() }
        guard let index = trimmed.lastIndex(where: isSeparator) else { return "" }
        if index == trimmed.startIndex { return String(trimmed[...index]) }
        let before = trimmed[..<index]
        // `C:\x` keeps the root of its drive.
        if self == .windows, before.count == 2, driveLetterLength(String(before)) == 2 { return String(trimmed[...index]) }
        return String(before)
    }

    /// The last name of `path`.
    public func lastComponent(_ path: String) -> String {
        components(path).last.map(String.init) ?? ""
    }

    /// `path` relative to `folder` (with this syntax's separator) when it lies inside it, or `nil`.
    /// Separators may be of either kind, a trailing one on `folder` does not matter, and on Windows
    /// names match whatever their case (`C:\Pkg\x.inf` lies inside `c:\pkg`).
    public func relative(_ path: String, to folder: String) -> String? {
        let inner = components(path)
        let outer = components(folder)
        guard isAbsolute(path) == isAbsolute(folder), inner.count > outer.count else { return nil }
        if self == .windows, uncOrDevicePrefix(path) != uncOrDevicePrefix(folder) { return nil }
        for (a, b) in zip(inner, outer) where !sameName(a, b) { return nil }
        return inner[outer.count...].joined(separator: String(preferredSeparator))
    }

    /// Whether two names are the same name on this file system.
    public func sameName<A: StringProtocol, B: StringProtocol>(_ a: A, _ b: B) -> Bool {
        ignoresCase ? a.lowercased() == b.lowercased() : a == b
    }

    /// Whether `path` starts with `\\` (a UNC share or, with `\\?\` or `\\.\`, a device path):
    /// such a path never lies inside a drive-letter folder.
    func uncOrDevicePrefix(_ path: String) -> Bool {
        let start = path.prefix(2)
        return start.count == 2 && start.allSatisfy(isSeparator)
    }
}
