import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

extension RuleContext {
    /// Whether the INF is an extension INF: `Class = Extension` or the Extension class GUID.
    var isExtensionINF: Bool { isOfClass("Extension") }

    /// Whether [Version] names the setup class `name`: by `Class`, or by the GUID Windows gives it.
    func isOfClass(_ name: String) -> Bool {
        let declared = shared(DeclaredClassKey.self) {
            let version = document.version
            return DeclaredClass(name: version.className?.trimmingCharacters(in: " \t"),
                                 guidClassName: version.classGuid.flatMap(SetupClasses.withGuid)?.name)
        }
        if let className = declared.name, CaseInsensitive.equal(className, name) { return true }
        guard let known = declared.guidClassName else { return false }
        return CaseInsensitive.equal(known, name)
    }

    /// The sections named by field `field` of every `directive` line, each with the line and the section found.
    func targets(of directive: String, field: Int) -> [(line: INFLine, name: String, section: INFSection?)] {
        var result: [(INFLine, String, INFSection?)] = []
        guard let id = document.keyNames.id(of: directive) else { return [] }
        for section in document.sections {
            for line in section.lines(withKeyID: id) {
                guard let name = line.field(field)?.trimmingCharacters(in: " \t"), !name.isEmpty else { continue }
                result.append((line, name, document.section(named: name)))
            }
        }
        return result
    }

    /// The INF file names (lowercased) that any `Include` of the INF names.
    var includedINFs: Set<String> {
        var result = Set<String>()
        for section in document.sections {
            for item in section.directiveValues(.include) { result.insert(item.value.trimmingCharacters(in: " \t").lowercased()) }
        }
        return result
    }

    /// Whether an included inbox INF (by the sections `InboxNeedsSections` lists) offers `section`.
    func includedINFOffering(_ section: String, among includes: Set<String>) -> String? {
        includes.sorted().first { inf in
            InboxNeedsSections.offers(section, inINF: inf)
        }
    }

    /// The INF's own file name, lowercased, with `.inx` read as `.inf`.
    var ownFileName: String {
        var name = fileName(of: document.path).lowercased()
        if name.hasSuffix(".inx") { name = String(name.dropLast(4)) + ".inf" }
        return name
    }
}

/// Trims spaces and tabs.
func trimmed(_ text: String) -> String { text.trimmingCharacters(in: " \t") }

/// Whether `text` is a GUID written `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}`.
func isBracedGuid(_ text: String) -> Bool {
    let chars = Array(text.utf8)
    guard chars.count == 38, chars.first == UInt8(ascii: "{"), chars.last == UInt8(ascii: "}") else { return false }
    for (index, c) in chars.dropFirst().dropLast().enumerated() {
        if [8, 13, 18, 23].contains(index) {
            if c != UInt8(ascii: "-") { return false }
        } else if !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) {
            return false
        }
    }
    return true
}

extension RuleContext {
    /// Every `Needs` value of every section, with the section, its line and field.
    var needs: [(section: INFSection, value: String, line: INFLine, field: Int)] {
        var result: [(INFSection, String, INFLine, Int)] = []
        for section in document.sections {
            for item in section.directiveValues(.needs) {
                let value = trimmed(item.value)
                if !value.isEmpty { result.append((section, value, item.line, item.field)) }
            }
        }
        return result
    }

    /// Whether the section is a DDInstall, DefaultInstall or install-suffix section (one whose `Needs`
    /// name sections of the same kind).
    func isDeviceInstallKind(_ section: INFSection) -> Bool {
        graph.roles(of: section).contains { role in
            switch role {
            case .deviceInstall, .defaultInstall, .installSuffix, .unreachedInstall, .classInstall: return true
            default: return false
            }
        }
    }
}

/// The install-suffix kind of a section name (`Services`, `HW`, …), or `nil` for a DDInstall section.
func installKind(of name: String) -> String? {
    guard let dot = name.lastIndex(of: ".") else { return nil }
    let last = name[name.index(after: dot)...]
    return FeatureKnowledge.needsSuffixes.first { CaseInsensitive.equal($0, String(last)) }
}

/// The setup class [Version] declares: the `Class` value, and the class Windows gives `ClassGuid`.
private struct DeclaredClass: Sendable {
    let name: String?
    let guidClassName: String?
}

private enum DeclaredClassKey: RuleContextKey {
    typealias Value = DeclaredClass
}
