import Findings
import IsolationEngine

extension RuleCatalog {
    /// F. InfVerif parity: the arguments of directives and the entries of sections.
    static let argumentRules: [any Rule.Type] = [
        EmptySectionName.self,
        MissingDirectiveValue.self,
        ManufacturerWithoutModels.self,
        ModelsEntryWithoutInstall.self,
        EntryNotValidHere.self,
        DirectiveArgumentCount.self,
        DirectiveArgumentInvalid.self,
        EntryArgumentsIncomplete.self,
        CompanionDirectiveMissing.self,
        DuplicateData.self,
        DuplicateDirective.self,
        DuplicateEntry.self,
        ExclusiveDirectives.self,
        MissingFileName.self,
        RequiredDirectiveMissing.self,
        DirectiveForSection.self,
        IncompatibleSectionUse.self,
    ]
}
