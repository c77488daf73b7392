/// Binaries that ship with Windows and must be pulled in with Include/Needs, not named directly.
public enum InboxKnowledge {
    /// Inbox service binaries (lowercased) and the inbox INF that installs each.
    public static let serviceBinaries: [String: String] = [
        "wudfrd.sys": "wudfrd.inf (Include = wudfrd.inf, Needs = WUDFRD.NT / WUDFRD.NT.Services)",
        "mshidkmdf.sys": "mshidkmdf.inf (Include = MsHidKmdf.inf, Needs = MsHidKmdf.NT / MsHidKmdf.NT.Services)",
        "mshidumdf.sys": "mshidumdf.inf (Include = MsHidUmdf.inf, Needs = MsHidUmdf.NT / MsHidUmdf.NT.Services)",
        "umpass.sys": "umpass.inf (Include = umpass.inf, Needs = UmPass / UmPass.Services)",
        "winusb.sys": "winusb.inf (Include = winusb.inf, Needs = WINUSB.NT / WINUSB.NT.Services)",
    ]
}

extension InboxKnowledge {
    /// Drivers that ship with Windows in `System32\drivers`, which a package's service may run without
    /// copying them: the inbox service binaries above, and the class and port drivers INFs name as a
    /// ServiceBinary under DIRID 12 — usbser.sys above all, whose documented pattern (`Include =
    /// mdmcpq.inf`, `ServiceBinary = %12%\usbser.sys`) copies nothing.
    public static let systemDrivers: Set<String> = Set(serviceBinaries.keys).union([
        "usbser.sys", "serial.sys", "serenum.sys", "hidusb.sys", "hidclass.sys", "hidparse.sys", "usbccgp.sys",
        "ks.sys", "portcls.sys", "wdf01000.sys",
    ])

    /// Whether `fileName` (any case) is a driver that ships with Windows.
    public static func isSystemDriver(_ fileName: String) -> Bool { systemDrivers.contains(fileName.lowercased()) }

    /// The first Windows build that ships an inbox INF, for those younger than the Windows 10 builds a
    /// package may target: wudfrd.inf ships with Windows 11 (build 22000) and later; below it, a UMDF
    /// package adds the WUDFRd service itself ("Specifying the reflector in an INF file").
    public static let inboxINFSince: [String: WindowsVersion] = [
        "wudfrd.sys": WindowsVersion(major: 10, minor: 0, build: 22000),
    ]

    /// The section of the inbox INF that a DDInstall's `.HW` section must name with `Needs`, for
    /// inbox INFs that configure the device's hardware key.
    public static let hardwareNeeds: [String: String] = [
        "wudfrd.sys": "WUDFRD.NT.HW",
    ]

    /// The inbox INF of an inbox service binary (lowercased), with the sections a DDInstall and its
    /// `.Services` section name with `Needs`.
    public static let includes: [String: (inf: String, install: String, services: String)] = [
        "wudfrd.sys": ("wudfrd.inf", "WUDFRD.NT", "WUDFRD.NT.Services"),
        "winusb.sys": ("winusb.inf", "WINUSB.NT", "WINUSB.NT.Services"),
        "mshidkmdf.sys": ("MsHidKmdf.inf", "MsHidKmdf.NT", "MsHidKmdf.NT.Services"),
        "mshidumdf.sys": ("MsHidUmdf.inf", "MsHidUmdf.NT", "MsHidUmdf.NT.Services"),
        "umpass.sys": ("umpass.inf", "UmPass", "UmPass.Services"),
    ]
}
