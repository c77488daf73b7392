extension INFSection {
    /// The lines of the directive `name` (`CopyFiles`, `AddReg`, …), ignoring case.
    public func directive(_ name: String) -> LazyMapCollection<[Int], INFLine> { lines(withKey: name) }

    /// The lines of the directive `key`.
    public func directive(_ key: KeyName) -> LazyMapCollection<[Int], INFLine> { lines(withKey: key) }

    /// The values of every `name = a, b, …` line, each with the line it came from; empty values skipped.
    public func directiveValues(_ name: String) -> [(value: String, line: INFLine, field: Int)] {
        Self.values(of: directive(name))
    }

    /// The values of every `key = a, b, …` line, each with the line it came from; empty values skipped.
    public func directiveValues(_ key: KeyName) -> [(value: String, line: INFLine, field: Int)] {
        Self.values(of: directive(key))
    }

    private static func values(of lines: LazyMapCollection<[Int], INFLine>) -> [(value: String, line: INFLine, field: Int)] {
        var result: [(String, INFLine, Int)] = []
        for line in lines {
            for (index, value) in line.fields.enumerated() where !value.isEmpty {
                result.append((value, line, index + 1))
            }
        }
        return result
    }
}

/// A section name given as the value of a directive, with where it was named.
public struct SectionReference: Sendable {
    /// The directive, e.g. `AddReg`.
    public let directive: String
    /// The section named.
    public let name: String
    /// The line that names it.
    public let line: INFLine
    /// The 1-based field of the line that holds the name.
    public let field: Int
}

extension INFDocument {
    /// The sections named by directive `name` in section `section`.
    public func references(_ name: String, in section: INFSection) -> [SectionReference] {
        section.directiveValues(name).map { SectionReference(directive: name, name: $0.value, line: $0.line, field: $0.field) }
    }

    /// `Include = a.inf, …` and `Needs = section, …` of an install section.
    public func includes(in section: INFSection) -> (files: [String], needs: [String]) {
        (section.directiveValues(.include).map(\.value), section.directiveValues(.needs).map(\.value))
    }
}
