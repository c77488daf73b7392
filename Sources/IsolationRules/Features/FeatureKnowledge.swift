import Findings
import IsolationEngine

/// Values the install-feature rules check against, from Microsoft's INF reference pages.
enum FeatureKnowledge {
    /// `ThreadingModel` values of a COM class ("INF AddComClass directive"; the same four names
    /// the InprocServer32 registry value takes).
    static let threadingModels: Set<String> = ["apartment", "both", "free", "neutral"]

    /// Characters an event channel name may not hold ("INF AddEventProvider directive",
    /// "Specifying a Channel List"); characters below 32 are refused too.
    static let channelNameForbidden: Set<Character> = [">", "<", "&", "\"", "|", "\\", ":", "`", "?", "*"]

    /// The longest channel name the same page allows (less than 255 characters).
    static let channelNameLimit = 254

    /// The smallest `LoggingMaxSize` of a channel: 1 MB ("INF AddEventProvider directive").
    static let channelMinimumLogSize = 1_048_576

    /// The property set of the audio FX property keys (`PKEY_FX_*`, `PKEY_CompositeFX_*`) that an
    /// INF writes under an endpoint's `FX\<n>` key ("Installing Custom sAPOs", "PKEY_FX_StreamEffectClsid").
    static let fxPropertySet = "{d04e05a6-594b-4fb6-a80d-01af5eed7d1d}"

    /// The registry subkey APOs are registered under ("Audio Processing Object Architecture").
    static let apoRegistrationKey = "AudioEngine\\AudioProcessingObjects"

    /// The wdmaudio.inf sections a port-class audio DDInstall Needs ("Installing Core System
    /// Components for an Audio Adapter": KS.Registration of ks.inf and WDMAUDIO.Registration of wdmaudio.inf).
    static let wdmaudioRegistrationSections: Set<String> = ["wdmaudio.registration", "wdmaudio.registration.nt"]

    /// Install-section suffixes that give a section its kind for `Needs` (a `.Services` section may
    /// only need `.Services` sections, and so on); a name with none of them is a DDInstall section.
    static let needsSuffixes: [String] = [
        "HW", "Services", "Interfaces", "CoInstallers", "Wdf", "Events", "Filters", "Software", "Components", "COM",
    ]
}
