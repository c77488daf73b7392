/// The sections of inbox INFs that other INFs reach with `Include` and `Needs`: in the inbox INF
/// itself nothing names them, yet they are used.
public enum InboxNeedsSections {
    /// For each inbox INF (lowercased file name), the sections documented or used as Needs targets.
    public static let byINF: [String: [String]] = [
        "wudfrd.inf": ["WUDFRD.NT", "WUDFRD.NT.HW", "WUDFRD.NT.Services"]
            + suffixed("WUDFRD_UpperFilter.NT", ["HW", "Services", "Filters"])
            + suffixed("WUDFRD_LowerFilter.NT", ["HW", "Services", "Filters"]),
        "mshidkmdf.inf": ["MsHidKmdf.NT", "MsHidKmdf.NT.HW", "MsHidKmdf.NT.Services"]
            + suffixed("MsHidKmdf_UpperFilter.NT", ["Filters"]) + ["MsHidKmdf_LowerFilter.NT"],
        "mshidumdf.inf": ["MsHidUmdf.NT", "MsHidUmdf.NT.HW", "MsHidUmdf.NT.Services"],
        // WinUSB also as a lower filter ("WinUSB (Winusb.sys) Installation").
        "winusb.inf": ["WINUSB.NT", "WINUSB.NT.Services"] + suffixed("WINUSB_LowerFilter.NT", ["HW", "Services", "Filters"]),
        "umpass.inf": suffixed("UmPass", ["HW", "Services", "Interfaces", "CoInstallers"]),
        "ks.inf": ["KS.Registration", "MSPCLOCK.Installation"],
        "kscaptur.inf": ["KSCAPTUR.Registration", "KSCAPTUR.Registration.NT"],
        "ksfilter.inf": ["MSPCLOCK.Installation"],
        "wdmaudio.inf": [
            "WDMAUDIO.Registration", "WDMAUDIO.Registration.NT", "WDMAUDIO.MPU401", "WDMAUDIO.MPU401.Services",
            "WDMPORTCLS.CopyFilesOnly", "mssysfx.CopyFilesAndRegister", "mssysfx.CopyFilesAndRegisterCapX",
            "MsApoFxProxy.Registration",
        ],
        "btampm.inf": ["BtaMPM.CopyFilesOnly"],
        "wdma_usb.inf": ["USBAudio.CopyList", "USBAudioOEM.AddReg"],
        "hdaudio.inf": suffixed("HDAudModel", ["HW", "Interfaces", "Services"]),
        "usbvideo.inf": suffixed("USBVideo.NT", ["HW", "Services", "WDF"]),
        "sti.inf": suffixed("STI.USBSection", ["Services"]) + suffixed("STI.SCSISection", ["Services"])
            + suffixed("STI.SerialSection", ["Services"]) + suffixed("STI.SBP2Section", ["Services"])
            + suffixed("STI.WSDSection", ["HW", "Services"])
            + ["STI.PTPUSBSection", "STI.WIAVideo.Registration", "STI.MICRODRIVERSection"],
        "usb.inf": ["Composite.Dev.NT", "Composite.Dev.NT.Services"],
        "input.inf": suffixed("HID_Inst.NT", ["HW", "Services"]) + suffixed("HID_SelSus_Inst.NT", ["HW", "Services"]),
        "msmouse.inf": suffixed("PS2_Inst", ["HW", "Services"]) + suffixed("HID_Mouse_Inst.NT", ["HW", "Services"]),
        "keyboard.inf": suffixed("STANDARD_Inst", ["HW", "Services"]),
        "hidbatt.inf": suffixed("HidBatt_Inst", ["Services"]),
        "battery.inf": ["Battery_Inst"],
        "hidcfu.inf": suffixed("HidCfu.NT", ["Services", "Wdf"]),
        "storfwupdate.inf": suffixed("StorFwUpdate.NT", ["Services", "Wdf"]),
        "mf.inf": ["MFINSTALL.mf", "MFINSTALL.mf.Services"],
        "machine.inf": suffixed("PciD3ColdSupported", ["HW"]) + suffixed("PciIoSpaceNotRequired", ["HW"]) + ["PciSriovSupported.HW"],
        "pci.inf": suffixed("PciD3ColdSupported", ["HW"]) + suffixed("PciIoSpaceNotRequired", ["HW"]) + ["PciSriovSupported.HW"],
        "netrndis.inf": suffixed("Usb_Rndis.ndi", ["Services"]) + suffixed("usbrndis6.ndi", ["Services"]),
        "netvwifibus.inf": ["VWiFiBus.CopyFiles", "VWiFiBus.Services", "VWiFiBus.PnPFilterRegistration",
                            "VWiFiBus.PnPFilterRegistration.HW"],
        "netcxrd.inf": suffixed("netcxrd_Filter.NT", ["HW", "Services", "Filters"]),
        "bth.inf": suffixed("BthUsb.NT", ["HW", "Services"]),
        "msports.inf": suffixed("SerialEnumerator.NT", ["Services"]),
        "ntprint.inf": ["UNIDRV.OEM", "UNIDRV_BIDI.OEM", "PSCRIPT.OEM", "TTFSUB.OEM", "PCLXL.OEM", "XPSGPD.OEM", "XPSDRV.OEM"],
    ]

    /// Inbox INFs that driver INFs include beyond those listed in `byINF`: mdmcpq.inf (the modem INF
    /// pattern of "Modem INF Files"), msdv.inf (DV camcorders), msxpsdrv.inf (the XPSDrv print filter
    /// pipeline) and xinputhid.inf (XInput HID devices).
    public static let otherINFs: Set<String> = ["mdmcpq.inf", "msdv.inf", "msxpsdrv.inf", "xinputhid.inf"]

    /// Inbox INFs whose sections for Needs are known completely: the UMDF reflector, WinUSB, the HID
    /// KMDF and UMDF mappers, UmPass and the virtual WLAN bus. A Needs of another section of these INFs
    /// names a section that does not exist.
    public static let completelyKnown: Set<String> = [
        "wudfrd.inf", "winusb.inf", "mshidkmdf.inf", "mshidumdf.inf", "umpass.inf", "netvwifibus.inf",
    ]

    /// Whether `fileName` (any case) is an inbox INF that driver INFs include.
    public static func isInbox(_ fileName: String) -> Bool {
        let folded = fileName.lowercased()
        return byINF[folded] != nil || otherINFs.contains(folded)
    }

    /// `base` and `base.<suffix>` for each suffix.
    private static func suffixed(_ base: String, _ suffixes: [String]) -> [String] {
        [base] + suffixes.map { "\(base).\($0)" }
    }

    /// ``byINF`` with the section names folded, for look-ups.
    private static let foldedByINF: [String: Set<String>] = byINF.mapValues { Set($0.map(CaseInsensitive.fold)) }

    /// Whether `section` is one that the inbox INF named `fileName` offers to other INFs.
    public static func offers(_ section: String, inINF fileName: String) -> Bool {
        sections(offeredBy: fileName)?.contains(CaseInsensitive.fold(section)) ?? false
    }

    /// The sections (folded, ``CaseInsensitive/fold(_:)``) that the inbox INF named `fileName` offers
    /// to other INFs, or `nil` when it is not one of those INFs.
    public static func sections(offeredBy fileName: String) -> Set<String>? {
        foldedByINF[CaseInsensitive.fold(fileName)]
    }
}
