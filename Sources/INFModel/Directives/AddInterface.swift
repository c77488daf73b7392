/// An `AddInterface = {guid}[, [reference-string][, [add-interface-section][, flags]]]` line.
public struct InterfaceInstall: Sendable {
    public let line: INFLine
    /// The interface class GUID.
    public let classGuid: String
    public let reference: String?
    /// The add-interface section, whose AddReg writes HKR as the interface's key.
    public let installSection: String?
    public let flags: UInt32?
}

extension INFDocument {
    /// The AddInterface lines of a `.Interfaces` section.
    public func interfaces(in section: INFSection) -> [InterfaceInstall] {
        section.directive(.addInterface).compactMap { line in
            guard let guid = line.field(1), !guid.isEmpty else { return nil }
            return InterfaceInstall(
                line: line, classGuid: guid,
                reference: line.field(2).flatMap { $0.isEmpty ? nil : $0 },
                installSection: line.field(3).flatMap { $0.isEmpty ? nil : $0 },
                flags: line.field(4).flatMap { IntegerField(parsing: $0).uint32 })
        }
    }
}
