/// Names one question of the wizard, one key of the answers file.
///
/// `path` is the dotted answers-file key (`components.operate.clientId`); validation
/// messages and `camunda-oidc fields` use it so that a message points at the line to fix.
public enum FieldID: Hashable, Sendable, Comparable {
    /// The Camunda version (`camunda:`), the first question.
    case camundaVersion
    case provider
    case output
    case tenantID
    case authorityHost
    case issuer
    case issuerBackendURL
    /// 8.8 and later: the provider's authorization endpoint (`authUrl`), browser-facing.
    case authorizationURL
    case tokenURL
    case jwksURL
    case identityBaseURL
    case components
    case componentURL(Component)
    case clientID(Component)
    case clientSecret(Component)
    case audience(Component)
    case zeebeTokenScope
    case webModelerClientAPIAudience
    case webModelerPublicAPIAudience
    /// 8.7: the client ID of the "Web Modeler API" app, which is the public API audience.
    case webModelerAPIClientID
    /// 8.7 env output: Web Modeler's cluster block (`CAMUNDA_MODELER_CLUSTERS_0_*`).
    case clusterName
    case clusterZeebeVersion
    case clusterZeebeGRPCURL
    case clusterZeebeRESTURL
    case clusterOperateURL
    case clusterTasklistURL
    case connectorsMode
    /// Console's OpenID Connect discovery document (8.6 and later).
    case consoleWellKnownURL
    /// 8.8 and later, the Orchestration cluster's claim mapping (`orchestration.security.authentication.oidc.*`).
    case ocUsernameClaim
    case ocClientIDClaim
    case ocPreferUsernameClaim
    case ocGroupsClaim
    /// A list: the scopes the cluster requests at sign-in.
    case ocScopes
    /// The cluster's first administrators: a mapping rule (claim and value) and/or user names (a list).
    case ocAdminClaimName
    case ocAdminClaimValue
    case ocAdminUsers
    /// 8.8 and later: Connectors sign in with the Orchestration cluster's app (`true`) or their own.
    case connectorsUseOrchestrationApp
    /// 8.8 and later: the scope of the Connectors' client-credentials tokens.
    case connectorsTokenScope
    case initialClaimName
    case initialClaimValue
    case helmSecrets
    case kubernetesSecretName

    public var path: String {
        switch self {
        case .camundaVersion: return "camunda"
        case .provider: return "provider"
        case .output: return "output"
        case .tenantID: return "tenantId"
        case .authorityHost: return "authorityHost"
        case .issuer: return "issuer"
        case .issuerBackendURL: return "issuerBackendUrl"
        case .authorizationURL: return "authUrl"
        case .tokenURL: return "tokenUrl"
        case .jwksURL: return "jwksUrl"
        case .identityBaseURL: return "identityBaseUrl"
        case .components: return "components"
        case .componentURL(let c): return "components.\(c.rawValue).url"
        case .clientID(let c): return "components.\(c.rawValue).clientId"
        case .clientSecret(let c): return "components.\(c.rawValue).secret"
        case .audience(let c): return "components.\(c.rawValue).audience"
        case .zeebeTokenScope: return "components.zeebe.tokenScope"
        case .webModelerClientAPIAudience: return "components.webModeler.clientApiAudience"
        case .webModelerPublicAPIAudience: return "components.webModeler.publicApiAudience"
        case .webModelerAPIClientID: return "components.webModeler.apiClientId"
        case .clusterName: return "components.webModeler.cluster.name"
        case .clusterZeebeVersion: return "components.webModeler.cluster.zeebeVersion"
        case .clusterZeebeGRPCURL: return "components.webModeler.cluster.zeebeGrpcUrl"
        case .clusterZeebeRESTURL: return "components.webModeler.cluster.zeebeRestUrl"
        case .clusterOperateURL: return "components.webModeler.cluster.operateUrl"
        case .clusterTasklistURL: return "components.webModeler.cluster.tasklistUrl"
        case .consoleWellKnownURL: return "components.console.wellKnown"
        case .connectorsMode: return "components.connectors.mode"
        case .ocUsernameClaim: return "components.orchestration.usernameClaim"
        case .ocClientIDClaim: return "components.orchestration.clientIdClaim"
        case .ocPreferUsernameClaim: return "components.orchestration.preferUsernameClaim"
        case .ocGroupsClaim: return "components.orchestration.groupsClaim"
        case .ocScopes: return "components.orchestration.scopes"
        case .ocAdminClaimName: return "components.orchestration.admin.claimName"
        case .ocAdminClaimValue: return "components.orchestration.admin.claimValue"
        case .ocAdminUsers: return "components.orchestration.admin.users"
        case .connectorsUseOrchestrationApp: return "components.connectors.useOrchestrationApp"
        case .connectorsTokenScope: return "components.connectors.tokenScope"
        case .initialClaimName: return "initialClaim.name"
        case .initialClaimValue: return "initialClaim.value"
        case .helmSecrets: return "helmSecrets"
        case .kubernetesSecretName: return "kubernetesSecretName"
        }
    }

    /// The component a per-component field belongs to.
    public var component: Component? {
        switch self {
        case .componentURL(let c), .clientID(let c), .clientSecret(let c), .audience(let c): return c
        case .zeebeTokenScope: return .zeebe
        case .webModelerClientAPIAudience, .webModelerPublicAPIAudience, .webModelerAPIClientID,
             .clusterName, .clusterZeebeVersion, .clusterZeebeGRPCURL, .clusterZeebeRESTURL, .clusterOperateURL, .clusterTasklistURL:
            return .webModeler
        case .connectorsMode, .connectorsUseOrchestrationApp, .connectorsTokenScope: return .connectors
        case .ocUsernameClaim, .ocClientIDClaim, .ocPreferUsernameClaim, .ocGroupsClaim, .ocScopes,
             .ocAdminClaimName, .ocAdminClaimValue, .ocAdminUsers:
            return .orchestration
        case .consoleWellKnownURL: return .console
        default: return nil
        }
    }

    /// Every field, in the order the wizard asks them.
    public static let all: [FieldID] = {
        var ids: [FieldID] = [
            .camundaVersion, .provider, .output, .tenantID, .authorityHost, .issuer, .issuerBackendURL, .authorizationURL, .tokenURL, .jwksURL,
            .components, .identityBaseURL,
        ]
        ids += Component.allCases.filter(\.hasExternalURL).map { .componentURL($0) }
        for c in Component.allCases {
            // Whether Connectors have an app of their own comes before that app's questions.
            if c == .connectors { ids.append(.connectorsUseOrchestrationApp) }
            ids.append(.clientID(c))
            if c.hasSecret { ids.append(.clientSecret(c)) }
            if c.hasAudience { ids.append(.audience(c)) }
            switch c {
            case .zeebe: ids.append(.zeebeTokenScope)
            case .webModeler: ids += [.webModelerClientAPIAudience, .webModelerPublicAPIAudience, .webModelerAPIClientID] + clusterFields
            case .connectors: ids += [.connectorsMode, .connectorsTokenScope]
            case .console: ids.append(.consoleWellKnownURL)
            case .orchestration: ids += orchestrationClaimFields + adminFields
            default: break
            }
        }
        ids += [.initialClaimName, .initialClaimValue, .helmSecrets, .kubernetesSecretName]
        return ids
    }()

    /// The Orchestration cluster's claim mapping and scopes (8.8 and later).
    public static let orchestrationClaimFields: [FieldID] = [.ocUsernameClaim, .ocClientIDClaim, .ocPreferUsernameClaim, .ocGroupsClaim, .ocScopes]

    /// The Orchestration cluster's admin bootstrap (8.8 and later): its own wizard step.
    public static let adminFields: [FieldID] = [.ocAdminClaimName, .ocAdminClaimValue, .ocAdminUsers]

    /// Fields that came with the Orchestration-cluster model (8.8): versions before it do not ask them.
    public static let orchestrationModelFields: [FieldID] = [.authorizationURL, .connectorsUseOrchestrationApp, .connectorsTokenScope]

    /// Web Modeler's cluster block (8.7 env output).
    public static let clusterFields: [FieldID] = [
        .clusterName, .clusterZeebeVersion, .clusterZeebeGRPCURL, .clusterZeebeRESTURL, .clusterOperateURL, .clusterTasklistURL,
    ]

    public static func < (lhs: FieldID, rhs: FieldID) -> Bool {
        order[lhs, default: Int.max] < order[rhs, default: Int.max]
    }

    private static let order: [FieldID: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })

    /// Looks a field up by its answers-file path.
    public init?(path: String) {
        guard let found = FieldID.all.first(where: { $0.path == path }) else { return nil }
        self = found
    }
}
