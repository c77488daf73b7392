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
