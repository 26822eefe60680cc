/// The operator's answers: the single model the wizard edits, the answers file holds,
/// the validator checks and the renderers read.
///
/// Text answers live in `values` keyed by field, exactly as given (after trimming). Values of
/// fields that do not apply (say the tenant ID after switching to a generic provider) are kept,
/// so going back and forth never loses an answer; `applies(_:)` decides what counts.
/// Derived values (Entra endpoints, default audiences) come from `value(_:)`.
public struct Configuration: Equatable, Sendable {
    /// The Camunda version written for: it selects the profile (components, fields, output tables).
    public var version: CamundaVersion
    public var provider: Provider
    public var output: OutputFormat
    public var helmSecrets: HelmSecretMode
    public var connectorsMode: ConnectorsMode
    public var selectedComponents: Set<Component>
    public var values: [FieldID: String]

    public static let defaultAuthorityHost = "login.microsoftonline.com"
    public static let defaultKubernetesSecretName = "camunda-oidc-secrets"
    public static let defaultInitialClaimName = "oid"

    /// Web Modeler's cluster block defaults (8.7 env output): suggestions for docker compose service names.
    public static let defaultClusterName = "camunda"
    public static let defaultZeebeGRPCURL = "grpc://zeebe:26500"
    public static let defaultZeebeRESTURL = "http://zeebe:8080"
    public static let defaultOperateURL = "http://operate:8080"
    public static let defaultTasklistURL = "http://tasklist:8080"

    public init(
        version: CamundaVersion = .v8_5,
        provider: Provider = .microsoft,
        output: OutputFormat = .helm,
        helmSecrets: HelmSecretMode = .kubernetesSecret,
        connectorsMode: ConnectorsMode = .inbound,
        selectedComponents: Set<Component> = [.identity, .operate, .tasklist, .optimize, .zeebe],
        values: [FieldID: String] = [:]
    ) {
        self.version = version
        self.provider = provider
        self.output = output
        self.helmSecrets = helmSecrets
        self.connectorsMode = connectorsMode
        self.selectedComponents = selectedComponents
        self.values = values
    }

    /// The answer as given, trimmed; empty when absent.
    public func raw(_ field: FieldID) -> String {
        (values[field] ?? "").trimmingWhitespace()
    }

    public mutating func set(_ field: FieldID, _ value: String) {
        values[field] = value
    }

    /// What the chosen version asks and writes.
    public var profile: VersionProfile { version.profile }

    /// A field as the chosen version asks it (its wording, `{chart}` filled in).
    public func spec(_ field: FieldID) -> FieldSpec { FieldCatalog.field(field, for: version) }

    /// Selected and offered by the version: a component ticked under another version (Console,
    /// then back to 8.5) keeps its answers but is neither asked nor written.
    public func isSelected(_ component: Component) -> Bool {
        profile.alwaysDeployed.contains(component) || (selectedComponents.contains(component) && profile.components.contains(component))
    }

    /// The items of a list field (scopes, user names): split at commas (scopes also at spaces),
    /// trimmed, empty items dropped. Its effective value, so a derived default counts.
    public func list(_ field: FieldID) -> [String] {
        let text = value(field)
        let separators: Set<Character> = field == .ocScopes ? [",", " ", "\t"] : [","]
        return text.split(whereSeparator: { separators.contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The Orchestration cluster's default scopes with Entra: `openid profile offline_access <OC client ID>/.default`.
    public static let entraOrchestrationScopes = "openid profile offline_access"

    /// Selected components in the version's order.
    public var components: [Component] { profile.components.filter(isSelected) }

    /// The value the outputs use: the answer, or what it derives from.
    public func value(_ field: FieldID) -> String {
        let given = raw(field)
        if given.isEmpty, let versionDefault = profile.defaults[field] { return versionDefault }
        switch field {
        case .camundaVersion: return version.rawValue
        case .provider: return provider.rawValue
        case .output: return output.rawValue
        case .helmSecrets: return helmSecrets.rawValue
        case .connectorsMode: return connectorsMode.rawValue
        case .components: return components.map(\.rawValue).joined(separator: ",")
        case .authorityHost:
            return given.isEmpty ? Self.defaultAuthorityHost : given
        case .authorizationURL:
            return provider == .microsoft ? entraURL("/oauth2/v2.0/authorize") : given
        case .ocUsernameClaim:
            return given.isEmpty ? "preferred_username" : given
        case .ocClientIDClaim:
            return given.isEmpty ? (provider == .microsoft ? "azp" : "client_id") : given
        case .ocPreferUsernameClaim:
            return given.isEmpty ? (provider == .microsoft ? "true" : "false") : given
        case .ocScopes:
            guard given.isEmpty, provider == .microsoft else { return given }
            let clientID = raw(.clientID(.orchestration))
            return clientID.isEmpty ? "" : "\(Self.entraOrchestrationScopes) \(clientID)/.default"
        case .ocAdminClaimName:
            guard given.isEmpty else { return given }
            if applies(.initialClaimName) { return value(.initialClaimName) }
            return provider == .microsoft ? Self.defaultInitialClaimName : ""
        case .ocAdminClaimValue:
            guard given.isEmpty else { return given }
            return applies(.initialClaimValue) ? raw(.initialClaimValue) : ""
        case .connectorsUseOrchestrationApp:
            return given.isEmpty ? (provider == .microsoft ? "true" : "false") : given
        case .connectorsTokenScope:
            if given.isEmpty, provider == .microsoft {
                let clientID = raw(.clientID(.orchestration))
                return clientID.isEmpty ? "" : clientID + "/.default"
            }
            return given
        case .issuer:
            return provider == .microsoft ? entraURL("/v2.0") : given
        case .issuerBackendURL:
            if provider == .microsoft { return value(.issuer) }
            return given.isEmpty ? value(.issuer) : given
        case .tokenURL:
            return provider == .microsoft ? entraURL("/oauth2/v2.0/token") : given
        case .jwksURL:
            return provider == .microsoft ? entraURL("/discovery/v2.0/keys") : given
        case .kubernetesSecretName:
            return given.isEmpty ? Self.defaultKubernetesSecretName : given
        case .initialClaimName:
            return given.isEmpty ? Self.defaultInitialClaimName : given
        case .audience(let c):
            if given.isEmpty, provider == .microsoft { return raw(.clientID(c)) }
            return given
        case .webModelerClientAPIAudience:
            if given.isEmpty, provider == .microsoft { return raw(.clientID(.webModeler)) }
            return given
        case .consoleWellKnownURL:
            guard given.isEmpty else { return given }
            let issuer = value(.issuer)
            return issuer.isEmpty ? "" : issuer.trimmingTrailingSlashes() + "/.well-known/openid-configuration"
        case .clusterName: return given.isEmpty ? Self.defaultClusterName : given
        case .clusterZeebeGRPCURL: return given.isEmpty ? Self.defaultZeebeGRPCURL : given
        case .clusterZeebeRESTURL: return given.isEmpty ? Self.defaultZeebeRESTURL : given
        case .clusterOperateURL: return given.isEmpty ? Self.defaultOperateURL : given
        case .clusterTasklistURL: return given.isEmpty ? Self.defaultTasklistURL : given
        case .zeebeTokenScope:
            if given.isEmpty, provider == .microsoft {
                let clientID = raw(.clientID(.zeebe))
                return clientID.isEmpty ? "" : clientID + "/.default"
            }
            return given
        default:
            return given
        }
    }

    /// Empty until there is a tenant ID, so nothing half-built is shown or written.
    private var entraBase: String {
        let tenant = raw(.tenantID)
        return tenant.isEmpty ? "" : "https://\(value(.authorityHost))/\(tenant)"
    }

    private func entraURL(_ path: String) -> String {
        let base = entraBase
        return base.isEmpty ? "" : base + path
    }

    /// The redirect URI to register for a component, built from its external URL.
    public func redirectURI(_ component: Component) -> String? {
        guard let path = component.redirectPath else { return nil }
        let base = value(.componentURL(component))
        guard !base.isEmpty else { return nil }
        return base.trimmingTrailingSlashes() + path
    }

    /// Whether a field is asked for and used with the current version, provider, format and components.
    public func applies(_ field: FieldID) -> Bool {
        guard FieldCatalog.contains(field), profile.asks(field) else { return false }
        if profile.onlyWithIdentity.contains(field), !isSelected(.identity) { return false }
        if output == .env, profile.envOnlyWithIdentity.contains(field), !isSelected(.identity) { return false }
        let spec = FieldCatalog.field(field)
        if let only = spec.providers, !only.contains(provider) { return false }
        if let only = spec.formats, !only.contains(output) { return false }
        if let component = field.component, !isSelected(component) { return false }
        switch field {
        case .kubernetesSecretName: return output == .helm && helmSecrets == .kubernetesSecret
        // Outbound-only Connectors use just the Zeebe client: their own app is not used (8.5: in env files only).
        case .clientID(.connectors), .clientSecret(.connectors):
            // 8.8 and later: Connectors may sign in with the Orchestration cluster's app instead.
            if profile.asks(.connectorsUseOrchestrationApp) { return value(.connectorsUseOrchestrationApp) == "false" }
            return connectorsMode == .inbound || !profile.outboundConnectorsWithoutClient.contains(output)
        // Web Modeler's cluster block describes the Zeebe cluster, and Operate and Tasklist when deployed.
        case .clusterName, .clusterZeebeVersion, .clusterZeebeGRPCURL, .clusterZeebeRESTURL: return isSelected(profile.clusterComponent)
        case .clusterOperateURL: return isSelected(.zeebe) && isSelected(.operate)
        case .clusterTasklistURL: return isSelected(.zeebe) && isSelected(.tasklist)
        default: return true
        }
    }

    /// Fields that apply, in catalog order.
    public var applicableFields: [FieldID] { FieldID.all.filter(applies) }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    func trimmingTrailingSlashes() -> String {
        var s = self
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
