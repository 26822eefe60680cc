/// What kind of value a field holds; drives the input widget and the basic checks.
public enum FieldKind: Sendable, Equatable {
    /// One of a few values; `choices` lists them.
    case choice
    /// A set of components.
    case componentSet
    /// Free text (an ID, an audience, a claim value).
    case text
    /// An absolute http(s) URL. `isPublic`: a browser or the provider's clients use it, so
    /// plain `http` on a non-local host is worth a warning.
    case url(isPublic: Bool)
    /// A client secret: masked on screen, never printed.
    case secret
    /// A host name without scheme or path.
    case hostName
    /// A Kubernetes object name (DNS-1123 subdomain).
    case kubernetesName
    /// A container address of a gRPC endpoint: `grpc://` or `grpcs://` with a host.
    case grpcURL
    /// Several values in one answer (scopes, user names), separated by commas; `Configuration.list` splits it.
    case list
}

/// One option of a choice field.
public struct Choice: Sendable, Equatable {
    public let value: String
    public let label: String
    public let help: String
}

/// Everything the tool knows about one question: how to ask it, how to explain it,
/// where it applies and what it defaults to. Screens, `fields`, validation and the answers
/// file all read this; none of them repeats it.
public struct FieldSpec: Sendable {
    public let id: FieldID
    public let label: String
    public let kind: FieldKind
    /// What the value is and why Camunda needs it.
    public let what: String
    /// Where to find it in a generic provider (nil: same text as Entra, or not asked there).
    public let whereGeneric: String?
    /// Where to find it in the Microsoft Entra admin center.
    public let whereEntra: String?
    /// The mistake people make with it.
    public let mistake: String?
    /// Providers the field is asked for (nil: both).
    public let providers: Set<Provider>?
    /// Output formats the field is used by (nil: both).
    public let formats: Set<OutputFormat>?
    /// For choice fields.
    public let choices: [Choice]
    /// Required once it applies (derived values count as given).
    public let isRequired: Bool
    /// Text shown in an empty input.
    public let placeholder: String
    private let derivationText: [Provider: String]
    private let derivedOnly: Set<Provider>

    init(
        _ id: FieldID, _ label: String, kind: FieldKind, what: String,
        whereGeneric: String? = nil, whereEntra: String? = nil, mistake: String? = nil,
        providers: Set<Provider>? = nil, formats: Set<OutputFormat>? = nil, choices: [Choice] = [],
        isRequired: Bool = true, placeholder: String = "",
        derivation: [Provider: String] = [:], derivedOnly: Set<Provider> = []
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.what = what
        self.whereGeneric = whereGeneric
        self.whereEntra = whereEntra
        self.mistake = mistake
        self.providers = providers
        self.formats = formats
        self.choices = choices
        self.isRequired = isRequired
        self.placeholder = placeholder
        self.derivationText = derivation
        self.derivedOnly = derivedOnly
    }

    public var isSecret: Bool { kind == .secret }

    /// The same field with other texts: how a version words a question differently
    /// (8.7 calls Web Modeler's client ID the UI client ID). Nil keeps the text.
    public func reworded(_ r: Rewording) -> FieldSpec {
        FieldSpec(id, r.label ?? label, kind: kind, what: r.what ?? what, whereGeneric: r.whereGeneric ?? whereGeneric,
                  whereEntra: r.whereEntra ?? whereEntra, mistake: r.mistake ?? mistake, providers: providers, formats: formats,
                  choices: choices, isRequired: isRequired, placeholder: placeholder,
                  derivation: derivationText, derivedOnly: derivedOnly)
    }

    /// The texts with `{camunda}` and `{chart}` filled in for a version.
    func filled(for version: CamundaVersion) -> FieldSpec {
        func fill(_ text: String?) -> String? {
            text.map { $0.replacingAll("{chart}", with: version.chartLine).replacingAll("{camunda}", with: version.rawValue) }
        }
        // A version's own default (8.8's compose service names) replaces the catalog's.
        let derivation = version.profile.defaults[id].map { [Provider.generic: $0, .microsoft: $0] } ?? derivationText
        return FieldSpec(id, fill(label)!, kind: kind, what: fill(what)!, whereGeneric: fill(whereGeneric), whereEntra: fill(whereEntra),
                         mistake: fill(mistake), providers: providers, formats: formats,
                         choices: choices.map { Choice(value: $0.value, label: fill($0.label)!, help: fill($0.help)!) },
                         isRequired: isRequired, placeholder: version.profile.defaults[id] ?? fill(placeholder)!,
                         derivation: derivation, derivedOnly: derivedOnly)
    }

    /// The label without its component's name, for a step that is about that component.
    public var shortLabel: String {
        guard let c = id.component, label.hasPrefix(c.displayName + " ") else { return label }
        let rest = label.dropFirst(c.displayName.count + 1)
        return rest.prefix(1).uppercased() + rest.dropFirst()
    }

    /// How the value is derived when the operator leaves it empty (or always, see `isDerivedOnly`).
    public func derivation(_ provider: Provider) -> String? { derivationText[provider] }

    /// True when the provider fixes the value: it is shown read-only, never asked.
    public func isDerivedOnly(_ provider: Provider) -> Bool { derivedOnly.contains(provider) }

    /// Where to find the value with this provider.
    public func whereToFind(_ provider: Provider) -> String? {
        provider == .microsoft ? (whereEntra ?? whereGeneric) : (whereGeneric ?? whereEntra)
    }

    /// The full help text for one provider, as the wizard's help panel and `fields` show it.
    public func helpText(_ provider: Provider) -> [String] {
        var lines = [what]
        if let place = whereToFind(provider) { lines.append("Where: " + place) }
        if let derived = derivation(provider) { lines.append((isDerivedOnly(provider) ? "Derived: " : "Default: ") + derived) }
        if let mistake { lines.append("Watch out: " + mistake) }
        return lines
    }
}

/// The field catalog: every field of every version, worded as most versions ask it. A version's
/// profile says which fields it asks and may reword one (`VersionProfile.rewording`).
public enum FieldCatalog {
    /// The field as the catalog words it, with no version's wording (kind, derivations, where it applies).
    public static func field(_ id: FieldID) -> FieldSpec {
        if let spec = specs[id] { return spec }
        preconditionFailure("no catalog entry for \(id.path)")
    }

    /// The field as a version asks it: its rewording, `{chart}` filled in.
    public static func field(_ id: FieldID, for version: CamundaVersion) -> FieldSpec {
        let base = field(id)
        return (version.profile.rewording[id].map(base.reworded) ?? base).filled(for: version)
    }

    /// Whether the catalog has the field (`components.webModeler.secret` does not: a public client has none).
    public static func contains(_ id: FieldID) -> Bool { specs[id] != nil }

    private static let specs: [FieldID: FieldSpec] = {
        var all = globalFields
        for c in Component.allCases { all += componentFields(c) }
        return Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    }()

    private static let entraIssuerDerivation = "https://<authority host>/<tenant ID>/v2.0"

    private static let globalFields: [FieldSpec] = [
        FieldSpec(
            .camundaVersion, "Camunda version", kind: .choice,
            what: "The Camunda version you deploy: it decides the components, the variables and Helm keys written, and the applications to register.",
            whereGeneric: "Helm: `helm list -A` shows the chart (camunda-platform-10.x.y is 8.5, 11.x.y is 8.6, 12.x.y is 8.7, 13.x.y is 8.8, 14.x.y is 8.9). Docker compose or VMs: the image tags (camunda/zeebe:8.7.x).",
            mistake: "The chart line counts, not the app version a chart happens to ship: chart 11.x is Camunda 8.6.",
            choices: CamundaVersion.allCases.map { version in
                Choice(value: version.rawValue, label: "Camunda \(version.rawValue)  (Helm chart \(version.chartLine))", help: version.profile.summary)
            }
        ),
        FieldSpec(
            .provider, "Provider", kind: .choice,
            what: "The OpenID Connect provider that signs users and services in to Camunda.",
            choices: [
                Choice(value: "generic", label: "Generic OIDC provider",
                       help: "Any standard OIDC provider (Okta, Auth0, Ping, ...): you give its issuer, token and JWKS URLs."),
                Choice(value: "microsoft", label: "Microsoft Entra ID",
                       help: "Azure AD / Entra ID: give the tenant ID and the endpoints are derived from it."),
            ]
        ),
        FieldSpec(
            .output, "Output", kind: .choice,
            what: "What to write: one env file per component, or a Helm values overlay for the camunda-platform chart {chart}.",
            choices: [
                Choice(value: "env", label: "Env files",
                       help: "docker compose env_file, systemd EnvironmentFile, plain containers: one file per component."),
                Choice(value: "helm", label: "Helm values",
                       help: "Kubernetes: values-oidc.yaml, passed as an extra -f to helm upgrade."),
            ]
        ),
        FieldSpec(
            .tenantID, "Tenant ID", kind: .text,
            what: "The GUID of your Entra tenant. Every endpoint and the token issuer are built from it.",
            whereEntra: "Entra admin center > Identity > Overview > Tenant ID (also 'Directory (tenant) ID' on any app's Overview page).",
            mistake: "A verified domain (contoso.com) works in URLs, but tokens carry the GUID in 'iss', so sign-in fails. 'common', 'organizations' and 'consumers' are not tenants.",
            providers: [.microsoft], placeholder: "00000000-0000-0000-0000-000000000000"
        ),
        FieldSpec(
            .authorityHost, "Authority host", kind: .hostName,
            what: "The Entra sign-in host. Change it only for a sovereign cloud (login.microsoftonline.us, login.partner.microsoftonline.cn).",
            whereEntra: "Your cloud's documentation; the public cloud uses login.microsoftonline.com.",
            mistake: "Write the host only: no https://, no path.",
            providers: [.microsoft], isRequired: false, placeholder: "login.microsoftonline.com",
            derivation: [.microsoft: "login.microsoftonline.com"]
        ),
        FieldSpec(
            .issuer, "Issuer URL", kind: .url(isPublic: true),
            what: "The issuer browsers see; it must equal the 'iss' claim of the tokens, character for character.",
            whereGeneric: "The 'issuer' value of <provider>/.well-known/openid-configuration.",
            mistake: "A trailing slash or a different host than the one in 'iss' makes every token invalid.",
            placeholder: "https://idp.example.com/realms/camunda",
            derivation: [.microsoft: entraIssuerDerivation], derivedOnly: [.microsoft]
        ),
        FieldSpec(
            .issuerBackendURL, "Issuer backend URL", kind: .url(isPublic: false),
            what: "The same issuer as the containers reach it (container to container). Often equal to the issuer; differs when the provider runs beside Camunda under an internal name.",
            whereGeneric: "Your network: the address of the provider from inside the cluster or compose network.",
            mistake: "The chart fails to render when it is empty and the type is not KEYCLOAK. With Entra it must end in /v2.0.",
            isRequired: false, placeholder: "(same as the issuer)",
            derivation: [.generic: "the issuer URL", .microsoft: "the issuer URL"], derivedOnly: [.microsoft]
        ),
        FieldSpec(
            .authorizationURL, "Authorization URL", kind: .url(isPublic: true),
            what: "The provider's authorization endpoint: browsers are sent there to sign in to the Orchestration cluster (Operate, Tasklist and its admin UI).",
            whereGeneric: "The 'authorization_endpoint' value of <issuer>/.well-known/openid-configuration (Keycloak: <issuer>/protocol/openid-connect/auth).",
            mistake: "It is browser-facing: give the public address, not the in-cluster one. Chart {chart} does not check it: an empty one renders an empty sign-in URL.",
            placeholder: "https://idp.example.com/realms/camunda/protocol/openid-connect/auth",
            derivation: [.microsoft: "https://<authority host>/<tenant ID>/oauth2/v2.0/authorize"], derivedOnly: [.microsoft]
        ),
        FieldSpec(
            .tokenURL, "Token URL", kind: .url(isPublic: true),
            what: "The provider's token endpoint. Operate, Tasklist and Connectors fetch Zeebe tokens from it.",
            whereGeneric: "The 'token_endpoint' value of <provider>/.well-known/openid-configuration.",
            mistake: "The issuer is not the token endpoint; a Keycloak-style path does not work elsewhere.",
            placeholder: "https://idp.example.com/oauth2/token",
            derivation: [.microsoft: "https://<authority host>/<tenant ID>/oauth2/v2.0/token"], derivedOnly: [.microsoft]
        ),
        FieldSpec(
            .jwksURL, "JWKS URL", kind: .url(isPublic: true),
            what: "Where the provider publishes the keys that sign tokens; components check signatures with them.",
            whereGeneric: "The 'jwks_uri' value of <provider>/.well-known/openid-configuration.",
            placeholder: "https://idp.example.com/oauth2/keys",
            derivation: [.microsoft: "https://<authority host>/<tenant ID>/discovery/v2.0/keys"], derivedOnly: [.microsoft]
        ),
        FieldSpec(
            .components, "Components", kind: .componentSet,
            what: "The Camunda components you deploy. Each one gets its own application in the provider.",
            mistake: "Identity is required (the gateway asks it for permissions); Operate, Tasklist and Connectors need Zeebe."
        ),
        FieldSpec(
            .identityBaseURL, "Identity base URL", kind: .url(isPublic: false),
            what: "Identity's internal address that the other components call, e.g. http://identity:8084 in docker compose.",
            whereGeneric: "Your compose file or service definitions: the service name and port of Identity.",
            mistake: "Not the browser URL: containers call this one. Helm users don't need it (the chart computes it).",
            formats: [.env], placeholder: "http://identity:8084"
        ),
        FieldSpec(
            .initialClaimName, "Initial claim name", kind: .text,
            what: "The token claim that identifies the first administrator. Identity gives full access to the user whose token carries this claim with the value below.",
            whereGeneric: "A claim your provider puts in the admin's tokens (a decoded ID token shows them): e.g. email, preferred_username or sub. 'oid' is Entra's: Keycloak and most other providers have no such claim.",
            whereEntra: "Keep 'oid' (the user's object ID) unless you know why not.",
            mistake: "It cannot be changed later through env or Helm, only in Identity's database.",
            isRequired: false, placeholder: "oid",
            derivation: [.generic: "oid", .microsoft: "oid"]
        ),
        FieldSpec(
            .initialClaimValue, "Initial claim value", kind: .text,
            what: "The value of the initial claim for the first administrator (with 'oid': that user's object ID).",
            whereGeneric: "The user's profile in your provider, or a decoded ID token (jwt.io) of that user.",
            whereEntra: "Entra admin center > Users > the user > Overview > Object ID.",
            mistake: "It cannot be changed later through env or Helm: a wrong value locks everyone out of Identity.",
            placeholder: "00000000-0000-0000-0000-000000000000"
        ),
        FieldSpec(
            .helmSecrets, "Secrets in Helm", kind: .choice,
            what: "Where the chart finds the client secrets.",
            formats: [.helm],
            choices: [
                Choice(value: "kubernetesSecret", label: "Kubernetes Secret (recommended)",
                       help: "values-oidc.yaml references a Secret; the tool writes its manifest (oidc-secret.yaml) for kubectl apply."),
                Choice(value: "inline", label: "Inline in the values file",
                       help: "As the docs page shows it: values-oidc.yaml holds the secrets; keep it out of git."),
            ]
        ),
        FieldSpec(
            .kubernetesSecretName, "Kubernetes Secret name", kind: .kubernetesName,
            what: "The name of the Secret holding the client secrets, under keys identity-secret, operate-secret, ...",
            mistake: "Apply the manifest in the namespace of the release, before helm upgrade.",
            formats: [.helm], isRequired: false, placeholder: "camunda-oidc-secrets",
            derivation: [.generic: Configuration.defaultKubernetesSecretName, .microsoft: Configuration.defaultKubernetesSecretName]
        ),
    ]

    /// The same default with either provider.
    private static func both(_ value: String) -> [Provider: String] { [.generic: value, .microsoft: value] }

    /// Web Modeler's cluster block in env output (8.7): the Zeebe cluster it deploys to, by its container addresses.
    private static let clusterFields: [FieldSpec] = [
        FieldSpec(
            .clusterName, "Cluster name", kind: .text,
            what: "The name Web Modeler shows for the Zeebe cluster it deploys to.",
            formats: [.env], isRequired: false, placeholder: Configuration.defaultClusterName,
            derivation: both(Configuration.defaultClusterName)
        ),
        FieldSpec(
            .clusterZeebeVersion, "Zeebe version", kind: .text,
            what: "The version of your Zeebe cluster, x.y.z: Web Modeler checks which BPMN features it may deploy.",
            whereGeneric: "The Zeebe image tag in your compose file (camunda/zeebe:{camunda}.x).",
            mistake: "It must be a Camunda {camunda}.x release, e.g. {camunda}.0.",
            formats: [.env], placeholder: "{camunda}.0"
        ),
        FieldSpec(
            .clusterZeebeGRPCURL, "Zeebe gRPC address", kind: .grpcURL,
            what: "The Zeebe gateway's gRPC address as Web Modeler's container reaches it.",
            whereGeneric: "Your compose file: the gateway's service name and port 26500.",
            formats: [.env], isRequired: false, placeholder: Configuration.defaultZeebeGRPCURL,
            derivation: both(Configuration.defaultZeebeGRPCURL)
        ),
        FieldSpec(
            .clusterZeebeRESTURL, "Zeebe REST address", kind: .url(isPublic: false),
            what: "The Zeebe gateway's REST address as Web Modeler's container reaches it.",
            formats: [.env], isRequired: false, placeholder: Configuration.defaultZeebeRESTURL,
            derivation: both(Configuration.defaultZeebeRESTURL)
        ),
        FieldSpec(
            .clusterOperateURL, "Operate address", kind: .url(isPublic: false),
            what: "Operate's address as Web Modeler's container reaches it.",
            formats: [.env], isRequired: false, placeholder: Configuration.defaultOperateURL,
            derivation: both(Configuration.defaultOperateURL)
        ),
        FieldSpec(
            .clusterTasklistURL, "Tasklist address", kind: .url(isPublic: false),
            what: "Tasklist's address as Web Modeler's container reaches it.",
            formats: [.env], isRequired: false, placeholder: Configuration.defaultTasklistURL,
            derivation: both(Configuration.defaultTasklistURL)
        ),
    ]

    /// The Orchestration cluster's URL, client ID and audience, worded for what it is: one app for four.
    private static func orchestrationWording(_ spec: FieldSpec) -> FieldSpec {
        switch spec.id {
        case .componentURL:
            return spec.reworded(Rewording(
                what: "The root URL browsers open the cluster at: Operate and Tasklist live under /operate and /tasklist, its admin UI under /identity. The one redirect URI to register is <URL>/sso-callback.",
                mistake: "Give the root (https://camunda.example.com), not /operate or the callback path."))
        case .clientID:
            return spec.reworded(Rewording(
                what: "The application (client) ID of the Orchestration cluster app, a web application (confidential client): one app for Zeebe, Operate, Tasklist and the cluster's admin UI, where 8.7 had three.",
                mistake: "Not an 8.7 Operate, Tasklist or Zeebe app: their redirect URIs and audiences do not fit; register a new app."))
        case .audience:
            return spec.reworded(Rewording(
                what: "The 'aud' that every token sent to the cluster must carry: users', Connectors' and Web Modeler's.",
                whereGeneric: "Keycloak: the cluster client's dedicated scope > Add mapper > By configuration > Audience (included client: this one); other providers: the API identifier of the app.",
                mistake: "Without an audience mapper, tokens lack this 'aud' and the cluster rejects every request."))
        default:
            return spec
        }
    }

    /// The Orchestration cluster's claim mapping, scopes and admin bootstrap (8.8 and later).
    private static let orchestrationFields: [FieldSpec] = [
        FieldSpec(
            .ocUsernameClaim, "Username claim", kind: .text,
            what: "The claim of user tokens that carries the user name: the cluster shows it, and admin user names are values of it.",
            whereGeneric: "A decoded ID token of a user (jwt.io): Keycloak puts the login name in preferred_username; other providers use email or sub.",
            whereEntra: "preferred_username: Entra's v2 tokens carry the user's sign-in name (UPN) there; keep it.",
            mistake: "The admin user names below must be values of this claim: with email, give email addresses.",
            isRequired: false, placeholder: "preferred_username",
            derivation: [.generic: "preferred_username", .microsoft: "preferred_username"]
        ),
        FieldSpec(
            .ocClientIDClaim, "Client ID claim", kind: .text,
            what: "The claim of machine tokens (Connectors, scripts) that carries the client ID: the cluster recognises an application by it.",
            whereGeneric: "A decoded client-credentials token: Keycloak sends client_id (the chart's default); other providers azp or cid.",
            whereEntra: "azp: Entra's v2 tokens name the calling app in azp.",
            mistake: "Entra: it must be azp, and then 'Prefer the username claim' must be Yes: user tokens carry azp too.",
            isRequired: false, placeholder: "client_id",
            derivation: [.generic: "client_id", .microsoft: "azp"]
        ),
        FieldSpec(
            .ocPreferUsernameClaim, "Prefer the username claim", kind: .choice,
            what: "Whether a token that carries both claims counts as a user's (Yes) or as an application's (No).",
            whereGeneric: "No, unless your provider's user tokens also carry the client ID claim.",
            whereEntra: "Yes: with client ID claim azp every user token carries azp too.",
            mistake: "Entra with azp and No: every user counts as the app that signed them in (with Connectors sharing the cluster's app, as the Connectors client).",
            choices: [
                Choice(value: "true", label: "Yes: a token with a user name is a user's", help: "Needed when user tokens also carry the client ID claim (Entra: azp)."),
                Choice(value: "false", label: "No: a token with a client ID is an application's", help: "The chart's default; right when only machine tokens carry the client ID claim."),
            ],
            isRequired: false, derivation: [.generic: "No", .microsoft: "Yes"]
        ),
        FieldSpec(
            .ocGroupsClaim, "Groups claim", kind: .text,
            what: "The claim listing a user's groups, for group-based access in the cluster. Leave empty without groups.",
            whereGeneric: "Keycloak: the client's dedicated scope > Add mapper > Group Membership (token claim name groups, full group path off).",
            whereEntra: "The app's Token configuration > Add groups claim; then give groups.",
            mistake: "Entra puts group object IDs (GUIDs) in the claim, not names; past 200 groups it sends an overage link instead.",
            isRequired: false, placeholder: "groups"
        ),
        FieldSpec(
            .ocScopes, "Scopes", kind: .list,
            what: "The scopes the cluster requests when a user signs in, separated by spaces. Empty: the app's defaults.",
            whereGeneric: "Usually empty; or openid profile email, plus a scope your provider needs to put the cluster's audience in the token.",
            whereEntra: "openid profile offline_access <cluster client ID>/.default: the last one makes Entra issue the access token for the cluster's app.",
            mistake: "Entra without <cluster client ID>/.default issues tokens for Microsoft Graph, which the cluster rejects.",
            isRequired: false, placeholder: "openid profile email",
            derivation: [.microsoft: "openid profile offline_access <cluster client ID>/.default"]
        ),
        FieldSpec(
            .ocAdminClaimName, "Admin claim name", kind: .text,
            what: "The cluster's first administrators: users whose token carries this claim with the value below (a mapping rule, camunda-oidc-admin, in the admin role).",
            whereGeneric: "A claim of your users' tokens: sub, email or preferred_username for one user, groups for a group.",
            whereEntra: "oid (the user's object ID) for one user; groups for a group (with the groups claim above).",
            mistake: "Management Identity's initial claim does not make anyone an admin of Operate or Tasklist: this does.",
            isRequired: false, placeholder: "oid",
            derivation: [.generic: "the initial claim name (with Management Identity)",
                         .microsoft: "the initial claim name (with Management Identity), else oid"]
        ),
        FieldSpec(
            .ocAdminClaimValue, "Admin claim value", kind: .text,
            what: "The value of the admin claim: with oid, the admin's object ID; with groups, the group's.",
            whereGeneric: "The user's profile in your provider, or a decoded ID token (jwt.io) of that user.",
            whereEntra: "Entra admin center > Users > the user > Overview > Object ID (a group: Groups > the group > Object ID).",
            mistake: "Leave it empty only when you list admin user names below: without an admin nobody can manage access.",
            isRequired: false, placeholder: "00000000-0000-0000-0000-000000000000",
            derivation: [.generic: "the initial claim value (with Management Identity)", .microsoft: "the initial claim value (with Management Identity)"]
        ),
        FieldSpec(
            .ocAdminUsers, "Admin user names", kind: .list,
            what: "User names given the admin role by name, separated by commas: values of the username claim.",
            whereGeneric: "The username claim of the user's token (Keycloak preferred_username: the login name).",
            whereEntra: "preferred_username: the user's sign-in name, e.g. alice@contoso.com.",
            mistake: "The chart's default admin 'demo' is removed by this setup: list everyone who should stay admin.",
            isRequired: false, placeholder: "alice@example.com, bob@example.com"
        ),
    ]

    /// Connectors from 8.8: one client for inbound and outbound, the cluster's or their own.
    private static let connectorsClientFields: [FieldSpec] = [
        FieldSpec(
            .connectorsUseOrchestrationApp, "Connectors application", kind: .choice,
            what: "Connectors call the Orchestration cluster as a machine client: with the cluster's app, or an app of their own.",
            whereGeneric: "An own app: a confidential client with client credentials, no redirect URI.",
            whereEntra: "Camunda's Entra guide shares the cluster's app: nothing more to register.",
            mistake: "An own app must be in the cluster's connectors role by client ID: the tool writes that for you.",
            choices: [
                Choice(value: "true", label: "Use the Orchestration cluster's app",
                       help: "No extra registration: Connectors get the cluster app's client ID and secret."),
                Choice(value: "false", label: "An app of their own",
                       help: "Register a machine-to-machine app for Connectors; it is given the connectors role."),
            ],
            isRequired: false, derivation: [.generic: "an app of their own", .microsoft: "the Orchestration cluster's app"]
        ),
        FieldSpec(
            .connectorsTokenScope, "Connectors token scope", kind: .text,
            what: "The scope requested with the Connectors' client-credentials tokens.",
            whereGeneric: "Only if your provider needs a scope to put the cluster's audience in client tokens; leave empty otherwise.",
            whereEntra: "<cluster client ID>/.default: the default is exactly that.",
            mistake: "Entra refuses a client-credentials request without a scope (AADSTS90014); another app's scope yields tokens the cluster rejects.",
            isRequired: false,
            derivation: [.microsoft: "<Orchestration cluster client ID>/.default"]
        ),
    ]

    private static func componentFields(_ c: Component) -> [FieldSpec] {
        let name = c.displayName
        var fields: [FieldSpec] = []
        if c.hasExternalURL {
            fields.append(FieldSpec(
                .componentURL(c), "\(name) URL", kind: .url(isPublic: true),
                what: "The URL a browser uses to open \(name). The redirect URI to register is built from it: <URL>\(c.redirectPath!).",
                whereGeneric: "Your ingress or load balancer: the public address of \(name).",
                mistake: "Give the root URL with https://, not the callback path.",
                placeholder: "https://\(c.rawValue.lowercased()).example.com"
            ))
        }
        fields.append(FieldSpec(
            .clientID(c), "\(name) client ID", kind: .text,
            what: "The application (client) ID of the \(name) app, registered as \(c.applicationType.registrationPhrase).",
            whereGeneric: "Your provider's application (client) list: the client ID of the \(name) application.",
            whereEntra: "Entra admin center > App registrations > the \(name) app > Overview > Application (client) ID.",
            mistake: "Register one application per component; sharing one confuses audiences and permissions.",
            placeholder: "00000000-0000-0000-0000-000000000000"
        ))
        if c.hasSecret {
            fields.append(FieldSpec(
                .clientSecret(c), "\(name) client secret", kind: .secret,
                what: "The secret of the \(name) application. It is masked here and written only to files readable by you alone.",
                whereGeneric: "Your provider's application > Credentials / Client secrets.",
                whereEntra: "App registrations > the \(name) app > Certificates & secrets > New client secret: copy the Value column right away (it is shown once).",
                mistake: c == .zeebe || c == .connectors
                    ? "Copy the secret's Value, not its Secret ID (a GUID)."
                    : "Copy the secret's Value, not its Secret ID (a GUID); secrets expire: note the date."
            ))
        }
        if c.hasAudience {
            fields.append(FieldSpec(
                .audience(c), "\(name) audience", kind: .text,
                what: "The 'aud' claim \(name)'s tokens carry; \(name) rejects tokens for any other audience.",
                whereGeneric: "Your provider's API / resource settings for the \(name) application (often the client ID or an API identifier).",
                whereEntra: "In v2 tokens 'aud' is the application (client) ID: keep the default.",
                mistake: "With Entra an audience other than the client ID only works with a custom Application ID URI.",
                providers: nil, isRequired: true,
                derivation: [.microsoft: "the \(name) client ID"]
            ))
        }
        if c == .orchestration { fields = fields.map(orchestrationWording) }
        switch c {
        case .zeebe:
            fields.append(FieldSpec(
                .zeebeTokenScope, "Zeebe token scope", kind: .text,
                what: "The scope requested with Zeebe client tokens (ZEEBE_TOKEN_SCOPE / zeebe.tokenScope).",
                whereGeneric: "Only if your provider requires a scope for client-credentials tokens; leave empty otherwise.",
                whereEntra: "Entra needs <Zeebe client ID>/.default; the default is exactly that.",
                mistake: "Entra refuses a client-credentials request without a scope (AADSTS90014).",
                isRequired: false,
                derivation: [.microsoft: "<Zeebe client ID>/.default"]
            ))
        case .webModeler:
            fields.append(FieldSpec(
                .webModelerClientAPIAudience, "Web Modeler client API audience", kind: .text,
                what: "The audience of tokens the Web Modeler web app sends to its own (internal) API.",
                whereGeneric: "The audience your provider puts in the Web Modeler app's tokens.",
                whereEntra: "The Web Modeler app's client ID: keep the default.",
                derivation: [.microsoft: "the Web Modeler client ID"]
            ))
            fields.append(FieldSpec(
                .webModelerPublicAPIAudience, "Web Modeler public API audience", kind: .text,
                what: "The audience required for Web Modeler's public API (scripts and CI call it).",
                whereGeneric: "An API identifier you define for Web Modeler's public API.",
                whereEntra: "An Application ID URI or client ID of a separate app you expose as an API.",
                mistake: "It must differ from the client API audience, so that a web-app token cannot call the public API."
            ))
            fields.append(FieldSpec(
                .webModelerAPIClientID, "Web Modeler API client ID", kind: .text,
                what: "The client ID of the second Web Modeler app, \"Web Modeler API\" (a web app without redirect URI). Web Modeler's public API accepts tokens for this audience.",
                whereGeneric: "Your provider's application list: the client ID of the Web Modeler API application.",
                whereEntra: "App registrations > the Web Modeler API app > Overview > Application (client) ID.",
                mistake: "Register two apps for Web Modeler 8.7: the UI (single-page app) and the API; their client IDs must differ.",
                placeholder: "00000000-0000-0000-0000-000000000000"
            ))
            fields += clusterFields
        case .console:
            fields.append(FieldSpec(
                .consoleWellKnownURL, "Console well-known URL", kind: .url(isPublic: true),
                what: "The provider's OpenID Connect discovery document; Console reads its endpoints from it.",
                whereGeneric: "<issuer>/.well-known/openid-configuration: open it in a browser, it must show JSON with your issuer.",
                whereEntra: "App registrations > Endpoints > OpenID Connect metadata document.",
                mistake: "Chart {chart} defaults it to the placeholder https://well-known-uri: Console cannot sign anyone in until it is set.",
                isRequired: false,
                derivation: [.generic: "<issuer>/.well-known/openid-configuration",
                             .microsoft: "https://<authority host>/<tenant ID>/v2.0/.well-known/openid-configuration"]
            ))
        case .orchestration:
            fields += orchestrationFields
        case .connectors:
            fields += connectorsClientFields
            fields.append(FieldSpec(
                .connectorsMode, "Connectors mode", kind: .choice,
                what: "Inbound connectors (webhooks, polling) read process definitions from Operate; outbound-only connectors need just the Zeebe client.",
                choices: [
                    Choice(value: "inbound", label: "Inbound and outbound",
                           help: "Needs Operate: the Connectors app calls Operate with Operate's audience."),
                    Choice(value: "outbound", label: "Outbound only",
                           help: "Polling and webhooks off; only the Zeebe client is configured."),
                ]
            ))
        default:
            break
        }
        return fields
    }
}
