import DriverPackage
import Findings
import INFModel
import INFSyntax

/// For each section of a file, the installs that reach it — an architecture and the Models range
/// chosen on it — so that a finding on the section's lines can say where it holds.
///
/// Scopes are computed over every architecture and version the file installs on, whatever view
/// `--arch` and `--os` select, so that a narrowed view can drop the findings that lie outside it.
/// Rules read them too: a file list copied only on x86 is judged on x86 alone, and two sections whose
/// installs never meet do not conflict.
public struct InstallScopes: Sendable {
    private struct Reach: Hashable, Sendable {
        let architecture: Architecture
        let lowest: WindowsVersion
        let upperBound: WindowsVersion?
    }

    /// Every distinct reach of the file; sets of reaches are sets of indices into this table.
    private var table: [Reach] = []
    /// The reaches of each name the section graph numbers, by its number.
    private var byNumber: [IndexBits]
    /// The reaches of install sections the graph does not number (named by a Models entry, written
    /// nowhere), by folded name: nothing links from them.
    private var outside: [String: IndexBits] = [:]
    private var all = IndexBits()
    private let tree: SyntaxTree
    private let graph: SectionGraph

    /// The scopes of `document`, whose sections link as `graph` says and whose Models entries install
    /// `deviceInstalls` on every architecture it declares (amd64 when it declares none).
    public init(document: INFDocument, graph: SectionGraph, deviceInstalls: [DeviceInstallReach]) {
        tree = document.tree
        self.graph = graph
        byNumber = Array(repeating: IndexBits(), count: graph.nameCount)
        var indices: [Reach: Int] = [:]
        var table: [Reach] = []
        func index(of reach: Reach) -> Int {
            if let known = indices[reach] { return known }
            table.append(reach)
            indices[reach] = table.count - 1
            return table.count - 1
        }
        var roots = Array(repeating: IndexBits(), count: graph.nameCount)
        var rootNumbers: [Int] = []
        func addRoot(_ name: String, _ reaches: IndexBits) {
            if let number = graph.number(of: name) {
                if roots[number].isEmpty { rootNumbers.append(number) }
                roots[number].formUnion(reaches)
            } else {
                outside[CaseInsensitive.fold(name), default: IndexBits()].formUnion(reaches)
                all.formUnion(reaches)
            }
        }
        let declared = document.declaredArchitectures
        let architectures = declared.isEmpty ? [Architecture.amd64] : declared
        // Devices share install sections: the reaches are gathered per section first, and the suffix
        // sections (`.Services`, `.HW`, …) that exist are looked up once per install section.
        var byInstallSection: [String: Int] = [:]
        var installSections: [(name: String, reaches: IndexBits)] = []
        for install in deviceInstalls {
            let reach = IndexBits(index(of: Reach(architecture: install.range.architecture, lowest: install.range.lowest,
                                                  upperBound: install.range.upperBound)))
            addRoot(install.range.sectionName, reach)
            let folded = CaseInsensitive.fold(install.installSection)
            if let position = byInstallSection[folded] {
                installSections[position].reaches.formUnion(reach)
            } else {
                byInstallSection[folded] = installSections.count
                installSections.append((install.installSection, reach))
            }
        }
        for (name, reaches) in installSections {
            addRoot(name, reaches)
            for (_, section) in document.sections(named: name, suffixes: SectionGraph.installSuffixes) {
                addRoot(section.name, reaches)
            }
        }
        for name in graph.defaultInstallSectionNames {
            for architecture in document.installArchitectures(ofSection: name)
            where architectures.contains(architecture) {
                addRoot(name, IndexBits(index(of: Reach(architecture: architecture, lowest: WindowsVersion(major: 0, minor: 0), upperBound: nil))))
            }
        }
        self.table = table
        // Each section takes the reaches of every root it can be reached from: a reach set travels
        // along the links only as far as it adds something, so each link is followed once per new
        // reach rather than once per root.
        var pending = roots
        var queued = Array(repeating: false, count: graph.nameCount)
        var queue = rootNumbers.sorted()
        for number in queue { queued[number] = true }
        while let number = queue.popLast() {
            queued[number] = false
            let incoming = pending[number]
            pending[number] = IndexBits()
            let added = incoming.subtracting(byNumber[number])
            guard !added.isEmpty else { continue }
            byNumber[number].formUnion(added)
            all.formUnion(added)
            for target in graph.targets(fromNumber: number) {
                if !queued[target] {
                    queued[target] = true
                    queue.append(target)
                }
                pending[target].formUnion(added)
            }
        }
    }

    /// The reaches of the section `name`.
    private func reaches(of name: String) -> IndexBits? {
        if let number = graph.number(of: name) { return byNumber[number] }
        return outside[CaseInsensitive.fold(name)]
    }

    /// The architectures whose installs reach the section `name`, or `nil` when no install reaches it.
    public func architectures(reaching name: String) -> Set<Architecture>? {
        guard let reaches = reaches(of: name), !reaches.isEmpty else { return nil }
        return Set(reaches.members.map { table[$0].architecture })
    }

    /// Whether the sections `a` and `b` are installed by one install — one architecture and Models
    /// range — so that what they do meets on one machine; `nil` when an install reaches neither.
    public func installTogether(_ a: String, _ b: String) -> Bool? {
        guard let first = reaches(of: a), let second = reaches(of: b), !first.isEmpty, !second.isEmpty else { return nil }
        return !first.isDisjoint(with: second)
    }

    /// Where a finding starting at code unit `offset` holds, or `nil` when it holds wherever the file
    /// installs or its section is reached by no install.
    func scope(at offset: Int) -> FindingScope? {
        guard let reaches = reachesOfSection(at: offset), !reaches.isEmpty, !reaches.sameMembers(as: all) else { return nil }
        return scope(of: reaches.members.map { table[$0] })
    }

    private func scope(of reaches: [Reach]) -> FindingScope {
        var ranges: [FindingScope.Range] = []
        for architecture in Architecture.allCases {
            let mine = reaches.filter { $0.architecture == architecture }
            guard !mine.isEmpty else { continue }
            var spans: [(lowest: WindowsVersion, upperBound: WindowsVersion?)] = []
            for reach in mine.sorted(by: { $0.lowest < $1.lowest }) {
                if let last = spans.last, let upper = last.upperBound, upper >= reach.lowest {
                    spans[spans.count - 1].upperBound = reach.upperBound.map { max($0, upper) }
                } else if let last = spans.last, last.upperBound == nil {
                    continue
                } else {
                    spans.append((reach.lowest, reach.upperBound))
                }
            }
            let zero = WindowsVersion(major: 0, minor: 0)
            ranges += spans.map {
                FindingScope.Range(architecture: architecture, lowest: $0.lowest == zero ? nil : $0.lowest, upperBound: $0.upperBound)
            }
        }
        return FindingScope(ranges: ranges)
    }

    /// The reaches of the section whose header or body holds code unit `offset`; for a
    /// `[DestinationDirs]` entry, of the file list it names.
    private func reachesOfSection(at offset: Int) -> IndexBits? {
        var low = 0
        var high = tree.lines.count
        while low < high {
            let middle = (low + high) / 2
            if tree.lines[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < tree.lines.count else { return nil }
        var first = 0
        var last = tree.sections.count
        while first < last {
            let middle = (first + last) / 2
            if tree.sections[middle].headerLine <= low { first = middle + 1 } else { last = middle }
        }
        guard first > 0 else { return nil }
        let section = tree.sections[first - 1]
        guard low == section.headerLine || section.bodyLines.contains(low) else { return nil }
        if CaseInsensitive.equal(section.header.name, "DestinationDirs") {
            guard low != section.headerLine, let list = tree.lines[low].key?.value else { return nil }
            return reaches(of: list)
        }
        return reaches(of: section.header.name)
    }
}
