import Findings
import IsolationEngine

extension RuleCatalog {
    /// D. Structure.
    static let structureRules: [any Rule.Type] = [
        SyntaxError.self,
        UnsupportedEncoding.self,
        VersionSection.self,
        UndefinedString.self,
        MissingSection.self,
        FileNotInSourceDisks.self,
        MissingPackageFile.self,
        InvalidSuppression.self,
        UnusedSuppression.self,
        TemplateTokenLeft.self,
    ]
}
