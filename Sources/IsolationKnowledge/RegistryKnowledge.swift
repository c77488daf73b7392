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

    /// The normalized exception prefixes as bytes (all ASCII).
    private static let signatureExceptionPrefixBytes = normalizedSignatureExceptionPrefixes.map { Array($0.utf8) }

    /// Whether signature mode accepts a write under `root\subkey`.
    public static func isSignatureException(root: RegistryRoot, subkey: String) -> Bool {
        switch root {
        case .classesRoot: return true
        case .localMachine:
            var key = normalize(subkey)
            guard key.isASCII else {
                return normalizedSignatureExceptionPrefixes.contains { isNormalizedKey(key, atOrBelow: $0) }
            }
            // ASCII: each prefix is compared as bytes, with a backslash or the end after it.
            return key.withUTF8 { bytes in
                signatureExceptionPrefixBytes.contains { prefix in
                    bytes.count >= prefix.count && bytes.starts(with: prefix)
                        && (bytes.count == prefix.count || bytes[prefix.count] == 0x5C)
                }
            }
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
        isNormalizedKey(key, atOrBelow: normalize(prefix))
    }

    /// Whether `key` equals `prefix` or lies below it, both in ``normalize(_:)``'s form.
    public static func isNormalizedKey(_ key: String, atOrBelow prefix: String) -> Bool {
        let bytes = key.utf8
        guard bytes.count >= prefix.utf8.count else { return false }
        // Two different ASCII first bytes begin different characters: most keys stop here.
        if let first = bytes.first, let other = prefix.utf8.first, first < 0x80, other < 0x80, first != other { return false }
        // Beyond ASCII, characters (with their combining marks) decide, as they always have.
        guard key.isASCII, prefix.isASCII else {
            return key == prefix || key.hasPrefix(prefix + "\\")
        }
        guard bytes.starts(with: prefix.utf8) else { return false }
        let end = bytes.index(bytes.startIndex, offsetBy: prefix.utf8.count)
        return end == bytes.endIndex || bytes[end] == 0x5C
    }

    /// Lowercased, without leading/trailing backslashes, doubled backslashes folded
    /// (``RegistryEntry/normalizedKey(_:)``; a registry entry holds its subkey in this form).
    public static func normalize(_ key: String) -> String {
        RegistryEntry.normalizedKey(key)
    }

    /// The service named by `SYSTEM\CurrentControlSet\Services\<svc>…` (any control set), and the
    /// rest of the path below it.
    public static func serviceKey(in subkey: String) -> (service: String, rest: String)? {
        let bytes = Array(subkey.utf8)
        // Most keys are not under SYSTEM: rule them out before splitting.
        let start = bytes.firstIndex { !($0 == 0x5C || $0 == 0x20 || $0 == 0x09 || $0 == 0x22) } ?? bytes.count
        guard bytes.count - start >= 24, asciiEqual(bytes[start..<start + 6], "system") else { return nil }
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return serviceKeyOfUnicodeText(subkey) }
        // ASCII: each byte is a character, and the components compare without lowercasing. The
        // components are those `split` gives (empty ones skipped): the first four, then the rest
        // joined by single backslashes.
        var index = 0
        func nextComponent() -> ArraySlice<UInt8>? {
            while index < bytes.count, bytes[index] == 0x5C { index += 1 }
            guard index < bytes.count else { return nil }
            let first = index
            while index < bytes.count, bytes[index] != 0x5C { index += 1 }
            return bytes[first..<index]
        }
        guard let system = nextComponent(), asciiEqual(system, "system"),
              let controlSet = nextComponent(),
              asciiEqual(controlSet, "currentcontrolset") || asciiHasPrefix(controlSet, "controlset"),
              let services = nextComponent(), asciiEqual(services, "services"),
              let service = nextComponent() else { return nil }
        var rest: [UInt8] = []
        while let component = nextComponent() {
            if !rest.isEmpty { rest.append(0x5C) }
            rest.append(contentsOf: component)
        }
        return (String(decoding: service, as: UTF8.self), String(decoding: rest, as: UTF8.self))
    }

    /// ``serviceKey(in:)`` for a key with characters beyond ASCII, compared as Windows folds them.
    private static func serviceKeyOfUnicodeText(_ subkey: String) -> (service: String, rest: String)? {
        let parts = normalize(subkey).split(ascii: "\\", omittingEmptySubsequences: false)
        let original = subkey.split(whereSeparator: { $0 == "\\" }).map(String.init)
        guard parts.count >= 4, parts[0] == "system",
              parts[1] == "currentcontrolset" || parts[1].hasPrefix("controlset"),
              parts[2] == "services", original.count >= 4 else { return nil }
        return (original[3], original.dropFirst(4).joined(separator: "\\"))
    }

    /// Whether `bytes` spell `word` (lowercase ASCII), ignoring ASCII case.
    private static func asciiEqual<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount && asciiHasPrefix(bytes, word)
    }

    /// Whether `bytes` start with `word` (lowercase ASCII), ignoring ASCII case.
    private static func asciiHasPrefix<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ word: StaticString) -> Bool {
        guard bytes.count >= word.utf8CodeUnitCount else { return false }
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return zip(bytes, pattern).allSatisfy { ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == $1 }
    }

    /// Service values the AddService directive sets, with the service-install directive that owns each.
    public static let intrinsicServiceValues: [String: String?] = [
        "start": "StartType", "type": "ServiceType", "errorcontrol": "ErrorControl", "imagepath": "ServiceBinary",
        "displayname": "DisplayName", "description": "Description", "group": "LoadOrderGroup",
        "dependonservice": "Dependencies", "servicesidtype": nil, "delayedautostart": "DelayedAutoStart",
        "triggerinfo": "AddTrigger", "failureactions": nil, "requiredprivileges": nil, "security": "Security",
    ]
}
