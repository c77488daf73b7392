/// A line of `[Manufacturer]`: a manufacturer name, its Models section and the decorations it lists.
public struct ManufacturerEntry: Sendable {
    /// The line itself.
    public let line: INFLine
    /// The base name of the Models section (field 1).
    public let modelsSection: String
    /// Decorations from fields 2…n, in order (`NTamd64`, `NTamd64.10.0...16299`).
    public let decorations: [PlatformDecoration]
    /// Fields 2…n that are not valid decorations, as written.
    public let malformedDecorations: [String]

    /// The Models section that applies on `target`, with the decoration chosen (`nil` for the
    /// undecorated section): the newest applicable decoration wins; with none, the undecorated
    /// section applies on x86 only.
    public func modelsSection(for target: TargetPlatform) -> (name: String, decoration: PlatformDecoration?)? {
        var best: PlatformDecoration?
        for decoration in decorations where decoration.applies(to: target.architecture, version: target.version, productType: target.productType) {
            if let current = best, decoration.minimumVersion <= current.minimumVersion { continue }
            best = decoration
        }
        if let best { return ("\(modelsSection).\(best.text)", best) }
        return target.architecture == .x86 ? (modelsSection, nil) : nil
    }
}

/// A line of a Models section: a device description, its DDInstall section and hardware IDs.
public struct ModelEntry: Sendable {
    public let line: INFLine
    /// The device description (the key).
    public let description: String
    /// The DDInstall section named in field 1, before platform resolution.
    public let installSection: String
    /// Hardware ID (field 2) and compatible IDs (fields 3…n).
    public let hardwareIDs: [String]
}

extension INFDocument {
    /// The entries of the `[Manufacturer]` section `section`.
    static func manufacturers(in section: INFSection?) -> [ManufacturerEntry] {
        (section?.lines ?? []).compactMap { line in
            guard let models = line.fields.first, !models.isEmpty else { return nil }
            var decorations: [PlatformDecoration] = []
            var malformed: [String] = []
            for text in line.fields.dropFirst() where !text.isEmpty {
                if let decoration = PlatformDecoration(parsing: text) { decorations.append(decoration) } else { malformed.append(text) }
            }
            return ManufacturerEntry(line: line, modelsSection: models, decorations: decorations, malformedDecorations: malformed)
        }
    }

    /// The entries of the Models section `name`.
    public func models(in name: String) -> [ModelEntry] {
        (section(named: name)?.lines ?? []).compactMap { line in
            guard line.hasExplicitKey, let install = line.fields.first, !install.isEmpty else { return nil }
            return ModelEntry(line: line, description: line.key ?? "", installSection: install,
                              hardwareIDs: Array(line.fields.dropFirst()))
        }
    }

    /// The section SetupAPI installs for `base` on `architecture`: `base.NT<arch>`, else `base.NT`,
    /// else `base` itself (returned even when it does not exist, as SetupDiGetActualSectionToInstall does).
    public func actualInstallSection(_ base: String, architecture: Architecture) -> String {
        for candidate in ["\(base).NT\(architecture.rawValue)", "\(base).NT"] where hasSection(candidate) {
            return section(named: candidate)?.name ?? candidate
        }
        return section(named: base)?.name ?? base
    }
}
