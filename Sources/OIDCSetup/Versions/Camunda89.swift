/// Camunda 8.9 with Helm chart 14.x (spec camunda-8.8-8.9-oidc.md, checked against chart 14.8.4):
/// 8.8's model, with profile `identity` renamed `admin`, Web Modeler's webapp merged into its
/// restapi, Connectors reading the issuer (Entra) and the legacy secret keys refused by the chart.
extension VersionProfile {
    public static let camunda89 = orchestrationModel(
        version: .v8_9, chartLine: "14.x",
        summary: "As 8.8; Web Modeler UI served by its API; old secret keys fail.",
        layout: OutputLayout(
            envFiles: OutputLayout.orchestrationModelEnvFiles(
                profiles: "admin,broker,operate,tasklist,consolidated-auth",
                connectorsEndpoint: [
                    EnvVariable("CAMUNDA_CLIENT_AUTH_ISSUERURL", .field(.issuer), when: .provider(.microsoft),
                                note: "Entra: chart 14.x gives Connectors the issuer, not the token URL."),
                    EnvVariable("CAMUNDA_CLIENT_AUTH_TOKENURL", .field(.tokenURL), when: .provider(.generic)),
                ],
                webModelerWebapp: false,
                webModelerRestapiExtra: OutputLayout.webModelerRestapi89),
            configFiles: [OutputLayout.consoleConfigFile],
            helmValues: OutputLayout.orchestrationModelHelmValues(chartLine: "14.x")
        ),
        deployNotes: [
            ChecklistNote(.orchestration, when: .output(.helm),
                          "[ ] Your own values must set `orchestration.data.secondaryStorage.type` (e.g. `elasticsearch`): chart 14.x refuses to render without it"),
            ChecklistNote(.orchestration, when: .output(.helm),
                          "Chart 14.x fails on the secret keys of earlier charts (`existingSecret` directly under a component, `global.identity.auth.identity.existingSecret`, ...): remove them from your own values. `global.identity.auth.{operate,tasklist,zeebe,orchestration,connectors}` are ignored: remove them too."),
        ]
    )
}

extension OutputLayout {
    /// Chart 14.x runs Web Modeler's UI from its REST API: the webapp's settings move here
    /// (`web-modeler/configmap-restapi.yaml`, names by Spring's relaxed binding).
    static let webModelerRestapi89: [EnvVariable] = [
        EnvVariable("CAMUNDA_IDENTITY_ISSUER", .field(.issuer), note: "The UI's sign-in, served by the REST API since 8.9."),
        EnvVariable("CAMUNDA_IDENTITY_ISSUERBACKENDURL", .field(.issuerBackendURL)),
        EnvVariable("CAMUNDA_MODELER_SECURITY_JWT_ISSUER_BACKENDURL", .field(.issuerBackendURL)),
        EnvVariable("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", .field(.jwksURL)),
        EnvVariable("CAMUNDA_MODELER_OAUTH2_CLIENTID", .field(.clientID(.webModeler))),
        EnvVariable("CAMUNDA_MODELER_OAUTH2_TOKEN_USERNAMECLAIM", .field(.ocUsernameClaim)),
        EnvVariable("CAMUNDA_MODELER_SERVER_URL", .rootURL(.webModeler)),
        EnvVariable("CAMUNDA_MODELER_SERVER_HTTPSONLY", .httpsOnly(.componentURL(.webModeler))),
    ]
}
