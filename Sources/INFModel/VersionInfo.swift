/// The `[Version]` section: the file's signature, class, provider, driver version and catalogs.
public struct VersionInfo: Sendable {
    /// The `Signature` line, if any.
    public let signature: INFLine?
    public let classLine: INFLine?
    public let classGuidLine: INFLine?
    public let providerLine: INFLine?
    public let driverVerLine: INFLine?
    public let pnpLockdownLine: INFLine?
    /// Every `CatalogFile` line, undecorated or decorated (`CatalogFile.NTamd64`).
    public let catalogFileLines: [INFLine]

    init(section: INFSection?) {
        let lines = section?.lines ?? []
        func first(_ key: String) -> INFLine? { lines.first { $0.hasKey(key) } }
        signature = lines.first { $0.rawKey.map { CaseInsensitive.equal($0, "Signature") } ?? false }
        classLine = first("Class")
        classGuidLine = first("ClassGuid")
        providerLine = first("Provider")
        driverVerLine = first("DriverVer")
        pnpLockdownLine = first("PnpLockdown")
        catalogFileLines = lines.filter {
            guard let key = $0.key else { return false }
            let folded = CaseInsensitive.fold(key)
            return folded == "catalogfile" || folded.hasPrefix("catalogfile.")
        }
    }

    /// The raw signature value, e.g. `$Windows NT$`.
    public var signatureValue: String? { signature?.rawFields.first }
    /// Whether the signature is `$Windows NT$` (any case).
    public var isWindowsNTSignature: Bool {
        signatureValue.map { CaseInsensitive.equal($0, "$Windows NT$") } ?? false
    }
    public var className: String? { classLine?.fields.first }
    public var classGuid: String? { classGuidLine?.fields.first }
    public var provider: String? { providerLine?.fields.first }
    /// `DriverVer` date (`MM/DD/YYYY`) and version (`w.x.y.z`).
    public var driverDate: String? { driverVerLine?.field(1) }
    public var driverVersion: String? { driverVerLine?.field(2) }
    /// The `PnpLockdown` value as an integer, if present and numeric.
    public var pnpLockdown: Int32? { pnpLockdownLine?.fields.first.flatMap { IntegerField(parsing: $0).int32 } }
}
