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

    private var bySection: [String: Set<Reach>] = [:]
    private var all: Set<Reach> = []
    private let tree: SyntaxTree

    /// The scopes of `document`, whose sections link as `graph` says and whose Models entries install
    /// `deviceInstalls` on every architecture it declares (amd64 when it declares none).
    public init(document: INFDocument, graph: SectionGraph, deviceInstalls: [DeviceInstallReach]) {
        tree = document.tree
        var roots: [String: Set<Reach>] = [:]
        let declared = document.declaredArchitectures
        let architectures = declared.isEmpty ? [Architecture.amd64] : declared
        // Devices share install sections: the reaches are gathered per section first, and the suffix
        // sections (`.Services`, `.HW`, …) that exist are looked up once per install section.
        var byInstallSection: [CaseInsensitiveKey: Set<Reach>] = [:]
        for install in deviceInstalls {
            let reach = Reach(architecture: install.range.architecture, lowest: install.range.lowest,
                              upperBound: install.range.upperBound)
            roots[CaseInsensitive.fold(install.range.sectionName), default: []].insert(reach)
            byInstallSection[CaseInsensitiveKey(install.installSection), default: []].insert(reach)
        }
        for (section, reaches) in byInstallSection {
            roots[CaseInsensitive.fold(section.text), default: []].formUnion(reaches)
            for suffix in SectionGraph.installSuffixes {
                let name = section.text + "." + suffix
                if document.section(named: name) != nil { roots[CaseInsensitive.fold(name), default: []].formUnion(reaches) }
            }
        }
        for name in graph.installSectionNames where graph.roles(of: name).contains(.defaultInstall) {
            for architecture in document.installArchitectures(ofSection: name)
            where architectures.contains(architecture) {
                roots[name, default: []].insert(Reach(architecture: architecture, lowest: WindowsVersion(major: 0, minor: 0),
                                                      upperBound: nil))
            }
        }
        // Each section takes the reaches of every root it can be reached from: a reach set travels
        // along the links only as far as it adds something, so each link is followed once per new
        // reach rather than once per root.
        var pending = roots
        var queue = Array(roots.keys)
        while let name = queue.popLast() {
            guard let incoming = pending.removeValue(forKey: name) else { continue }
            let known = bySection[name] ?? []
            let added = incoming.subtracting(known)
            guard !added.isEmpty else { continue }
            bySection[name] = known.union(added)
            all.formUnion(added)
            for link in graph.links(from: name) {
                let target = CaseInsensitive.fold(link.to)
                if pending[target] == nil { queue.append(target) }
                pending[target, default: []].formUnion(added)
            }
        }
    }

    /// The architectures whose installs reach the section `name`, or `nil` when no install reaches it.
    public func architectures(reaching name: String) -> Set<Architecture>? {
        guard let reaches = bySection[CaseInsensitive.fold(name)], !reaches.isEmpty else { return nil }
        return Set(reaches.map(\.architecture))
    }

    /// Whether the sections `a` and `b` are installed by one install — one architecture and Models
    /// range — so that what they do meets on one machine; `nil` when an install reaches neither.
    public func installTogether(_ a: String, _ b: String) -> Bool? {
        guard let first = bySection[CaseInsensitive.fold(a)], let second = bySection[CaseInsensitive.fold(b)],
              !first.isEmpty, !second.isEmpty else { return nil }
        return !first.isDisjoint(with: second)
    }

    /// Where a finding starting at code unit `offset` holds, or `nil` when it holds wherever the file
    /// installs or its section is reached by no install.
    func scope(at offset: Int) -> FindingScope? {
        guard let name = sectionName(at: offset), let reaches = bySection[CaseInsensitive.fold(name)],
              !reaches.isEmpty, reaches != all else { return nil }
        return scope(of: reaches)
    }

    private func scope(of reaches: Set<Reach>) -> FindingScope {
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

    /// The name of the section whose header or body holds code unit `offset`; for a `[DestinationDirs]`
    /// entry, the file list it names.
    private func sectionName(at offset: Int) -> String? {
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
            return low == section.headerLine ? nil : tree.lines[low].key?.value
        }
        return section.header.name
    }
}
