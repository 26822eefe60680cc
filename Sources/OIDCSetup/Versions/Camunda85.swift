/// Camunda 8.5 with Helm chart 10.x: the base every later version is told against
/// (spec camunda-8.5-oidc.md, sections 2 and 3).
extension VersionProfile {
    static let components85: [Component] = [.identity, .operate, .tasklist, .optimize, .zeebe, .webModeler, .connectors]

    /// 8.5's env files; 8.6 writes the same ones plus Console's.
    static let envFiles85: [EnvFileLayout] = [
        OutputLayout.identityEnv, OutputLayout.operateEnv, OutputLayout.tasklistEnv, OutputLayout.optimizeEnv,
        OutputLayout.zeebeGatewayEnv, OutputLayout.webModelerWebappEnv,
        OutputLayout.webModelerRestapiEnv(publicAPIAudience: .webModelerPublicAPIAudience),
        OutputLayout.connectorsZeebeClientEnv,
    ]

    public static let camunda85 = VersionProfile(
        version: .v8_5,
        chartLine: "10.x",
        summary: "Identity, Operate, Tasklist, Optimize, Zeebe, Web Modeler, Connectors.",
        components: components85,
        notAsked: [.webModelerAPIClientID] + FieldID.clusterFields + FieldID.orchestrationModelFields,
        layout: OutputLayout(
            envFiles: envFiles85,
            helmValues: OutputLayout.helmValues(
                components: components85, publicAPIAudience: .webModelerPublicAPIAudience, connectorsBlock: .always,
                keycloakNote: "Chart 10.x deploys Keycloak unless told not to; the external provider replaces it.",
                fullURLNote: "Chart 10.x takes Identity's redirect root from here (it ignores global.identity.auth.identity.redirectUrl).")
        ),
        // Chart 10.x has no switch that drops the Connectors block in Helm: only env output leaves the client out.
        outboundConnectorsWithoutClient: [.env]
    )
}

extension OutputLayout {
    /// Camunda 8.5's tables (the default of the importers and merges when nothing says otherwise).
    public static var camunda85: OutputLayout { VersionProfile.camunda85.layout }
}
