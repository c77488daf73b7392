/// A device setup class that Windows defines, with the GUID that belongs to it.
public struct SetupClass: Sendable, Hashable {
    /// Who may install devices of the class.
    public enum Use: Sendable, Hashable {
        /// Available to vendors' packages.
        case vendors
        /// Reserved for system use: Windows installs these devices itself.
        case system
        /// Reserved for Microsoft's sample drivers; no shipping package may use it.
        case samples
    }

    /// The class name as the documentation spells it (compare ignoring case).
    public let name: String
    /// The class GUID, in braces.
    public let guid: String
    public let use: Use

    public init(_ name: String, _ guid: String, _ use: Use = .vendors) {
        self.name = name
        self.guid = guid
        self.use = use
    }
}

/// The well-known device setup classes: those Windows defines for vendors, those reserved for system
/// use, the file-system filter classes, the classes of other inbox drivers, and the sample class.
public enum SetupClasses {
    /// Every class known, in documentation order.
    public static let all: [SetupClass] = [
        // Available to vendors (system-defined device setup classes available to vendors).
        SetupClass("AudioProcessingObject", "{5989fce8-9cd0-467d-8a6a-5419e31529d4}"),
        SetupClass("Battery", "{72631e54-78a4-11d0-bcf7-00aa00b7b32a}"),
        SetupClass("Biometric", "{53D29EF7-377C-4D14-864B-EB3A85769359}"),
        SetupClass("Bluetooth", "{e0cbf06c-cd8b-4647-bb8a-263b43f0f974}"),
        SetupClass("Camera", "{ca3e7ab9-b4c3-4ae6-8251-579ef933890f}"),
        SetupClass("CDROM", "{4d36e965-e325-11ce-bfc1-08002be10318}"),
        SetupClass("DiskDrive", "{4d36e967-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Display", "{4d36e968-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Extension", "{e2f84ce7-8efa-411c-aa69-97454ca4cb57}"),
        SetupClass("FDC", "{4d36e969-e325-11ce-bfc1-08002be10318}"),
        SetupClass("FloppyDisk", "{4d36e980-e325-11ce-bfc1-08002be10318}"),
        SetupClass("HDC", "{4d36e96a-e325-11ce-bfc1-08002be10318}"),
        SetupClass("HIDClass", "{745a17a0-74d3-11d0-b6fe-00a0c90f57da}"),
        SetupClass("Dot4", "{48721b56-6795-11d2-b1a8-0080c72e74a2}"),
        SetupClass("Dot4Print", "{49ce6ac8-6f86-11d2-b1e5-0080c72e74a2}"),
        SetupClass("61883", "{7ebefbc0-3200-11d2-b4c2-00a0C9697d07}"),
        SetupClass("AVC", "{c06ff265-ae09-48f0-812c-16753d7cba83}"),
        SetupClass("SBP2", "{d48179be-ec20-11d1-b6b8-00c04fa372a7}"),
        SetupClass("1394", "{6bdd1fc1-810f-11d0-bec7-08002be2092f}"),
        SetupClass("Image", "{6bdd1fc6-810f-11d0-bec7-08002be2092f}"),
        SetupClass("Infrared", "{6bdd1fc5-810f-11d0-bec7-08002be2092f}"),
        SetupClass("Keyboard", "{4d36e96b-e325-11ce-bfc1-08002be10318}"),
        SetupClass("MediumChanger", "{ce5939ae-ebde-11d0-b181-0000f8753ec4}"),
        SetupClass("MTD", "{4d36e970-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Modem", "{4d36e96d-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Monitor", "{4d36e96e-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Mouse", "{4d36e96f-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Multifunction", "{4d36e971-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Media", "{4d36e96c-e325-11ce-bfc1-08002be10318}"),
        SetupClass("MultiportSerial", "{50906cb8-ba12-11d1-bf5d-0000f805f530}"),
        SetupClass("Net", "{4d36e972-e325-11ce-bfc1-08002be10318}"),
        SetupClass("NetClient", "{4d36e973-e325-11ce-bfc1-08002be10318}"),
        SetupClass("NetService", "{4d36e974-e325-11ce-bfc1-08002be10318}"),
        SetupClass("NetTrans", "{4d36e975-e325-11ce-bfc1-08002be10318}"),
        SetupClass("SecurityAccelerator", "{268c95a1-edfe-11d3-95c3-0010dc4050a5}"),
        SetupClass("PCMCIA", "{4d36e977-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Ports", "{4d36e978-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Printer", "{4d36e979-e325-11ce-bfc1-08002be10318}"),
        SetupClass("PNPPrinters", "{4658ee7e-f050-11d1-b6bd-00c04fa372a7}"),
        SetupClass("Processor", "{50127dc3-0f36-415e-a6cc-4cb3be910b65}"),
        SetupClass("SCSIAdapter", "{4d36e97b-e325-11ce-bfc1-08002be10318}"),
        SetupClass("Securitydevices", "{d94ee5d8-d189-4994-83d2-f68d7d41b0e6}"),
        SetupClass("Sensor", "{5175d334-c371-4806-b3ba-71fd53c9258d}"),
        SetupClass("SmartCardReader", "{50dd5230-ba8a-11d1-bf5d-0000f805f530}"),
        SetupClass("SoftwareComponent", "{5c4c3332-344d-483c-8739-259e934c9cc8}"),
        SetupClass("NvmeDisk", "{75416e63-5912-4dfa-ae8f-3efaccaffb14}"),
        SetupClass("Volume", "{71a27cdd-812a-11d0-bec7-08002be2092f}"),
        SetupClass("System", "{4d36e97d-e325-11ce-bfc1-08002be10318}"),
        SetupClass("TapeDrive", "{6d807884-7d21-11cf-801c-08002be10318}"),
        SetupClass("USBDevice", "{88BAE032-5A81-49f0-BC3D-A4FF138216D6}"),
        SetupClass("WCEUSBS", "{25dbce51-6c8f-4a72-8a6d-b54c2b4fc835}"),
        SetupClass("WPD", "{eec5ad98-8080-425f-922a-dabf3de3f69a}"),
        SetupClass("GPS", "{6bdd1fc3-810f-11d0-bec7-08002be2092f}"),
        SetupClass("SideShow", "{997b5d8d-c442-4f2e-baf3-9c8e671e9e21}"),
        // USB host controllers and hubs (peripherals use USBDevice or a functional class).
        SetupClass("USB", "{36fc9e60-c465-11cf-8056-444553540000}"),
        // Reserved for system use: not for installing devices or drivers on Windows 2000 or later.
        SetupClass("Adapter", "{4d36e964-e325-11ce-bfc1-08002be10318}", .system),
        SetupClass("APMSupport", "{d45b1c18-c8fa-11d1-9f77-0000f805f530}", .system),
        SetupClass("Computer", "{4d36e966-e325-11ce-bfc1-08002be10318}", .system),
        SetupClass("Decoder", "{6bdd1fc2-810f-11d0-bec7-08002be2092f}", .system),
        SetupClass("1394Debug", "{66f250d6-7801-4a64-b139-eea80a450b24}", .system),
        SetupClass("Enum1394", "{c459df55-db08-11d1-b009-00a0c9081ff6}", .system),
        SetupClass("NoDriver", "{4d36e976-e325-11ce-bfc1-08002be10318}", .system),
        SetupClass("LegacyDriver", "{8ecc055d-047f-11d1-a537-0000f8753ed1}", .system),
        SetupClass("Unknown", "{4d36e97e-e325-11ce-bfc1-08002be10318}", .system),
        SetupClass("PrinterUpgrade", "{4d36e97a-e325-11ce-bfc1-08002be10318}", .system),
        SetupClass("PrintQueue", "{1ed2bbf9-11f0-4084-b21f-ad83a8e6dcdc}", .system),
        SetupClass("SoftwareDevice", "{62f9c741-b25a-46ce-b54c-9bccce08b6f2}", .system),
        SetupClass("AudioEndpoint", "{c166523c-fe0c-4a94-a586-f1a80cfbbf3e}", .system),
        SetupClass("Sound", "{4d36e97c-e325-11ce-bfc1-08002be10318}", .system),
        SetupClass("VolumeSnapshot", "{533c5b84-ec70-11d2-9505-00c04F79deaf}", .system),
        // Other classes of devguid.h and inbox drivers.
        SetupClass("ComputeAccelerator", "{f01a9d53-3ff6-48d2-9f97-c8a7004be10c}"),
        SetupClass("Firmware", "{f2e7dd72-6468-4e36-b6f1-6488f42c1b52}"),
        SetupClass("UCM", "{e6f1aa1c-7f3b-4473-b2e8-c97d8ac71d53}"),
        SetupClass("NetDriver", "{87ef9ad1-8f70-49ee-b215-ab1fcadcbe3c}"),
        SetupClass("SDHost", "{a0a588a4-c46f-4b37-b7ea-c82fe89870c6}"),
        SetupClass("USBFunctionController", "{bbbe8734-08fa-4966-b6a6-4e5ad010cdd7}"),
        SetupClass("Proximity", "{5630831c-06c9-4856-b327-f5d32586e060}"),
        SetupClass("HidMsr", "{2a9fe532-0cdc-44f9-9827-76192f2ca2fb}"),
        SetupClass("BarcodeScanner", "{c243ffbd-3afc-45e9-b3d3-2ba18bc7ebc5}"),
        // File-system filter classes (minifilter INFs).
        SetupClass("ActivityMonitor", "{b86dff51-a31e-4bac-b3cf-e8cfe75c9fc2}"),
        SetupClass("Undelete", "{fe8f1572-c67a-48c0-bbac-0b5c6d66cafb}"),
        SetupClass("AntiVirus", "{b1d1a169-c54f-4379-81db-bee7d88d7454}"),
        SetupClass("Replication", "{48d3ebc4-4cf8-48ff-b869-9c68ad42eb9f}"),
        SetupClass("ContinuousBackup", "{71aa14f8-6fad-4622-ad77-92bb9d7e6947}"),
        SetupClass("ContentScreener", "{3e3f0674-c83c-4558-bb26-9820e1eba5c5}"),
        SetupClass("QuotaManagement", "{8503c911-a6c7-4919-8f79-5028f5866b0c}"),
        SetupClass("SystemRecovery", "{2db15374-706e-4131-a0c7-d7c78eb0289a}"),
        SetupClass("CFSMetaDataServer", "{cdcf0939-b75b-4630-bf76-80f7ba655884}"),
        SetupClass("HSM", "{d546500a-2aeb-45f6-9482-f4b1799c3177}"),
        SetupClass("Compression", "{f3586baf-b5aa-49b5-8d6c-0569284c639f}"),
        SetupClass("Encryption", "{a0a701c0-a511-42ff-aa6c-06dc0395576f}"),
        SetupClass("Virtualization", "{f75a86c0-10d8-4c3a-b233-ed60e4cdfaac}"),
        SetupClass("PhysicalQuotaManagement", "{6a0a8e78-bba6-4fc4-a709-1e33cd09d67e}"),
        SetupClass("OpenFileBackup", "{f8ecafa6-66d1-41a5-899b-66585d7216b7}"),
        SetupClass("SecurityEnhancer", "{d02bc3da-0c8e-4945-9bd5-f1883c226c8c}"),
        SetupClass("CopyProtection", "{89786ff1-9c12-402f-9c9e-17753c7f4375}"),
        SetupClass("FSFilterSystem", "{5d1b9aaa-01e2-46af-849f-272b3f324c46}"),
        SetupClass("Infrastructure", "{e55fa6f9-128c-4d04-abab-630c74b1453a}"),
        // Microsoft's sample drivers: InfVerif reports it on every INF (codes 1284 and 1285).
        SetupClass("Sample", "{78A1C341-4539-11d3-B88D-00C04FAD5171}", .samples),
    ]

    private static let byName: [String: SetupClass] = Dictionary(
        all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    private static let byGuid: [String: SetupClass] = Dictionary(
        all.map { (normalizedGuid($0.guid), $0) }, uniquingKeysWith: { first, _ in first })

    /// The class named `name`, ignoring case.
    public static func named(_ name: String) -> SetupClass? {
        byName[name.trimmingCharacters(in: " \t").lowercased()]
    }

    /// The class whose GUID is `guid` (with or without braces, any case).
    public static func withGuid(_ guid: String) -> SetupClass? {
        byGuid[normalizedGuid(guid)]
    }

    /// A GUID lowercased, without braces or surrounding blanks, for comparison.
    public static func normalizedGuid(_ guid: String) -> String {
        let bytes = guid.utf8
        let kept: (UInt8) -> Bool = { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}") }
        guard let first = bytes.firstIndex(where: kept), let last = bytes.lastIndex(where: kept) else { return "" }
        let core = bytes[first...last]
        if core.contains(where: { $0 >= 0x80 }) { return String(Substring(core)).lowercased() }
        return String(decoding: core.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
