/// Where an output value comes from.
public enum ValueSource: Sendable, Equatable {
    /// A fixed value (`SPRING_PROFILES_ACTIVE=oidc`).
    case literal(String)
    /// `GENERIC` or `MICROSOFT`.
    case providerType
    /// A field's effective value, with an optional suffix (`<operate client ID>/.default`).
    case field(FieldID, suffix: String = "")
    /// A component's client secret: in Helm, a string or a `{name: ...}` Secret reference.
    case secret(Component)
    /// A component's redirect root (its external URL).
    case redirectRoot(Component)
    /// Raw YAML, unquoted (`false`).
    case yamlLiteral(String)

    /// The field this value is read from, if any.
    public var field: FieldID? {
        switch self {
        case .field(let f, _): return f
        case .secret(let c): return .clientSecret(c)
        case .redirectRoot(let c): return .componentURL(c)
        case .literal, .providerType, .yamlLiteral: return nil
        }
    }
}

/// When an output line is written.
public indirect enum Condition: Sendable, Equatable {
    case always
    case provider(Provider)
    case connectorsMode(ConnectorsMode)
    /// The field's effective value is not empty.
    case fieldSet(FieldID)
    case all([Condition])

    public func holds(in config: Configuration) -> Bool {
        switch self {
        case .always: return true
        case .provider(let p): return config.provider == p
        case .connectorsMode(let m): return config.connectorsMode == m
        case .fieldSet(let f): return !config.value(f).isEmpty
        case .all(let conditions): return conditions.allSatisfy { $0.holds(in: config) }
        }
    }
}

/// One `NAME=value` line of an env file.
public struct EnvVariable: Sendable {
    public let name: String
    public let source: ValueSource
    public let condition: Condition
    /// A comment written above the line: why it differs from the docs page.
    public let note: String?

    init(_ name: String, _ source: ValueSource, when condition: Condition = .always, note: String? = nil) {
        self.name = name
        self.source = source
        self.condition = condition
        self.note = note
    }
}

/// One env file and the component it configures.
public struct EnvFileLayout: Sendable {
    public let fileName: String
    public let component: Component
    public let variables: [EnvVariable]
}

/// One key of the Helm overlay.
public struct HelmValue: Sendable {
    /// Key path, e.g. `["global", "identity", "auth", "operate", "clientId"]`.
    public let path: [String]
    public let source: ValueSource
    public let component: Component?
    public let condition: Condition
    public let note: String?
    /// The chart writes this value into a manifest without quotes (`value: {{ ... }}`), so the
    /// manifest parses it again as YAML: the renderer writes it so that the pod still gets the exact text.
    public let renderedUnquoted: Bool

    init(_ path: String, _ source: ValueSource, component: Component? = nil, when condition: Condition = .always, note: String? = nil,
         renderedUnquoted: Bool = false) {
        self.path = path.split(separator: ".").map(String.init)
        self.source = source
        self.component = component
        self.condition = condition
        self.note = note
        self.renderedUnquoted = renderedUnquoted
    }

    public var dottedPath: String { path.joined(separator: ".") }
}

/// What a Camunda version's outputs contain, as data. Only 8.5 exists; another version is another value.
public struct OutputLayout: Sendable {
    public let envFiles: [EnvFileLayout]
    public let helmValues: [HelmValue]

    /// Env files for the selected components, in catalog order.
    public func envFiles(for config: Configuration) -> [EnvFileLayout] {
        envFiles.filter { config.isSelected($0.component) }
    }

    /// Every place a field's value is written: `CAMUNDA_IDENTITY_CLIENT_ID (operate.env)`,
    /// `global.identity.auth.operate.clientId`.
    public func destinations(of field: FieldID) -> (env: [String], helm: [String]) {
        var env: [String: [String]] = [:]
        var envOrder: [String] = []
        for file in envFiles {
            for variable in file.variables where variable.source.field == field {
                if env[variable.name] == nil { envOrder.append(variable.name) }
                env[variable.name, default: []].append(file.fileName)
            }
        }
        let helm = helmValues.filter { $0.source.field == field }.map(\.dottedPath)
        return (envOrder.map { "\($0) (\(env[$0]!.joined(separator: ", ")))" }, helm)
    }
}

extension OutputLayout {
    private static let baseURLNote =
        "CAMUNDA_IDENTITY_BASEURL as the chart and Identity's configuration reference spell it (the docs page writes CAMUNDA_IDENTITY_BASE_URL)."

    /// The four shared Identity variables of the web components.
    private static func identityConnection() -> [EnvVariable] {
        [
            EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType),
            EnvVariable("CAMUNDA_IDENTITY_BASEURL", .field(.identityBaseURL), note: baseURLNote),
            EnvVariable("CAMUNDA_IDENTITY_ISSUER", .field(.issuer)),
            EnvVariable("CAMUNDA_IDENTITY_ISSUER_BACKEND_URL", .field(.issuerBackendURL)),
        ]
    }

    private static func credentials(_ c: Component, audience: Bool = true) -> [EnvVariable] {
        var vars = [
            EnvVariable("CAMUNDA_IDENTITY_CLIENT_ID", .field(.clientID(c))),
            EnvVariable("CAMUNDA_IDENTITY_CLIENT_SECRET", .secret(c)),
        ]
        if audience { vars.append(EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(c)))) }
        return vars
    }

    /// Operate, Tasklist and Connectors reach Zeebe with the Zeebe app's credentials (chart).
    private static let zeebeClient: [EnvVariable] = [
        EnvVariable("ZEEBE_CLIENT_ID", .field(.clientID(.zeebe)), note: "Zeebe client: the Zeebe app's credentials, as the chart sets them."),
        EnvVariable("ZEEBE_CLIENT_SECRET", .secret(.zeebe)),
        EnvVariable("ZEEBE_AUTHORIZATION_SERVER_URL", .field(.tokenURL),
                    note: "The token endpoint, as the chart and Camunda's compose files set it (the docs page says the issuer)."),
        EnvVariable("ZEEBE_TOKEN_AUDIENCE", .field(.audience(.zeebe))),
        EnvVariable("ZEEBE_TOKEN_SCOPE", .field(.zeebeTokenScope), when: .fieldSet(.zeebeTokenScope)),
    ]

    private static let resourceServerNote = "Spring resource server: validates incoming tokens."

    private static func webApp(_ c: Component, redirectVariable: String) -> EnvFileLayout {
        EnvFileLayout(fileName: "\(c.rawValue).env", component: c, variables: [
            EnvVariable("SPRING_PROFILES_ACTIVE", .literal("identity-auth"),
                        note: "identity-auth, as the chart sets it (the docs page's `oidc` profile is Identity's)."),
        ] + identityConnection() + credentials(c) + [
            EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", .field(.issuerBackendURL), note: resourceServerNote),
            EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", .field(.jwksURL)),
            EnvVariable(redirectVariable, .redirectRoot(c)),
        ] + zeebeClient)
    }

    /// Camunda 8.5 with Helm chart 10.x (spec sections 2 and 3).
    public static let camunda85 = OutputLayout(
        envFiles: [
            EnvFileLayout(fileName: "identity.env", component: .identity, variables: [
                EnvVariable("SPRING_PROFILES_ACTIVE", .literal("oidc")),
            ] + identityConnection() + credentials(.identity) + [
                EnvVariable("IDENTITY_INITIAL_CLAIM_NAME", .field(.initialClaimName),
                            note: "Read once, at Identity's first start: later changes only take effect in Identity's database."),
                EnvVariable("IDENTITY_INITIAL_CLAIM_VALUE", .field(.initialClaimValue)),
                EnvVariable("IDENTITY_URL", .redirectRoot(.identity)),
            ]),
            webApp(.operate, redirectVariable: "CAMUNDA_OPERATE_IDENTITY_REDIRECT_ROOT_URL"),
            webApp(.tasklist, redirectVariable: "CAMUNDA_TASKLIST_IDENTITY_REDIRECT_ROOT_URL"),
            EnvFileLayout(fileName: "optimize.env", component: .optimize, variables: [
                EnvVariable("SPRING_PROFILES_ACTIVE", .literal("ccsm"), note: "ccsm, as the chart sets it for Optimize."),
            ] + identityConnection() + credentials(.optimize) + [
                EnvVariable("CAMUNDA_OPTIMIZE_IDENTITY_REDIRECT_ROOT_URL", .redirectRoot(.optimize)),
                EnvVariable("CAMUNDA_OPTIMIZE_API_AUDIENCE", .field(.audience(.optimize))),
                EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", .field(.jwksURL)),
            ]),
            EnvFileLayout(fileName: "zeebe-gateway.env", component: .zeebe, variables: [
                EnvVariable("ZEEBE_GATEWAY_SECURITY_AUTHENTICATION_MODE", .literal("identity")),
                EnvVariable("SPRING_PROFILES_ACTIVE", .literal("identity-auth")),
                EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType),
                EnvVariable("CAMUNDA_IDENTITY_ISSUER_BACKEND_URL", .field(.issuerBackendURL)),
                EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(.zeebe))),
                EnvVariable("CAMUNDA_IDENTITY_BASEURL", .field(.identityBaseURL),
                            note: "As the chart sets it: the gateway asks Identity for permissions (the docs page gives no Zeebe env). " + baseURLNote),
            ]),
            EnvFileLayout(fileName: "web-modeler-webapp.env", component: .webModeler, variables: [
                EnvVariable("OAUTH2_CLIENT_ID", .field(.clientID(.webModeler))),
                EnvVariable("OAUTH2_JWKS_URL", .field(.jwksURL)),
                EnvVariable("OAUTH2_TOKEN_AUDIENCE", .field(.webModelerClientAPIAudience)),
                EnvVariable("OAUTH2_TOKEN_ISSUER", .field(.issuer)),
                EnvVariable("OAUTH2_TYPE", .providerType),
            ]),
            EnvFileLayout(fileName: "web-modeler-restapi.env", component: .webModeler, variables: [
                EnvVariable("CAMUNDA_IDENTITY_BASEURL", .field(.identityBaseURL)),
                EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType),
                EnvVariable("CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_INTERNAL_API", .field(.webModelerClientAPIAudience)),
                EnvVariable("CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_PUBLIC_API", .field(.webModelerPublicAPIAudience)),
                EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", .field(.issuer),
                            note: "The public issuer, as the docs page says."),
            ]),
            EnvFileLayout(fileName: "connectors.env", component: .connectors, variables: zeebeClient + [
                EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType, when: .connectorsMode(.inbound),
                            note: "Inbound connectors read process definitions from Operate with these credentials."),
                EnvVariable("CAMUNDA_IDENTITY_ISSUER_BACKEND_URL", .field(.issuerBackendURL), when: .connectorsMode(.inbound)),
                EnvVariable("CAMUNDA_IDENTITY_CLIENT_ID", .field(.clientID(.connectors)), when: .connectorsMode(.inbound)),
                EnvVariable("CAMUNDA_IDENTITY_CLIENT_SECRET", .secret(.connectors), when: .connectorsMode(.inbound)),
                EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(.operate)), when: .connectorsMode(.inbound),
                            note: "Operate's audience: the tokens are for Operate."),
                EnvVariable("OPERATE_CLIENT_SCOPE", .field(.clientID(.operate), suffix: "/.default"),
                            when: .all([.connectorsMode(.inbound), .provider(.microsoft)]),
                            note: "Entra refuses client-credentials requests without a scope (AADSTS90014)."),
                EnvVariable("CAMUNDA_CONNECTOR_POLLING_ENABLED", .literal("false"), when: .connectorsMode(.outbound),
                            note: "Outbound only: no polling, no webhooks."),
                EnvVariable("CAMUNDA_CONNECTOR_WEBHOOK_ENABLED", .literal("false"), when: .connectorsMode(.outbound)),
            ]),
        ],
        helmValues: helm85
    )

    private static let auth = "global.identity.auth"

    private static let helm85: [HelmValue] = {
        var values: [HelmValue] = [
            HelmValue("\(auth).type", .providerType),
            HelmValue("\(auth).issuer", .field(.issuer)),
            HelmValue("\(auth).issuerBackendUrl", .field(.issuerBackendURL), note: "The same issuer as containers reach it (container to container)."),
            HelmValue("\(auth).tokenUrl", .field(.tokenURL)),
            HelmValue("\(auth).jwksUrl", .field(.jwksURL)),
            HelmValue("\(auth).publicIssuerUrl", .field(.issuer), when: .provider(.microsoft)),
        ]
        for c in Component.allCases {
            let block = "\(auth).\(c.rawValue)"
            values.append(HelmValue("\(block).clientId", .field(.clientID(c)), component: c))
            switch c {
            case .webModeler:
                values += [
                    HelmValue("\(block).clientApiAudience", .field(.webModelerClientAPIAudience), component: c),
                    HelmValue("\(block).publicApiAudience", .field(.webModelerPublicAPIAudience), component: c),
                ]
            case .connectors:
                break
            default:
                values.append(HelmValue("\(block).audience", .field(.audience(c)), component: c))
            }
            if c.hasSecret { values.append(HelmValue("\(block).existingSecret", .secret(c), component: c)) }
            switch c {
            case .identity:
                values += [
                    // templates/identity/deployment.yaml: `value: {{ ...initialClaimName }}` and `...Value }}`, unquoted.
                    HelmValue("\(block).initialClaimName", .field(.initialClaimName), component: c,
                              note: "Read once, at Identity's first start: later changes only take effect in Identity's database.",
                              renderedUnquoted: true),
                    HelmValue("\(block).initialClaimValue", .field(.initialClaimValue), component: c, renderedUnquoted: true),
                ]
            case .zeebe:
                values.append(HelmValue("\(block).tokenScope", .field(.zeebeTokenScope), component: c, when: .fieldSet(.zeebeTokenScope)))
            case .operate, .tasklist, .optimize, .webModeler:
                values.append(HelmValue("\(block).redirectUrl", .redirectRoot(c), component: c))
            case .connectors:
                break
            }
        }
        values += [
            HelmValue("connectors.inbound.mode", .literal("disabled"), component: .connectors, when: .connectorsMode(.outbound),
                      note: "Outbound only: the chart's switch for what CAMUNDA_CONNECTOR_POLLING/WEBHOOK_ENABLED=false do in env files."),
            HelmValue("identityKeycloak.enabled", .yamlLiteral("false"),
                      note: "Chart 10.x deploys Keycloak unless told not to; the external provider replaces it."),
            HelmValue("identity.fullURL", .redirectRoot(.identity), component: .identity,
                      note: "Chart 10.x takes Identity's redirect root from here (it ignores global.identity.auth.identity.redirectUrl)."),
        ]
        return values
    }()
}
