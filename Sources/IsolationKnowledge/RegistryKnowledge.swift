import INFModel

/// Facts about registry keys for isolation: what signature mode still allows, which service values
/// the AddService directive owns, and which paths name global state.
public enum RegistryKnowledge {
    /// HKLM subkeys signature mode (`/h`) still accepts outside HKR ("Current Requirements", April 2024).
    public static let signatureExceptionPrefixes: [String] = [
        #"SYSTEM\CurrentControlSet"#,
        #"SOFTWARE\Classes"#,
        #"SOFTWARE\Khronos"#,
        #"SOFTWARE\Microsoft\Analog\Providers"#,
        #"SOFTWARE\Microsoft\Cellular\MVSettings\DeviceSpecific\CellUX"#,
        #"SOFTWARE\Microsoft\Cryptography\Calais\Readers"#,
        #"SOFTWARE\Microsoft\Cryptography\Calais\SmartCards"#,
        #"SOFTWARE\Microsoft\Cryptography\DRM_RNG"#,
        #"SOFTWARE\Microsoft\EAPOL"#,
        #"SOFTWARE\Microsoft\Palm\DelayManipulationDuration"#,
        #"SOFTWARE\Microsoft\Shell\OEM\QuickActions\ColorProfileQuickAction"#,
        #"SOFTWARE\Microsoft\Speech_OneCore\AudioInput"#,
        #"SOFTWARE\Microsoft\Windows Media Foundation"#,
        #"SOFTWARE\Microsoft\Windows NT\CurrentVersion\AdaptiveDisplayBrightness"#,
        #"SOFTWARE\Microsoft\Windows NT\CurrentVersion\drivers.desc"#,
        #"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Drivers32"#,
        #"SOFTWARE\Microsoft\Windows NT\CurrentVersion\ICM"#,
        #"SOFTWARE\Microsoft\Windows NT\CurrentVersion\OpenGlDrivers"#,
        #"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\Notify\ScCertProp"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\Audio"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\Control Panel"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\Controls Folder"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\Reliability\UserDefined"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\Run"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\RunOnce"#,
        #"SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall"#,
        #"SOFTWARE\Wow6432Node\Microsoft\Windows Media Foundation"#,
        #"SOFTWARE\Wow6432Node\Khronos"#,
        #"SOFTWARE\WowAA32Node\Microsoft\Windows Media Foundation"#,
        #"SOFTWARE\WowAA32Node\Khronos"#,
    ]

    /// The exception prefixes, normalized once.
    static let normalizedSignatureExceptionPrefixes = signatureExceptionPrefixes.map(normalize)

    /// Whether signature mode accepts a write under `root\subkey`.
    public static func isSignatureException(root: RegistryRoot, subkey: String) -> Bool {
        switch root {
        case .classesRoot: return true
        case .localMachine:
            let key = normalize(subkey)
            return normalizedSignatureExceptionPrefixes.contains { key == $0 || key.hasPrefix($0 + "\\") }
        default: return false
        }
    }

    /// Whether `subkey` is `prefix` or lies below it (case-insensitive, `\` separated).
    public static func hasKeyPrefix(_ subkey: String, _ prefix: String) -> Bool {
        hasKeyPrefix(normalized: normalize(subkey), prefix)
    }

    /// ``hasKeyPrefix(_:_:)`` for a key already in ``normalize(_:)``'s form, such as a registry
    /// entry's `normalizedSubkey`.
    public static func hasKeyPrefix(normalized key: String, _ prefix: String) -> Bool {
        let p = normalize(prefix)
        guard key.utf8.count >= p.utf8.count else { return false }
        return key == p || key.hasPrefix(p + "\\")
    }

    /// Lowercased, without leading/trailing backslashes, doubled backslashes folded
    /// (``RegistryEntry/normalizedKey(_:)``; a registry entry holds its subkey in this form).
    public static func normalize(_ key: String) -> String {
        RegistryEntry.normalizedKey(key)
    }

    /// The service named by `SYSTEM\CurrentControlSet\Services\<svc>…` (any control set), and the
    /// rest of the path below it.
    public static func serviceKey(in subkey: String) -> (service: String, rest: String)? {
        // Most keys are not under SYSTEM: rule them out before normalizing and splitting.
        let start = subkey.drop(while: { $0 == "\\" || $0 == " " || $0 == "\t" || $0 == "\"" })
        guard start.utf8.count >= 24, CaseInsensitive.equal(String(start.prefix(6)), "system") else { return nil }
        let parts = normalize(subkey).split(separator: "\\", omittingEmptySubsequences: false)
        let original = subkey.split(whereSeparator: { $0 == "\\" }).map(String.init)
        guard parts.count >= 4, parts[0] == "system",
              parts[1] == "currentcontrolset" || parts[1].hasPrefix("controlset"),
              parts[2] == "services", original.count >= 4 else { return nil }
        return (original[3], original.dropFirst(4).joined(separator: "\\"))
    }

    /// Service values the AddService directive sets, with the service-install directive that owns each.
    public static let intrinsicServiceValues: [String: String?] = [
        "start": "StartType", "type": "ServiceType", "errorcontrol": "ErrorControl", "imagepath": "ServiceBinary",
        "displayname": "DisplayName", "description": "Description", "group": "LoadOrderGroup",
        "dependonservice": "Dependencies", "servicesidtype": nil, "delayedautostart": "DelayedAutoStart",
        "triggerinfo": "AddTrigger", "failureactions": nil, "requiredprivileges": nil, "security": "Security",
    ]
}
