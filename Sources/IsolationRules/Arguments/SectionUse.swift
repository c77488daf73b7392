import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// How a directive reads the lines of the section it names: directives of one kind read the same syntax
/// (CopyFiles, DelFiles and RenFiles read file lists; AddReg, DelReg and BitReg registry lines; service,
/// event-log and interface sections hold directives), directives of different kinds read different ones.
enum SectionUse: String, Sendable {
    case fileList = "file list"
    case registry = "registry"
    case serviceInstall = "service-install"
    case installDirectives = "install"
    case wdfService = "WDF service"
    case filterInstall = "filter-install"
    case property = "property"
    case dllRegistration = "DLL registration"
    case other = "other"

    /// The use of the section a link names; `nil` when the directive reads a syntax of its own.
    init(_ link: SectionLink) {
        switch link.role {
        case .copyFiles, .fileList: self = .fileList
        case .registry: self = .registry
        case .serviceInstall: self = .serviceInstall
        case .eventLogInstall, .interfaceInstall: self = .installDirectives
        case .directiveTarget(let directive):
            switch directive.lowercased() {
            case "kmdfservice", "umdfservice": self = .wdfService
            case "addfilter": self = .filterInstall
            case "addproperty", "delproperty": self = .property
            case "registerdlls", "unregisterdlls": self = .dllRegistration
            default: self = .other
            }
        default: self = .other
        }
    }

    /// Whether two links read their section the same way.
    static func compatible(_ a: SectionLink, _ b: SectionLink) -> Bool {
        let (ua, ub) = (SectionUse(a), SectionUse(b))
        if ua == .other || ub == .other { return CaseInsensitive.equal(a.directive, b.directive) }
        return ua == ub
    }
}
