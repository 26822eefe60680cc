/// Camunda 8.8 with Helm chart 13.x (spec camunda-8.8-8.9-oidc.md, checked against chart 13.12.7):
/// the Orchestration-cluster model. Zeebe, Operate and Tasklist are one Orchestration cluster with
/// one app, its own claim mapping and admin bootstrap; Management Identity serves only Optimize,
/// Web Modeler and Console; the overlay switches components on; secrets take the `secret` object form.
extension VersionProfile {
    static let components88: [Component] = [.orchestration, .identity, .optimize, .webModeler, .connectors, .console]

    public static let camunda88 = orchestrationModel(
        version: .v8_8, chartLine: "13.x",
        summary: "One app for Zeebe, Operate, Tasklist (Orchestration cluster).",
        layout: OutputLayout(
            envFiles: OutputLayout.orchestrationModelEnvFiles(
                profiles: "broker,identity,operate,tasklist,consolidated-auth",
                connectorsEndpoint: [EnvVariable("CAMUNDA_CLIENT_AUTH_TOKENURL", .field(.tokenURL))],
                webModelerWebapp: true, webModelerRestapiExtra: []),
            configFiles: [OutputLayout.consoleConfigFile],
            helmValues: OutputLayout.orchestrationModelHelmValues(chartLine: "13.x")
        ),
        deployNotes: [
            ChecklistNote(.orchestration, when: .output(.helm),
                          "Your own values must not hold `global.identity.auth.orchestration` or `global.identity.auth.connectors`: chart 13.x merges them over this overlay (a client ID there wins). `global.identity.auth.operate`, `.tasklist` and `.zeebe` have no effect any more: remove them."),
        ]
    )

    /// The profile of 8.8 and later: what 8.9 (and a future 8.10) change is passed in.
    static func orchestrationModel(version: CamundaVersion, chartLine: String, summary: String, layout: OutputLayout,
                                   checklistNotes: [ChecklistNote] = [], deployNotes: [ChecklistNote] = []) -> VersionProfile {
        let managementIdentity = "Management Identity"
        func rename(_ field: FieldID, _ label: String) -> (FieldID, Rewording) { (field, Rewording(label: label)) }
        return VersionProfile(
            version: version, chartLine: chartLine, summary: summary,
            components: components88,
            notAsked: [.webModelerPublicAPIAudience, .connectorsMode, .clusterOperateURL, .clusterTasklistURL],
            rewording: Dictionary([
                rename(.componentURL(.identity), "\(managementIdentity) URL"),
                rename(.clientID(.identity), "\(managementIdentity) client ID"),
                rename(.clientSecret(.identity), "\(managementIdentity) client secret"),
                rename(.audience(.identity), "\(managementIdentity) audience"),
                rename(.identityBaseURL, "\(managementIdentity) base URL"),
                (.clientID(.webModeler), Rewording(
                    label: "Web Modeler UI client ID",
                    what: "The application (client) ID of the \"Web Modeler UI\" app, registered as a single-page application (public client). Web Modeler is registered as two apps: this one and the API.",
                    whereEntra: "Entra admin center > App registrations > the Web Modeler UI app > Overview > Application (client) ID.",
                    mistake: "Not the API app's ID: that one is asked below.")),
                (.webModelerClientAPIAudience, Rewording(whereEntra: "The Web Modeler UI app's client ID: keep the default.")),
                (.clusterZeebeVersion, Rewording(
                    label: "Cluster version",
                    what: "The version of your Orchestration cluster, x.y.z: Web Modeler checks which BPMN features it may deploy.",
                    whereGeneric: "The orchestration image tag in your compose file (camunda/camunda:{camunda}.x).")),
                (.clusterZeebeGRPCURL, Rewording(
                    label: "Cluster gRPC address",
                    what: "The Orchestration cluster's gRPC address as Web Modeler's container reaches it.",
                    whereGeneric: "Your compose file: the cluster's service name and port 26500.")),
                (.clusterZeebeRESTURL, Rewording(
                    label: "Cluster REST address",
                    what: "The Orchestration cluster's REST address as Web Modeler's container reaches it.",
                    whereGeneric: "Your compose file: the cluster's service name and port 8080.")),
                (.tokenURL, Rewording(
                    what: "The provider's token endpoint: Connectors fetch their tokens there, and with a generic provider the cluster exchanges sign-in codes there.")),
                (.clientID(.connectors), Rewording(
                    mistake: "The tool puts it in the cluster's connectors role; without that role the cluster refuses the Connectors' calls.")),
                (.clusterName, Rewording(what: "The name Web Modeler shows for the Orchestration cluster it deploys to.")),
                (.kubernetesSecretName, Rewording(
                    what: "The name of the Secret holding the client secrets, under keys orchestration-secret, identity-secret, optimize-secret (connectors-secret for an own Connectors app); the overlay names each key (secret.existingSecretKey).")),
                (.helmSecrets, Rewording(
                    what: "Where the chart finds the client secrets: secret.{existingSecret, existingSecretKey} (a Secret) or secret.inlineSecret. Inline, Management Identity's secret also lands in plain text in its ConfigMap.")),
                (.components, Rewording(
                    mistake: "Optimize, Web Modeler and Console need Management Identity; the Orchestration cluster is always deployed.")),
            ], uniquingKeysWith: { a, _ in a }),
            layout: layout,
            outboundConnectorsWithoutClient: [],
            webModelerHasAPIApp: true,
            checklistNotes: checklistNotes + orchestrationChecklistNotes,
            deployNotes: deployNotes + orchestrationDeployNotes,
            requiredComponents: [(.orchestration, "it is the cluster itself (Zeebe, Operate, Tasklist)")],
            alwaysDeployed: [.orchestration],
            dependencies: [
                ComponentDependency(.optimize, needs: .identity, "users sign in to Optimize through it"),
                ComponentDependency(.webModeler, needs: .identity, "the chart refuses to render Web Modeler without it"),
                ComponentDependency(.console, needs: .identity, "the chart refuses to render Console without it"),
            ],
            helmSecretForm: .secretObject,
            clusterComponent: .orchestration,
            onlyWithIdentity: [.identityBaseURL, .initialClaimName, .initialClaimValue],
            envOnlyWithIdentity: [.issuer, .issuerBackendURL],
            defaults: [
                .clusterZeebeGRPCURL: "grpc://orchestration:26500",
                .clusterZeebeRESTURL: "http://orchestration:8080",
            ],
            componentNames: [.identity: managementIdentity],
            componentSummaries: [
                // At most 50 characters: what fits beside the longest name at 80 columns ("always deployed" is in the rules line).
                .orchestration: "Zeebe, Operate, Tasklist, admin UI: one app",
                .identity: "sign-in for Optimize, Web Modeler and Console",
                .webModeler: "model in the browser (UI and API apps, no secret)",
                .connectors: "one machine client: the cluster's app or their own",
                .console: "manage clusters (single-page app, no secret)",
            ]
        )
    }

    static let orchestrationChecklistNotes: [ChecklistNote] = [
        ChecklistNote(.orchestration, when: .provider(.microsoft),
                      "Tokens name the calling app in `azp`: the client ID claim is `azp`, and 'prefer the username claim' is on, since user tokens carry `azp` too"),
        ChecklistNote(.orchestration, when: .all([.provider(.microsoft), .fieldSet(.ocGroupsClaim)]),
                      "[ ] Token configuration > Add groups claim (group object IDs): the groups claim is set"),
        ChecklistNote(.orchestration, when: .provider(.generic),
                      "[ ] Every token sent to the cluster (users, Connectors, Web Modeler) must carry its audience in `aud`: add an audience mapper (Keycloak: the client's dedicated scope > Add mapper > Audience)"),
        ChecklistNote(.orchestration, when: .provider(.generic),
                      "Machine tokens must carry the client ID in the client ID claim, user tokens the user name in the username claim (and the groups claim, when set)"),
        ChecklistNote(.webModeler, when: .provider(.generic),
                      "Web Modeler forwards the user's token to the cluster (`BEARER_TOKEN`): the Web Modeler UI app's tokens must carry the cluster's audience too"),
    ]

    static let orchestrationDeployNotes: [ChecklistNote] = [
        ChecklistNote(.orchestration, when: .output(.env),
                      "[ ] Remove any other `CAMUNDA_SECURITY_INITIALIZATION_*` lines (demo users, default roles) from your compose file: Spring merges the roles, so a `..._DEFAULTROLES_ADMIN_USERS_0=demo` there keeps `demo` an admin"),
        ChecklistNote(.webModeler, when: .output(.helm),
                      "[ ] Web Modeler needs its database and `webModeler.restapi.mail.fromAddress` in your values"),
        ChecklistNote(.webModeler, when: .output(.helm),
                      "Without `global.ingress` the chart points Web Modeler's links to Operate and Tasklist at localhost: set `global.ingress` or `webModeler.restapi.clusters` yourself"),
        ChecklistNote(.identity, when: .output(.helm),
                      "[ ] Management Identity needs its database (`identityPostgresql` or your own) in your values"),
    ]
}

extension OutputLayout {
    static let security = "CAMUNDA_SECURITY_AUTHENTICATION_"
    static let initialization = "CAMUNDA_SECURITY_INITIALIZATION_"
    static let adminRuleID = "camunda-oidc-admin"

    /// The admin mapping rule is written when its claim value is given (validation asks for the name with it).
    static let adminRule: Condition = .fieldSet(.ocAdminClaimValue)
    static let connectorsShareApp: Condition = .all([.selected(.connectors), .equals(.connectorsUseOrchestrationApp, "true")])
    static let connectorsOwnApp: Condition = .all([.selected(.connectors), .equals(.connectorsUseOrchestrationApp, "false")])

    /// The Connectors' client ID as the cluster's connectors role lists it.
    static let connectorsClients: ValueSource = .list([
        .field(.clientID(.orchestration), when: connectorsShareApp),
        .field(.clientID(.connectors), when: connectorsOwnApp),
    ])

    /// The env files of 8.8 and later. Names by Spring's relaxed binding of the properties the
    /// chart renders (upper case, `.` -> `_`, `-` dropped, `[n]` -> `_n`).
    static func orchestrationModelEnvFiles(profiles: String, connectorsEndpoint: [EnvVariable],
                                           webModelerWebapp: Bool, webModelerRestapiExtra: [EnvVariable]) -> [EnvFileLayout] {
        let orchestration = EnvFileLayout(fileName: "orchestration.env", component: .orchestration, variables: [
            EnvVariable("SPRING_PROFILES_ACTIVE", .literal(profiles), note: "The profiles the chart runs the Orchestration cluster with."),
            EnvVariable(security + "METHOD", .literal("oidc")),
            EnvVariable(security + "UNPROTECTEDAPI", .literal("false")),
            EnvVariable("CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED", .literal("true")),
            EnvVariable(security + "OIDC_CLIENTID", .field(.clientID(.orchestration))),
            EnvVariable(security + "OIDC_CLIENTSECRET", .secret(.orchestration)),
            EnvVariable(security + "OIDC_AUDIENCES", .list([
                .field(.clientID(.orchestration)), .field(.audience(.orchestration)),
                .field(.webModelerClientAPIAudience, when: .selected(.webModeler)),
            ]), note: "Accepted audiences: the cluster's client ID and audience, and Web Modeler's (it forwards user tokens)."),
            EnvVariable(security + "OIDC_ISSUERURI", .field(.issuer), when: .provider(.microsoft),
                        note: "Entra: the cluster discovers its endpoints from the issuer at startup."),
            EnvVariable(security + "OIDC_AUTHORIZATIONURI", .field(.authorizationURL), when: .provider(.generic),
                        note: "No issuer discovery (as the chart renders it): the endpoints are given one by one."),
            EnvVariable(security + "OIDC_JWKSETURI", .field(.jwksURL), when: .provider(.generic)),
            EnvVariable(security + "OIDC_TOKENURI", .field(.tokenURL), when: .provider(.generic)),
            EnvVariable(security + "OIDC_REDIRECTURI", .rootURL(.orchestration, path: "/sso-callback")),
            EnvVariable(security + "OIDC_USERNAMECLAIM", .field(.ocUsernameClaim)),
            EnvVariable(security + "OIDC_CLIENTIDCLAIM", .field(.ocClientIDClaim)),
            EnvVariable(security + "OIDC_PREFERUSERNAMECLAIM", .literal("true"), when: .equals(.ocPreferUsernameClaim, "true")),
            EnvVariable(security + "OIDC_GROUPSCLAIM", .field(.ocGroupsClaim), when: .fieldSet(.ocGroupsClaim)),
            EnvVariable(security + "OIDC_SCOPE", .list([.items(.ocScopes)])),
            EnvVariable(initialization + "MAPPINGRULES_0_MAPPINGRULEID", .literal(adminRuleID), when: adminRule,
                        note: "The first administrators: a mapping rule in the admin role, and/or user names."),
            EnvVariable(initialization + "MAPPINGRULES_0_CLAIMNAME", .field(.ocAdminClaimName), when: adminRule),
            EnvVariable(initialization + "MAPPINGRULES_0_CLAIMVALUE", .field(.ocAdminClaimValue), when: adminRule),
            EnvVariable(initialization + "DEFAULTROLES_ADMIN_MAPPINGRULES", .list([.literal(adminRuleID, when: adminRule)])),
            EnvVariable(initialization + "DEFAULTROLES_ADMIN_USERS", .list([.items(.ocAdminUsers)])),
            EnvVariable(initialization + "DEFAULTROLES_CONNECTORS_CLIENTS", connectorsClients,
                        note: "The Connectors' client ID in the connectors role: without it their calls are refused."),
            EnvVariable("CAMUNDA_IDENTITY_CLIENTID", .field(.clientID(.orchestration))),
            EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(.orchestration))),
            EnvVariable("CAMUNDA_OPERATE_IDENTITY_REDIRECTROOTURL", .rootURL(.orchestration, path: "/operate")),
            EnvVariable("CAMUNDA_TASKLIST_IDENTITY_REDIRECTROOTURL", .rootURL(.orchestration, path: "/tasklist")),
        ])
        let connectors = EnvFileLayout(fileName: "connectors.env", component: .connectors, variables: [
            EnvVariable("CAMUNDA_CLIENT_MODE", .literal("selfManaged"), note: "One client for inbound and outbound connectors, as the chart configures it."),
            EnvVariable("CAMUNDA_CLIENT_AUTH_CLIENTID", .field(.clientID(.orchestration)), when: connectorsShareApp,
                        note: "The Orchestration cluster's app."),
            EnvVariable("CAMUNDA_CLIENT_AUTH_CLIENTID", .field(.clientID(.connectors)), when: connectorsOwnApp),
            EnvVariable("CAMUNDA_CLIENT_AUTH_CLIENTSECRET", .secret(.orchestration), when: connectorsShareApp),
            EnvVariable("CAMUNDA_CLIENT_AUTH_CLIENTSECRET", .secret(.connectors), when: connectorsOwnApp),
            EnvVariable("CAMUNDA_CLIENT_AUTH_AUDIENCE", .field(.audience(.orchestration)), note: "The cluster's audience: the tokens are for it."),
            EnvVariable("CAMUNDA_CLIENT_AUTH_SCOPE", .field(.connectorsTokenScope), when: .fieldSet(.connectorsTokenScope)),
        ] + connectorsEndpoint)
        let identity = EnvFileLayout(fileName: "identity.env", component: .identity, variables: identityEnv.variables + [
            EnvVariable("CAMUNDA_OPTIMIZE_CLIENT_ID", .field(.clientID(.optimize)), when: .selected(.optimize),
                        note: "Identity's Optimize preset, as the chart sets it."),
            EnvVariable("CAMUNDA_OPTIMIZE_SECRET", .secret(.optimize), when: .selected(.optimize)),
        ])
        let cluster: [EnvVariable] = [
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_ID", .literal("default-cluster"), note: "The cluster Web Modeler deploys to, as the chart configures it."),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_NAME", .field(.clusterName)),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_VERSION", .field(.clusterZeebeVersion)),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_AUTHENTICATION", .literal("BEARER_TOKEN"),
                        note: "Web Modeler forwards the user's token to the cluster (any provider)."),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_AUTHORIZATIONS_ENABLED", .literal("true")),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_URL_GRPC", .field(.clusterZeebeGRPCURL)),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_URL_REST", .field(.clusterZeebeRESTURL)),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_URL_WEBAPP", .rootURL(.orchestration)),
        ]
        return [orchestration, identity, optimizeEnv]
            + (webModelerWebapp ? [webModelerWebappEnv] : [])
            + [webModelerRestapiEnv(publicAPIAudience: .webModelerAPIClientID, extra: webModelerRestapiExtra + cluster),
               connectors, consoleEnv]
    }

    /// The Helm overlay of charts 13.x and later: `global.security.authentication.method`, the
    /// components switched on, `orchestration.security` and `connectors.security` blocks.
    static func orchestrationModelHelmValues(chartLine: String) -> [HelmValue] {
        let oidc = "orchestration.security.authentication.oidc"
        let initialization = "orchestration.security.initialization"
        let connectorsOIDC = "connectors.security.authentication.oidc"
        var values: [HelmValue] = [
            HelmValue("global.security.authentication.method", .literal("oidc"),
                      note: "Chart \(chartLine) defaults to basic: without this the cluster and Connectors stay on basic auth, without an error."),
            HelmValue("\(auth).enabled", .yamlLiteral("true"), component: .identity,
                      note: "Turns on Management Identity's, Optimize's and Web Modeler's OIDC configuration."),
            HelmValue("\(auth).type", .providerType),
            HelmValue("\(auth).issuer", .field(.issuer), when: .provider(.microsoft),
                      note: "Entra: the cluster discovers its endpoints from the issuer."),
            HelmValue("\(auth).issuerBackendUrl", .field(.issuerBackendURL), note: "The same issuer as containers reach it (container to container)."),
            HelmValue("\(auth).publicIssuerUrl", .field(.issuer)),
            HelmValue("\(auth).authUrl", .field(.authorizationURL)),
            HelmValue("\(auth).tokenUrl", .field(.tokenURL)),
            HelmValue("\(auth).jwksUrl", .field(.jwksURL)),
            HelmValue("\(auth).identity.clientId", .field(.clientID(.identity)), component: .identity),
            HelmValue("\(auth).identity.audience", .field(.audience(.identity)), component: .identity),
            HelmValue("\(auth).identity.secret", .secretObject(.identity), component: .identity),
            HelmValue("\(auth).identity.initialClaimName", .chartUnquoted(.initialClaimName), component: .identity,
                      note: "Read once, at Identity's first start. In single quotes inside the string: the chart writes it unquoted into Identity's application.yaml."),
            HelmValue("\(auth).identity.initialClaimValue", .chartUnquoted(.initialClaimValue), component: .identity),
            HelmValue("\(auth).optimize.clientId", .field(.clientID(.optimize)), component: .optimize),
            HelmValue("\(auth).optimize.audience", .field(.audience(.optimize)), component: .optimize),
            HelmValue("\(auth).optimize.secret", .secretObject(.optimize), component: .optimize),
            HelmValue("\(auth).optimize.redirectUrl", .rootURL(.optimize), component: .optimize),
            HelmValue("\(auth).webModeler.clientId", .field(.clientID(.webModeler)), component: .webModeler),
            HelmValue("\(auth).webModeler.clientApiAudience", .field(.webModelerClientAPIAudience), component: .webModeler),
            HelmValue("\(auth).webModeler.publicApiAudience", .field(.webModelerAPIClientID), component: .webModeler),
            HelmValue("\(auth).webModeler.redirectUrl", .rootURL(.webModeler), component: .webModeler),
            HelmValue("\(auth).console.clientId", .field(.clientID(.console)), component: .console),
            HelmValue("\(auth).console.audience", .field(.audience(.console)), component: .console),
            HelmValue("\(auth).console.redirectUrl", .rootURL(.console), component: .console),
            HelmValue("\(auth).console.wellKnown", .field(.consoleWellKnownURL), component: .console),
            HelmValue("identity.enabled", .yamlLiteral("true"), component: .identity, note: "Chart \(chartLine) leaves Management Identity off."),
            HelmValue("identity.fullURL", .rootURL(.identity), component: .identity),
        ]
        for c in [Component.optimize, .webModeler, .console] {
            values.append(HelmValue("\(c.rawValue).enabled", .yamlLiteral("true"), component: c))
        }
        values += [
            HelmValue("\(oidc).clientId", .field(.clientID(.orchestration))),
            HelmValue("\(oidc).audience", .field(.audience(.orchestration))),
            HelmValue("\(oidc).redirectUrl", .rootURL(.orchestration), note: "The cluster's root: the chart appends /sso-callback, /operate and /tasklist."),
            HelmValue("\(oidc).secret", .secretObject(.orchestration)),
            HelmValue("\(oidc).usernameClaim", .field(.ocUsernameClaim)),
            HelmValue("\(oidc).clientIdClaim", .field(.ocClientIDClaim)),
            HelmValue("\(oidc).preferUsernameClaim", .bool(.ocPreferUsernameClaim)),
            HelmValue("\(oidc).groupsClaim", .field(.ocGroupsClaim), when: .fieldSet(.ocGroupsClaim)),
            HelmValue("\(oidc).scope", .list([.items(.ocScopes)]), when: .fieldSet(.ocScopes)),
            HelmValue("\(initialization).mappingRules", .blockList([.map([
                MapEntry("mappingRuleId", .literal(adminRuleID)),
                MapEntry("claimName", .field(.ocAdminClaimName)),
                MapEntry("claimValue", .field(.ocAdminClaimValue)),
            ])]), when: adminRule, note: "The first administrators: users whose token carries this claim and value."),
            HelmValue("\(initialization).defaultRoles.admin", .map([
                MapEntry("users", .list([.items(.ocAdminUsers)])),
                MapEntry("mappingRules", .list([.literal(adminRuleID, when: adminRule)])),
            ]), note: "Helm replaces lists whole: every list is written, so the chart's default admin 'demo' and user 'connectors' go."),
            HelmValue("\(initialization).defaultRoles.connectors", .map([
                MapEntry("users", .list([])),
                MapEntry("mappingRules", .list([])),
                MapEntry("clients", connectorsClients),
            ])),
            HelmValue("\(connectorsOIDC).clientId", .field(.clientID(.orchestration)), component: .connectors, when: connectorsShareApp,
                      note: "The Orchestration cluster's app."),
            HelmValue("\(connectorsOIDC).clientId", .field(.clientID(.connectors)), component: .connectors, when: connectorsOwnApp),
            HelmValue("\(connectorsOIDC).tokenScope", .field(.connectorsTokenScope), component: .connectors, when: .fieldSet(.connectorsTokenScope)),
            HelmValue("\(connectorsOIDC).secret", .secretObject(.orchestration), component: .connectors, when: connectorsShareApp),
            HelmValue("\(connectorsOIDC).secret", .secretObject(.connectors), component: .connectors, when: connectorsOwnApp),
            HelmValue("connectors.enabled", .yamlLiteral("false"), when: .not(.selected(.connectors)),
                      note: "Chart \(chartLine) deploys Connectors unless told not to."),
        ]
        return values
    }
}
