import DriverPackage
import INFModel

/// What removing some sections takes out of a file: the sections themselves, the sections only they
/// reference, the `[DestinationDirs]` lines of those, and the `[SourceDisksFiles]` lines of the files
/// only they copy.
public struct SectionRemoval: Sendable {
    /// The names of the sections removed, in file order.
    public let sections: [String]
    /// The `[SourceDisksFiles]` names no longer copied.
    public let files: [String]
    /// The edits, in file order and disjoint.
    public let edits: [(range: Range<Int>, replacement: String)]
}

extension RuleContext {
    /// The removal of `roots` and of every section that only they (or sections removed with them)
    /// reference through a directive, with what points at those sections only to describe them.
    public func removal(of roots: [INFSection]) -> SectionRemoval {
        var removed = Set(roots.map(\.foldedName))
        var changed = true
        while changed {
            changed = false
            for section in document.sections where !removed.contains(section.foldedName) && !section.isStrings {
                let incoming = graph.links(to: section)
                guard !incoming.isEmpty, incoming.allSatisfy({ removed.contains(CaseInsensitive.fold($0.from)) }) else { continue }
                // A section with a role of its own (an install section reached from a Models entry) stays.
                let linkRoles = Set(incoming.map(\.role))
                guard graph.roles(of: section).isSubset(of: linkRoles) else { continue }
                removed.insert(section.foldedName)
                changed = true
            }
        }
        let sections = document.sections.filter { removed.contains($0.foldedName) }
        var ranges: [Range<Int>] = sections.flatMap { $0.headers.map(headerBlockRange) }
        if let destinations = document.section(named: "DestinationDirs") {
            for line in destinations.lines where line.key.map({ removed.contains(CaseInsensitive.fold($0)) }) ?? false {
                ranges.append(fullLineRange(of: line))
            }
        }
        // The source names the removed file lists copy, less those a remaining section still copies.
        func sources(copiedBy section: INFSection) -> [String] {
            section.lines.compactMap { line in
                let source = line.field(2).flatMap { $0.isEmpty ? nil : $0 } ?? line.field(1)
                return source.map(CaseInsensitive.fold)
            }
        }
        var removedFiles = Set<String>()
        var keptFiles = Set<String>()
        for link in graph.links where CaseInsensitive.equal(link.directive, "CopyFiles") {
            guard let target = document.section(named: link.to) else { continue }
            if removed.contains(CaseInsensitive.fold(link.from)) {
                removedFiles.formUnion(sources(copiedBy: target))
            } else {
                keptFiles.formUnion(sources(copiedBy: target))
            }
        }
        for section in document.sections where !removed.contains(section.foldedName) {
            for line in section.lines(withKey: "CopyFiles") {
                for field in line.fields where field.hasPrefix("@") { keptFiles.insert(CaseInsensitive.fold(String(field.dropFirst()))) }
            }
        }
        let orphans = removedFiles.subtracting(keptFiles)
        var files: [String] = []
        for section in document.sections where section.foldedName == "sourcedisksfiles" || section.foldedName.hasPrefix("sourcedisksfiles.") {
            guard !removed.contains(section.foldedName) else { continue }
            for line in section.lines {
                guard let key = line.key, orphans.contains(CaseInsensitive.fold(key)) else { continue }
                ranges.append(fullLineRange(of: line))
                if !files.contains(where: { CaseInsensitive.equal($0, key) }) { files.append(key) }
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        return SectionRemoval(sections: sections.map(\.name), files: files, edits: ranges.map { ($0, "") })
    }

    /// The code units of one header of a section and its lines up to its last entry, with the blank
    /// lines after it; comments after the last entry stay with the section that follows.
    func headerBlockRange(_ headerIndex: Int) -> Range<Int> {
        let node = tree.sections[headerIndex]
        let start = tree.lines[node.headerLine].range.lowerBound
        var last = node.headerLine
        for index in node.bodyLines where tree.lines[index].isEntry { last = index }
        var end = tree.lines[last].range.upperBound
        var next = last + 1
        while next < node.bodyLines.upperBound, !tree.lines[next].isEntry, tree.lines[next].comments.isEmpty {
            end = tree.lines[next].range.upperBound
            next += 1
        }
        return start..<end
    }
}
