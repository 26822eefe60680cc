/// Camunda 8.7 with Helm chart 12.x (spec camunda-8.6-8.7-oidc.md): 8.6, with Web Modeler
/// registered as two apps (UI and API), Connectors on the `CAMUNDA_CLIENT_*` / `OPERATE_CLIENT_*`
/// variables, and Web Modeler's cluster block in env output.
extension VersionProfile {
    public static let camunda87 = VersionProfile(
        version: .v8_7,
        chartLine: "12.x",
        summary: "As 8.6; Web Modeler as two apps (UI, API); new Connectors variables.",
        components: components86,
        notAsked: [.webModelerPublicAPIAudience] + FieldID.orchestrationModelFields,
        rewording: [
            .clientID(.webModeler): Rewording(
                label: "Web Modeler UI client ID",
                what: "The application (client) ID of the \"Web Modeler UI\" app, registered as a single-page application (public client). 8.7 registers Web Modeler as two apps: this one and the API.",
                whereGeneric: "Your provider's application (client) list: the client ID of the Web Modeler UI application.",
                whereEntra: "Entra admin center > App registrations > the Web Modeler UI app > Overview > Application (client) ID.",
                mistake: "Not the API app's ID: that one is asked below."),
            .webModelerClientAPIAudience: Rewording(
                whereEntra: "The Web Modeler UI app's client ID: keep the default."),
        ],
        layout: OutputLayout(
            envFiles: [
                OutputLayout.identityEnv, OutputLayout.operateEnv, OutputLayout.tasklistEnv, OutputLayout.optimizeEnv,
                OutputLayout.zeebeGatewayEnv, OutputLayout.webModelerWebappEnv,
                OutputLayout.webModelerRestapiEnv(publicAPIAudience: .webModelerAPIClientID, extra: OutputLayout.webModelerCluster87),
                OutputLayout.connectorsEnv87,
                OutputLayout.consoleEnv,
            ],
            configFiles: [OutputLayout.consoleConfigFile],
            helmValues: OutputLayout.helmValues(
                components: components86, publicAPIAudience: .webModelerAPIClientID,
                connectorsBlock: .connectorsMode(.inbound),
                keycloakNote: "Chart 12.x deploys Keycloak unless told not to; the external provider replaces it.",
                fullURLNote: "Identity's external URL (chart 12.x has no global.identity.auth.identity.redirectUrl).")
        ),
        outboundConnectorsWithoutClient: [.env, .helm],
        webModelerHasAPIApp: true,
        offByDefault: [.webModeler, .console],
        checklistNotes: outboundConnectorsChecklistNotes + [
            ChecklistNote(.webModeler, when: .all([.provider(.generic), .selected(.zeebe)]),
                          "The chart connects Web Modeler to the cluster with `BEARER_TOKEN`: Web Modeler forwards the user's token to Zeebe, Operate and Tasklist, so the Web Modeler UI app's tokens must also carry their audiences (e.g. audience mappers on that client)."),
            ChecklistNote(.webModeler, when: .all([.provider(.microsoft), .selected(.zeebe)]),
                          "The chart connects Web Modeler to the cluster with `CLIENT_CREDENTIALS` (Entra cannot put several audiences in one user token): it uses the Zeebe app's scope and the Zeebe, Operate and Tasklist audiences."),
        ],
        componentSummaries: [.webModeler: "model in the browser (two apps: UI and API, no secret)"]
    )
}

extension OutputLayout {
    /// Chart 12.x replaced the Connectors client: Zeebe through `CAMUNDA_CLIENT_*` with the Zeebe app's
    /// credentials, Operate through `OPERATE_CLIENT_*` with the Connectors app's (chart
    /// templates/connectors/deployment.yaml and configmap.yaml; names by Spring's relaxed binding).
    static let connectorsEnv87 = EnvFileLayout(fileName: "connectors.env", component: .connectors, variables: [
        EnvVariable("CAMUNDA_CLIENT_MODE", .literal("selfManaged"),
                    note: "Chart 12.x's Connectors client (the 8.7 docs still list the ZEEBE_* names; the chart does not use them)."),
        EnvVariable("CAMUNDA_CLIENT_AUTH_CLIENT_ID", .field(.clientID(.zeebe)), note: "Zeebe client: the Zeebe app's credentials, as the chart sets them."),
        EnvVariable("CAMUNDA_CLIENT_AUTH_CLIENT_SECRET", .secret(.zeebe)),
        EnvVariable("CAMUNDA_CLIENT_AUTH_TOKENURL", .field(.tokenURL)),
        EnvVariable("CAMUNDA_CLIENT_ZEEBE_AUDIENCE", .field(.audience(.zeebe))),
        EnvVariable("CAMUNDA_CLIENT_ZEEBE_SCOPE", .field(.zeebeTokenScope), when: .fieldSet(.zeebeTokenScope)),
        EnvVariable("OPERATE_CLIENT_PROFILE", .literal("oidc"), when: .connectorsMode(.inbound),
                    note: "Inbound connectors read process definitions from Operate with the Connectors app's credentials and Operate's audience."),
        EnvVariable("OPERATE_CLIENT_CLIENT_ID", .field(.clientID(.connectors)), when: .connectorsMode(.inbound)),
        EnvVariable("OPERATE_CLIENT_CLIENT_SECRET", .secret(.connectors), when: .connectorsMode(.inbound)),
        EnvVariable("OPERATE_CLIENT_AUTHURL", .field(.tokenURL), when: .connectorsMode(.inbound)),
        EnvVariable("OPERATE_CLIENT_AUDIENCE", .field(.audience(.operate)), when: .connectorsMode(.inbound)),
        operateClientScope,
        EnvVariable("CAMUNDA_IDENTITY_TYPE", .providerType, when: .connectorsMode(.inbound)),
        EnvVariable("CAMUNDA_IDENTITY_ISSUER_BACKEND_URL", .field(.issuerBackendURL), when: .connectorsMode(.inbound)),
        EnvVariable("CAMUNDA_IDENTITY_CLIENT_ID", .field(.clientID(.connectors)), when: .connectorsMode(.inbound)),
        EnvVariable("CAMUNDA_IDENTITY_CLIENT_SECRET", .secret(.connectors), when: .connectorsMode(.inbound)),
        EnvVariable("CAMUNDA_IDENTITY_AUDIENCE", .field(.audience(.operate)), when: .connectorsMode(.inbound)),
        EnvVariable("CAMUNDA_CONNECTOR_POLLING_ENABLED", .literal("false"), when: .connectorsMode(.outbound),
                    note: "Outbound only: no polling, no webhooks, no Operate client (as the chart sets it)."),
        EnvVariable("CAMUNDA_CONNECTOR_WEBHOOK_ENABLED", .literal("false"), when: .connectorsMode(.outbound)),
        EnvVariable("OPERATE_CLIENT_ENABLED", .literal("false"), when: .connectorsMode(.outbound)),
    ])

    /// Web Modeler's cluster (`camunda.modeler.clusters[0]`, chart 12.x configmap-restapi.yaml):
    /// Entra gets CLIENT_CREDENTIALS with an oauth block, other providers BEARER_TOKEN without.
    static let webModelerCluster87: [EnvVariable] = {
        let cluster: Condition = .selected(.zeebe)
        let entra: Condition = .all([.selected(.zeebe), .provider(.microsoft)])
        return [
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_ID", .literal("default-cluster"), when: cluster,
                        note: "The cluster Web Modeler deploys to, as chart 12.x configures it."),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_NAME", .field(.clusterName), when: cluster),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_VERSION", .field(.clusterZeebeVersion), when: cluster),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_AUTHENTICATION", .literal("CLIENT_CREDENTIALS"), when: entra,
                        note: "Entra: Web Modeler fetches its own tokens (Entra cannot put several audiences in one user token)."),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_AUTHENTICATION", .literal("BEARER_TOKEN"), when: .all([.selected(.zeebe), .provider(.generic)]),
                        note: "Web Modeler forwards the user's token: it must carry the Zeebe, Operate and Tasklist audiences too."),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_URL_ZEEBE_GRPC", .field(.clusterZeebeGRPCURL), when: cluster),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_URL_ZEEBE_REST", .field(.clusterZeebeRESTURL), when: cluster),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_URL_OPERATE", .field(.clusterOperateURL), when: .all([cluster, .selected(.operate)])),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_URL_TASKLIST", .field(.clusterTasklistURL), when: .all([cluster, .selected(.tasklist)])),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_OAUTH_URL", .field(.tokenURL), when: entra),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_OAUTH_SCOPE", .field(.zeebeTokenScope), when: entra),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_OAUTH_AUDIENCE_ZEEBE", .field(.audience(.zeebe)), when: entra),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_OAUTH_AUDIENCE_OPERATE", .field(.audience(.operate)), when: .all([entra, .selected(.operate)])),
            EnvVariable("CAMUNDA_MODELER_CLUSTERS_0_OAUTH_AUDIENCE_TASKLIST", .field(.audience(.tasklist)), when: .all([entra, .selected(.tasklist)])),
        ]
    }()
}
