import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// Audio processing object registrations: only AudioProcessingObject-class INFs may write the APO
/// registration key, and an INF that sets FX properties must Include wdmaudio.inf and Need its
/// WDMAUDIO.Registration section.
public struct APORegistration: Rule {
    public static let description = RuleDescription(
        name: "apo-registration", codes: [2661, 2662, 2663],
        title: "An APO is registered outside an AudioProcessingObject INF, or FX properties lack wdmaudio.inf",
        why: "From Windows 11 an APO is registered by a component INF of the AudioProcessingObject class, which Windows services with the audio engine; other INFs writing AudioEngine\\AudioProcessingObjects register APOs the audio stack does not manage. An INF that attaches effects to endpoints (FX property keys under FX\\<n>) relies on the audio components of wdmaudio.inf, so its DDInstall must Include wdmaudio.inf and Need WDMAUDIO.Registration.",
        fix: "Move the APO registration into a component INF with Class = AudioProcessingObject (added with AddComponent from an extension INF); in the INF that sets FX properties, add Include = ks.inf, wdmaudio.inf and Needs = KS.Registration, WDMAUDIO.Registration to the DDInstall section.",
        levels: levels("E E - -"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        ↓Class = MEDIA
        ClassGuid = {4d36e96c-e325-11ce-bfc1-08002be10318}
        [Install.NT]
        AddReg = Apo_Reg
        [Apo_Reg]
        HKR, AudioEngine\\AudioProcessingObjects\\{11111111-2222-3333-4444-555555555555}, FriendlyName, , "Contoso APO"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = MEDIA
        ClassGuid = {4d36e96c-e325-11ce-bfc1-08002be10318}
        [Install.NT]
        AddReg = Fx_Reg
        [Fx_Reg]
        ↓HKR, FX\\0, %PKEY_FX_StreamEffectClsid%, , %FX_STREAM_CLSID%
        [Strings]
        PKEY_FX_StreamEffectClsid = "{D04E05A6-594B-4fb6-A80D-01AF5EED7D1D},5"
        FX_STREAM_CLSID = "{11111111-2222-3333-4444-555555555555}"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = MEDIA
        ClassGuid = {4d36e96c-e325-11ce-bfc1-08002be10318}
        [Install.NT]
        Include = ks.inf, wdmaudio.inf
        Needs = KS.Registration
        AddReg = Fx_Reg
        [Fx_Reg]
        ↓HKR, FX\\0, "{D04E05A6-594B-4fb6-A80D-01AF5EED7D1D},5", , "{11111111-2222-3333-4444-555555555555}"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = AudioProcessingObject
        ClassGuid = {5989fce8-9cd0-467d-8a6a-5419e31529d4}
        [Install.NT]
        AddReg = Apo_Reg
        [Apo_Reg]
        HKR, AudioEngine\\AudioProcessingObjects\\{11111111-2222-3333-4444-555555555555}, FriendlyName, , "Contoso APO"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = MEDIA
        ClassGuid = {4d36e96c-e325-11ce-bfc1-08002be10318}
        [Install.NT]
        Include = ks.inf, wdmaudio.inf
        Needs = KS.Registration, WDMAUDIO.Registration
        AddReg = Fx_Reg
        [Fx_Reg]
        HKR, FX\\0, "{D04E05A6-594B-4fb6-A80D-01AF5EED7D1D},5", , "{11111111-2222-3333-4444-555555555555}"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        let entries = context.uniqueRegistryEntries.filter { $0.entry.operation == .addReg }
        let className = context.document.version.className.map(trimmed) ?? ""
        if !CaseInsensitive.equal(className, "AudioProcessingObject") {
            let registrations = entries.filter { Self.isAPORegistration($0.entry) }
            if !registrations.isEmpty {
                let line = context.document.version.classLine
                result.append(Violation(range: line.map { context.range(of: $0) },
                                        message: "Only an INF of the AudioProcessingObject class may register APOs under \(FeatureKnowledge.apoRegistrationKey)\(className.isEmpty ? "" : "; this INF's class is '\(className)'")",
                                        related: registrations.prefix(5).map { (context.range(of: $0.entry.line), "APO registration") },
                                        code: 2661, infVerifValues: [FeatureKnowledge.apoRegistrationKey]))
            }
        }
        guard !context.isExtensionINF, let fx = entries.first(where: { Self.setsFXProperty($0.entry) }) else { return result }
        if !context.includedINFs.contains("wdmaudio.inf") {
            result.append(Violation(range: context.range(of: fx.entry.line),
                                    message: "FX properties are set but no section includes wdmaudio.inf", code: 2662,
                                    infVerifValues: [fx.link.from]))
        } else if !context.needs.contains(where: { FeatureKnowledge.wdmaudioRegistrationSections.contains($0.value.foldedCase) }) {
            result.append(Violation(range: context.range(of: fx.entry.line),
                                    message: "FX properties are set but no section Needs WDMAUDIO.Registration of wdmaudio.inf", code: 2663,
                                    infVerifValues: [fx.link.from, "WDMAUDIO.Registration"]))
        }
        return result
    }

    /// A write under the APO registration key, through HKR, HKCR or HKLM\SOFTWARE\Classes.
    static func isAPORegistration(_ entry: RegistryEntry) -> Bool {
        switch entry.root {
        case .relative, .classesRoot:
            return RegistryKnowledge.hasKeyPrefix(normalized: entry.normalizedSubkey, FeatureKnowledge.apoRegistrationKey)
        case .localMachine:
            return RegistryKnowledge.hasKeyPrefix(normalized: entry.normalizedSubkey, "SOFTWARE\\Classes\\" + FeatureKnowledge.apoRegistrationKey)
        default:
            return false
        }
    }

    /// A value named by an FX property key (`{D04E05A6-…},n`).
    static func setsFXProperty(_ entry: RegistryEntry) -> Bool {
        guard entry.root == .relative, let name = entry.valueName.map(trimmed) else { return false }
        return name.foldedCase.hasPrefix(FeatureKnowledge.fxPropertySet)
    }
}
