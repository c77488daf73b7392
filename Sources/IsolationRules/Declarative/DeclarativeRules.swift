import Findings
import IsolationEngine

extension RuleCatalog {
    /// C. Declarative INF.
    static let declarativeRules: [any Rule.Type] = [
        LegacyDirective.self,
        LegacySection.self,
        PnpLockdownMissing.self,
        InboxServiceBinary.self,
        ServiceBinaryNotCopied.self,
        ServiceBinaryNotUnderDirid.self,
        UMDF1Driver.self,
    ]
}
