/// Limits SetupAPI applies when it reads INF text.
public enum SetupLimits {
    /// `MAX_INF_STRING_LENGTH`: the longest field SetupAPI returns, in UTF-16 code units. Native
    /// Windows (10 1709 and later) cuts a longer field to this length, as written and after `%strkey%`
    /// substitution alike.
    public static let maximumStringLength = 4096

    /// `value` cut to `maximumStringLength` code units, as SetupAPI returns it.
    public static func cut(_ value: String) -> String {
        guard value.utf16.count > maximumStringLength else { return value }
        let units = UTF16Text.units(of: value)
        guard units.count > maximumStringLength else { return value }
        return UTF16Text.string(units.prefix(maximumStringLength))
    }
}
