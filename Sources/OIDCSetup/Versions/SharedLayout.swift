/// The building blocks of the output tables that several versions share, written once. Each
/// version's file (Camunda85.swift, ...) assembles its layout from them and adds what differs.
extension OutputLayout {
    static let baseURLNote =
        "CAMUNDA_IDENTITY_BASEURL as the chart and Identity's configuration reference spell it (the docs page writes CAMUNDA_IDENTITY_BASE_URL)."

    /// The four shared Identity variables of the web components.
    static func identityConnection() -> [EnvVariable] {
        [
            EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType),
            EnvVariable("CAMUNDA_IDENTITY_BASEURL", .field(.identityBaseURL), note: baseURLNote),
            EnvVariable("CAMUNDA_IDENTITY_ISSUER", .field(.issuer)),
            EnvVariable("CAMUNDA_IDENTITY_ISSUER_BACKEND_URL", .field(.issuerBackendURL)),
        ]
    }

    static func credentials(_ c: Component, audience: Bool = true) -> [EnvVariable] {
        var vars = [
            EnvVariable("CAMUNDA_IDENTITY_CLIENT_ID", .field(.clientID(c))),
            EnvVariable("CAMUNDA_IDENTITY_CLIENT_SECRET", .secret(c)),
        ]
        if audience { vars.append(EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(c)))) }
        return vars
    }

    /// Operate, Tasklist and (up to 8.6) Connectors reach Zeebe with the Zeebe app's credentials (chart).
    static let zeebeClient: [EnvVariable] = [
        EnvVariable("ZEEBE_CLIENT_ID", .field(.clientID(.zeebe)), note: "Zeebe client: the Zeebe app's credentials, as the chart sets them."),
        EnvVariable("ZEEBE_CLIENT_SECRET", .secret(.zeebe)),
        EnvVariable("ZEEBE_AUTHORIZATION_SERVER_URL", .field(.tokenURL),
                    note: "The token endpoint, as the chart and Camunda's compose files set it (the docs page says the issuer)."),
        EnvVariable("ZEEBE_TOKEN_AUDIENCE", .field(.audience(.zeebe))),
        EnvVariable("ZEEBE_TOKEN_SCOPE", .field(.zeebeTokenScope), when: .fieldSet(.zeebeTokenScope)),
    ]

    static let resourceServerNote = "Spring resource server: validates incoming tokens."

    static func webApp(_ c: Component, redirectVariable: String) -> EnvFileLayout {
        EnvFileLayout(fileName: "\(c.rawValue).env", component: c, variables: [
            EnvVariable("SPRING_PROFILES_ACTIVE", .literal("identity-auth"),
                        note: "identity-auth, as the chart sets it (the docs page's `oidc` profile is Identity's)."),
        ] + identityConnection() + credentials(c) + [
            EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", .field(.issuerBackendURL), note: resourceServerNote),
            EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", .field(.jwksURL)),
            EnvVariable(redirectVariable, .redirectRoot(c)),
        ] + zeebeClient)
    }

    static let identityEnv = EnvFileLayout(fileName: "identity.env", component: .identity, variables: [
        EnvVariable("SPRING_PROFILES_ACTIVE", .literal("oidc")),
    ] + identityConnection() + credentials(.identity) + [
        EnvVariable("IDENTITY_INITIAL_CLAIM_NAME", .field(.initialClaimName),
                    note: "Read once, at Identity's first start: later changes only take effect in Identity's database."),
        EnvVariable("IDENTITY_INITIAL_CLAIM_VALUE", .field(.initialClaimValue)),
        EnvVariable("IDENTITY_URL", .redirectRoot(.identity)),
    ])

    static let operateEnv = webApp(.operate, redirectVariable: "CAMUNDA_OPERATE_IDENTITY_REDIRECT_ROOT_URL")
    static let tasklistEnv = webApp(.tasklist, redirectVariable: "CAMUNDA_TASKLIST_IDENTITY_REDIRECT_ROOT_URL")

    static let optimizeEnv = EnvFileLayout(fileName: "optimize.env", component: .optimize, variables: [
        EnvVariable("SPRING_PROFILES_ACTIVE", .literal("ccsm"), note: "ccsm, as the chart sets it for Optimize."),
    ] + identityConnection() + credentials(.optimize) + [
        EnvVariable("CAMUNDA_OPTIMIZE_IDENTITY_REDIRECT_ROOT_URL", .redirectRoot(.optimize)),
        EnvVariable("CAMUNDA_OPTIMIZE_API_AUDIENCE", .field(.audience(.optimize))),
        EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", .field(.jwksURL)),
    ])

    static let zeebeGatewayEnv = EnvFileLayout(fileName: "zeebe-gateway.env", component: .zeebe, variables: [
        EnvVariable("ZEEBE_GATEWAY_SECURITY_AUTHENTICATION_MODE", .literal("identity")),
        EnvVariable("SPRING_PROFILES_ACTIVE", .literal("identity-auth")),
        EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType),
        EnvVariable("CAMUNDA_IDENTITY_ISSUER_BACKEND_URL", .field(.issuerBackendURL)),
        EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(.zeebe))),
        EnvVariable("CAMUNDA_IDENTITY_BASEURL", .field(.identityBaseURL),
                    note: "As the chart sets it: the gateway asks Identity for permissions (the docs page gives no Zeebe env). " + baseURLNote),
    ])

    static let webModelerWebappEnv = EnvFileLayout(fileName: "web-modeler-webapp.env", component: .webModeler, variables: [
        EnvVariable("OAUTH2_CLIENT_ID", .field(.clientID(.webModeler))),
        EnvVariable("OAUTH2_JWKS_URL", .field(.jwksURL)),
        EnvVariable("OAUTH2_TOKEN_AUDIENCE", .field(.webModelerClientAPIAudience)),
        EnvVariable("OAUTH2_TOKEN_ISSUER", .field(.issuer)),
        EnvVariable("OAUTH2_TYPE", .providerType),
    ])

    /// `publicAPIAudience`: the field that holds it (8.7: the Web Modeler API app's client ID).
    static func webModelerRestapiEnv(publicAPIAudience: FieldID, extra: [EnvVariable] = []) -> EnvFileLayout {
        EnvFileLayout(fileName: "web-modeler-restapi.env", component: .webModeler, variables: [
            EnvVariable("CAMUNDA_IDENTITY_BASEURL", .field(.identityBaseURL)),
            EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType),
            EnvVariable("CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_INTERNAL_API", .field(.webModelerClientAPIAudience)),
            EnvVariable("CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_PUBLIC_API", .field(publicAPIAudience)),
            EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", .field(.issuer),
                        note: "The public issuer, as the docs page says."),
        ] + extra)
    }

    /// Connectors as charts 10.x and 11.x configure them: the Zeebe client block, plus Identity
    /// credentials for Operate in inbound mode.
    static let connectorsZeebeClientEnv = EnvFileLayout(fileName: "connectors.env", component: .connectors, variables: zeebeClient + [
        EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType, when: .connectorsMode(.inbound),
                    note: "Inbound connectors read process definitions from Operate with these credentials."),
        EnvVariable("CAMUNDA_IDENTITY_ISSUER_BACKEND_URL", .field(.issuerBackendURL), when: .connectorsMode(.inbound)),
        EnvVariable("CAMUNDA_IDENTITY_CLIENT_ID", .field(.clientID(.connectors)), when: .connectorsMode(.inbound)),
        EnvVariable("CAMUNDA_IDENTITY_CLIENT_SECRET", .secret(.connectors), when: .connectorsMode(.inbound)),
        EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(.operate)), when: .connectorsMode(.inbound),
                    note: "Operate's audience: the tokens are for Operate."),
        operateClientScope,
        EnvVariable("CAMUNDA_CONNECTOR_POLLING_ENABLED", .literal("false"), when: .connectorsMode(.outbound),
                    note: "Outbound only: no polling, no webhooks."),
        EnvVariable("CAMUNDA_CONNECTOR_WEBHOOK_ENABLED", .literal("false"), when: .connectorsMode(.outbound)),
    ])

    static let operateClientScope = EnvVariable(
        "OPERATE_CLIENT_SCOPE", .field(.clientID(.operate), suffix: "/.default"),
        when: .all([.connectorsMode(.inbound), .provider(.microsoft)]),
        note: "Entra refuses client-credentials requests without a scope (AADSTS90014).")

    /// Console (8.6 and later): the chart gives the container its client ID and audience as env;
    /// the rest reaches Console only through its config file (`consoleConfigFile`).
    static let consoleEnv = EnvFileLayout(fileName: "console.env", component: .console, variables: [
        EnvVariable("CAMUNDA_IDENTITY_CLIENT_ID", .field(.clientID(.console)),
                    note: "Console is a public client (single-page app): no secret."),
        EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(.console))),
        EnvVariable("CAMUNDA_IDENTITY_JWKS_URL", .field(.jwksURL), when: .provider(.microsoft),
                    note: "Not rendered by the chart; its own Entra test setup adds it."),
    ])

    /// Console's `application.yaml` block, as the chart's ConfigMap renders it.
    static let consoleConfigFile = ConfigFileLayout(
        fileName: "console-application.yaml", component: .console, mountPath: "/var/run/config/application.yaml",
        usage: [
            "# Mount it in the Console container at /var/run/config/application.yaml (where the chart mounts its ConfigMap),",
            "# and add your deployment's camunda.console.managed.releases list to it.",
        ],
        values: [
            HelmValue("camunda.console.oAuth.audience", .field(.audience(.console)), component: .console),
            HelmValue("camunda.console.oAuth.clientId", .field(.clientID(.console)), component: .console),
            HelmValue("camunda.console.oAuth.issuer", .field(.issuer), component: .console),
            HelmValue("camunda.console.oAuth.jwksUri", .field(.jwksURL), component: .console),
            HelmValue("camunda.console.oAuth.type", .providerType, component: .console),
            HelmValue("camunda.console.oAuth.wellKnown", .field(.consoleWellKnownURL), component: .console),
        ])

    static let auth = "global.identity.auth"

    /// The Helm overlay of charts 10.x to 12.x: `global.identity.auth` with one block per component.
    /// - components: the blocks written, in order.
    /// - publicAPIAudience: the field behind `webModeler.publicApiAudience`.
    /// - connectorsBlock: when the Connectors block is written (8.6+: inbound mode only).
    /// - keycloakNote, fullURLNote: the chart's reasons, in its own words.
    static func helmValues(components: [Component], publicAPIAudience: FieldID, connectorsBlock: Condition,
                           keycloakNote: String, fullURLNote: String) -> [HelmValue] {
        var values: [HelmValue] = [
            HelmValue("\(auth).type", .providerType),
            HelmValue("\(auth).issuer", .field(.issuer)),
            HelmValue("\(auth).issuerBackendUrl", .field(.issuerBackendURL), note: "The same issuer as containers reach it (container to container)."),
            HelmValue("\(auth).tokenUrl", .field(.tokenURL)),
            HelmValue("\(auth).jwksUrl", .field(.jwksURL)),
            HelmValue("\(auth).publicIssuerUrl", .field(.issuer), when: .provider(.microsoft)),
        ]
        for c in components {
            let block = "\(auth).\(c.rawValue)"
            let when: Condition = c == .connectors ? connectorsBlock : .always
            values.append(HelmValue("\(block).clientId", .field(.clientID(c)), component: c, when: when))
            switch c {
            case .webModeler:
                values += [
                    HelmValue("\(block).clientApiAudience", .field(.webModelerClientAPIAudience), component: c),
                    HelmValue("\(block).publicApiAudience", .field(publicAPIAudience), component: c),
                ]
            case .connectors:
                break
            default:
                values.append(HelmValue("\(block).audience", .field(.audience(c)), component: c))
            }
            if c.hasSecret { values.append(HelmValue("\(block).existingSecret", .secret(c), component: c, when: when)) }
            switch c {
            case .identity:
                values += [
                    HelmValue("\(block).initialClaimName", .field(.initialClaimName), component: c,
                              note: "Read once, at Identity's first start: later changes only take effect in Identity's database."),
                    HelmValue("\(block).initialClaimValue", .field(.initialClaimValue), component: c),
                ]
            case .zeebe:
                values.append(HelmValue("\(block).tokenScope", .field(.zeebeTokenScope), component: c, when: .fieldSet(.zeebeTokenScope)))
            case .operate, .tasklist, .optimize, .webModeler, .console:
                values.append(HelmValue("\(block).redirectUrl", .redirectRoot(c), component: c))
                if c == .console {
                    values.append(HelmValue("\(block).wellKnown", .field(.consoleWellKnownURL), component: c))
                }
            case .connectors, .orchestration:
                break
            }
        }
        values += [
            HelmValue("connectors.inbound.mode", .literal("disabled"), component: .connectors, when: .connectorsMode(.outbound),
                      note: "Outbound only: the chart's switch for what CAMUNDA_CONNECTOR_POLLING/WEBHOOK_ENABLED=false do in env files."),
            HelmValue("identityKeycloak.enabled", .yamlLiteral("false"), note: keycloakNote),
            HelmValue("identity.fullURL", .redirectRoot(.identity), component: .identity, note: fullURLNote),
        ]
        return values
    }
}
