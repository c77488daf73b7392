/// An `AddService = name, [flags], service-install-section[, event-log-install-section[, [type][, name]]]` line.
public struct ServiceInstall: Sendable {
    public let line: INFLine
    /// The service name; empty with flag 0x2 for a null driver.
    public let name: String
    /// SPSVCINST_* flags (field 2).
    public let flags: UInt32?
    /// The service-install section (field 3).
    public let installSection: String?
    /// The event-log-install section (field 4).
    public let eventLogSection: String?

    /// SPSVCINST_ASSOCSERVICE: the service is the device's function driver.
    public var isFunctionDriver: Bool { (flags ?? 0) & 0x2 != 0 }
}

/// A service-install section's keys.
public struct ServiceInstallSection: Sendable {
    public let section: INFSection

    private func value(_ key: String) -> String? { section.firstLine(withKey: key)?.fields.first }
    private func number(_ key: String) -> UInt32? { value(key).flatMap { IntegerField(parsing: $0).uint32 } }

    public var displayName: String? { value("DisplayName") }
    public var serviceType: UInt32? { number("ServiceType") }
    public var startType: UInt32? { number("StartType") }
    public var errorControl: UInt32? { number("ErrorControl") }
    /// The `ServiceBinary` line, if any.
    public var serviceBinaryLine: INFLine? { section.firstLine(withKey: .serviceBinary) }
    /// `ServiceBinary` as written, before substitution (`%12%\driver.sys`).
    public var serviceBinaryRaw: String? { serviceBinaryLine?.rawFields.first }
    /// `ServiceBinary` after substitution.
    public var serviceBinary: String? { serviceBinaryLine?.fields.first }
    public var loadOrderGroup: String? { value("LoadOrderGroup") }
}

extension INFDocument {
    /// The AddService lines of a `.Services` section.
    public func services(in section: INFSection) -> [ServiceInstall] {
        section.directive(.addService).map { line in
            ServiceInstall(
                line: line, name: line.field(1) ?? "",
                flags: line.field(2).flatMap { $0.isEmpty ? 0 : IntegerField(parsing: $0).uint32 },
                installSection: line.field(3).flatMap { $0.isEmpty ? nil : $0 },
                eventLogSection: line.field(4).flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// The service-install section named by an AddService line, if it exists.
    public func serviceInstallSection(of service: ServiceInstall) -> ServiceInstallSection? {
        service.installSection.flatMap { section(named: $0) }.map(ServiceInstallSection.init)
    }
}
