/// The CPU a PE image is built for (COFF header `Machine`); values without a name keep their raw number.
public struct PEMachine: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// No particular machine.
    public static let unknown = PEMachine(rawValue: 0)
    /// Intel 386 and later (x86, 32-bit).
    public static let x86 = PEMachine(rawValue: 0x14C)
    /// x64 (AMD64).
    public static let x64 = PEMachine(rawValue: 0x8664)
    /// ARM64.
    public static let arm64 = PEMachine(rawValue: 0xAA64)
    /// ARM64EC: ARM64 code that interoperates with x64.
    public static let arm64EC = PEMachine(rawValue: 0xA641)
    /// ARM64X: a hybrid of ARM64 and ARM64EC.
    public static let arm64X = PEMachine(rawValue: 0xA64E)
    /// ARM Thumb-2 (32-bit ARM Windows).
    public static let armNT = PEMachine(rawValue: 0x1C4)
    /// Intel Itanium.
    public static let ia64 = PEMachine(rawValue: 0x200)

    /// The usual short name (`x64`, `x86`, `arm64`, …), or the hexadecimal value for other machines.
    public var description: String {
        switch self {
        case .unknown: return "unknown"
        case .x86: return "x86"
        case .x64: return "x64"
        case .arm64: return "arm64"
        case .arm64EC: return "arm64ec"
        case .arm64X: return "arm64x"
        case .armNT: return "arm"
        case .ia64: return "ia64"
        default: return "0x" + String(rawValue, radix: 16)
        }
    }
}

/// The subsystem an image runs in (optional header `Subsystem`); values without a name keep their raw number.
public struct PESubsystem: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// Unknown subsystem.
    public static let unknown = PESubsystem(rawValue: 0)
    /// Native: kernel-mode drivers (and native applications such as `autochk`).
    public static let native = PESubsystem(rawValue: 1)
    /// Windows graphical user interface.
    public static let windowsGUI = PESubsystem(rawValue: 2)
    /// Windows character (console) user interface.
    public static let windowsCUI = PESubsystem(rawValue: 3)
    /// OS/2 character user interface.
    public static let os2CUI = PESubsystem(rawValue: 5)
    /// POSIX character user interface.
    public static let posixCUI = PESubsystem(rawValue: 7)
    /// Native Win9x driver.
    public static let nativeWindows = PESubsystem(rawValue: 8)
    /// Windows CE.
    public static let windowsCEGUI = PESubsystem(rawValue: 9)
    /// EFI application.
    public static let efiApplication = PESubsystem(rawValue: 10)
    /// EFI driver with boot services.
    public static let efiBootServiceDriver = PESubsystem(rawValue: 11)
    /// EFI driver with run-time services.
    public static let efiRuntimeDriver = PESubsystem(rawValue: 12)
    /// EFI ROM image.
    public static let efiROM = PESubsystem(rawValue: 13)
    /// Xbox.
    public static let xbox = PESubsystem(rawValue: 14)
    /// Windows boot application.
    public static let windowsBootApplication = PESubsystem(rawValue: 16)

    /// A short name (`native`, `windows-gui`, …), or the number for other values.
    public var description: String {
        switch self {
        case .unknown: return "unknown"
        case .native: return "native"
        case .windowsGUI: return "windows-gui"
        case .windowsCUI: return "windows-cui"
        case .os2CUI: return "os2-cui"
        case .posixCUI: return "posix-cui"
        case .nativeWindows: return "native-windows"
        case .windowsCEGUI: return "windows-ce-gui"
        case .efiApplication: return "efi-application"
        case .efiBootServiceDriver: return "efi-boot-service-driver"
        case .efiRuntimeDriver: return "efi-runtime-driver"
        case .efiROM: return "efi-rom"
        case .xbox: return "xbox"
        case .windowsBootApplication: return "windows-boot-application"
        default: return String(rawValue)
        }
    }
}
