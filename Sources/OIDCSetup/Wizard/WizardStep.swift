/// One step of the wizard. The list of steps is derived from the answers: there is one
/// credentials step per selected component, and the Helm secrets step only for Helm output.
public enum WizardStep: Hashable, Sendable {
    case start
    /// The Camunda version: the first question, as it decides the rest.
    case version
    case provider
    case output
    case endpoints
    case components
    case urls
    case component(Component)
    case initialClaim
    /// 8.8 and later: the Orchestration cluster's first administrators (mapping rule and/or user names).
    case adminBootstrap
    case helmSecrets
    case review
    /// The live check: the answers tried against the provider (skippable).
    case providerCheck
    case preview
    /// What changes, file by file, compared with the setup that was loaded.
    case changes
    case write
    case done

    public var title: String {
        switch self {
        case .start: return "Welcome"
        case .version: return "Camunda version"
        case .provider: return "Provider"
        case .output: return "Output"
        case .endpoints: return "Provider endpoints"
        case .components: return "Components"
        case .urls: return "Camunda URLs"
        case .component(let c): return "\(c.displayName) application"
        case .initialClaim: return "First administrator"
        case .adminBootstrap: return "Cluster administrators"
        case .helmSecrets: return "Secrets in Helm"
        case .review: return "Review"
        case .providerCheck: return "Check with your provider"
        case .preview: return "Preview"
        case .changes: return "Changes"
        case .write: return "Write"
        case .done: return "Done"
        }
    }

    /// The steps for a configuration, in order (without `.done`, which is not a step to go back to).
    /// `comparing`: an existing setup was loaded, so the changes step shows the diff before writing.
    public static func steps(for config: Configuration, comparing: Bool = false) -> [WizardStep] {
        var steps: [WizardStep] = [.start, .version, .provider, .output, .endpoints, .components, .urls]
        steps += config.components.map { .component($0) }
        // 8.8 and later: the initial claim only with Management Identity; the cluster's admins after it (they default to it).
        if config.profile.onlyWithIdentity.contains(.initialClaimValue) {
            if config.applies(.initialClaimValue) { steps.append(.initialClaim) }
        } else {
            steps.append(.initialClaim)
        }
        if config.profile.asks(.ocAdminClaimValue) { steps.append(.adminBootstrap) }
        if config.output == .helm { steps.append(.helmSecrets) }
        steps += [.review, .providerCheck, .preview]
        if comparing { steps.append(.changes) }
        steps.append(.write)
        return steps
    }
}

/// Something on a step that can have focus.
public enum StepItem: Hashable, Sendable {
    /// A field of the catalog: text, secret, choice or the component checklist.
    case field(FieldID)
    /// The start step's choice: new setup, or change an existing one.
    case startChoice
    /// The path of the setup to load (start step, "change an existing setup").
    case loadPath
    /// "I understand the initial claim cannot be changed later."
    case claimConfirmation
    /// "I have read the warnings."
    case warningsAccepted
    /// The directory the write step writes to.
    case outputDirectory
    /// The live check's lines (↑↓ choose one, Enter on a FAIL goes to its field).
    case checkList
    case backButton
    case nextButton

    public var field: FieldID? {
        if case .field(let f) = self { return f }
        return nil
    }
}

extension WizardStep {
    /// The fields a step asks for, in order; what `next` validates.
    public func fields(for config: Configuration) -> [FieldID] {
        let candidates: [FieldID]
        switch self {
        case .version: candidates = [.camundaVersion]
        case .provider: candidates = [.provider]
        case .output: candidates = [.output]
        case .endpoints:
            candidates = [.tenantID, .authorityHost, .issuer, .issuerBackendURL, .authorizationURL, .tokenURL, .jwksURL]
        case .components: candidates = [.components]
        case .urls:
            candidates = [.identityBaseURL] + config.components.filter(\.hasExternalURL).map { .componentURL($0) }
        case .component(let c):
            candidates = FieldID.all.filter { $0.component == c && $0 != .componentURL(c) && !FieldID.adminFields.contains($0) }
        case .initialClaim: candidates = [.initialClaimName, .initialClaimValue]
        case .adminBootstrap: candidates = FieldID.adminFields
        case .helmSecrets: candidates = [.helmSecrets, .kubernetesSecretName]
        case .start, .review, .providerCheck, .preview, .changes, .write, .done: candidates = []
        }
        // Derived-only values (Entra's endpoints) are shown, not asked.
        return candidates.filter { config.applies($0) && !FieldCatalog.field($0).isDerivedOnly(config.provider) }
    }

    /// Everything on the step that takes focus, buttons last.
    public func items(for config: Configuration) -> [StepItem] {
        var items: [StepItem]
        switch self {
        case .start: items = [.startChoice]
        case .initialClaim: items = fields(for: config).map { .field($0) } + [.claimConfirmation]
        case .review:
            items = Validator.validate(config).contains { $0.severity == .warning } ? [.warningsAccepted] : []
        case .write: items = [.outputDirectory]
        case .providerCheck: items = [.checkList]
        case .done: return []
        case .preview, .changes: items = []
        default: items = fields(for: config).map { .field($0) }
        }
        // Next before Back: Tab from the last input reaches Next, so Tab, Enter goes on (never back);
        // Shift-Tab walks the same ring the other way. The first step has nowhere to go back to.
        return items + (self == .start ? [.nextButton] : [.nextButton, .backButton])
    }
}
