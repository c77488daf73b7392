import INFModel

/// A Models section and the range of Windows versions on one architecture where it is the one chosen.
public struct ModelsRange: Sendable {
    /// The `[Manufacturer]` line that names it.
    public let manufacturer: ManufacturerEntry
    /// The Models section's name, as the Manufacturer line composes it.
    public let sectionName: String
    /// The decoration chosen (`nil` for the undecorated section).
    public let decoration: PlatformDecoration?
    public let architecture: Architecture
    /// The oldest version where the section applies (0.0.0 when it has no version).
    public let lowest: WindowsVersion
    /// The first version where a newer decorated section takes over, if any.
    public let upperBound: WindowsVersion?

    /// Whether the section is chosen on `version`.
    public func contains(_ version: WindowsVersion) -> Bool {
        version >= lowest && upperBound.map { version < $0 } ?? true
    }
}

/// A DDInstall section that a Models entry installs, and the Models range that reaches it.
/// Immutable, and a class so that the lists rules walk share one copy.
public final class DeviceInstallReach: Sendable {
    public let range: ModelsRange
    public let model: ModelEntry
    /// The DDInstall section actually installed on the range's architecture.
    public let installSection: String

    init(range: ModelsRange, model: ModelEntry, installSection: String) {
        self.range = range
        self.model = model
        self.installSection = installSection
    }
}

extension INFDocument {
    /// The architectures the file installs on: those its Manufacturer decorations name, and x86 when
    /// a Manufacturer line has no decoration or a bare `NT` one, or when its undecorated Models
    /// section has entries (x86 falls back to it when no decoration names x86).
    public var declaredArchitectures: [Architecture] {
        var set = Set<Architecture>()
        for entry in manufacturers {
            if entry.decorations.isEmpty || !models(in: entry.modelsSection).isEmpty { set.insert(.x86) }
            for decoration in entry.decorations { set.insert(decoration.architecture ?? .x86) }
        }
        return Architecture.allCases.filter(set.contains)
    }

    /// The Models ranges of every Manufacturer line on `architectures`.
    public func modelsRanges(architectures: [Architecture]) -> [ModelsRange] {
        var result: [ModelsRange] = []
        for entry in manufacturers {
            for architecture in architectures {
                let decorated = entry.decorations
                    .filter { ($0.architecture ?? .x86) == architecture }
                    .sorted { $0.minimumVersion < $1.minimumVersion }
                var candidates: [(String, PlatformDecoration?, WindowsVersion)] = []
                if architecture == .x86 && (decorated.first.map { $0.minimumVersion > WindowsVersion(major: 0, minor: 0) } ?? true) {
                    candidates.append((entry.modelsSection, nil, WindowsVersion(major: 0, minor: 0)))
                }
                for decoration in decorated {
                    candidates.append(("\(entry.modelsSection).\(decoration.text)", decoration, decoration.minimumVersion))
                }
                for (index, candidate) in candidates.enumerated() {
                    let upper = index + 1 < candidates.count ? candidates[index + 1].2 : nil
                    if let upper, upper <= candidate.2 { continue }
                    result.append(ModelsRange(manufacturer: entry, sectionName: candidate.0, decoration: candidate.1,
                                              architecture: architecture, lowest: candidate.2, upperBound: upper))
                }
            }
        }
        return result
    }

    /// The DDInstall sections the Models entries install, on `architectures`, restricted to the Models
    /// sections chosen on `version` when one is given.
    public func deviceInstalls(architectures: [Architecture], version: WindowsVersion? = nil) -> [DeviceInstallReach] {
        // Devices share install sections: each name is resolved once per architecture.
        var resolved: [Architecture: [String: String]] = [:]
        var result: [DeviceInstallReach] = []
        for range in modelsRanges(architectures: architectures) where version.map(range.contains) ?? true {
            for model in models(in: range.sectionName) {
                let key = model.installSection
                let section = resolved[range.architecture]?[key] ?? {
                    let name = actualInstallSection(model.installSection, architecture: range.architecture)
                    resolved[range.architecture, default: [:]][key] = name
                    return name
                }()
                result.append(DeviceInstallReach(range: range, model: model, installSection: section))
            }
        }
        return result
    }
}
