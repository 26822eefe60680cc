/// Camunda 8.6 with Helm chart 11.x (spec camunda-8.6-8.7-oidc.md): 8.5 plus Console, and
/// outbound-only Connectors without a client of their own in Helm too.
extension VersionProfile {
    static let components86: [Component] = components85 + [.console]

    public static let camunda86 = VersionProfile(
        version: .v8_6,
        chartLine: "11.x",
        summary: "As 8.5, plus Console (a single-page app, no secret).",
        components: components86,
        notAsked: [.webModelerAPIClientID] + FieldID.clusterFields + FieldID.orchestrationModelFields,
        layout: OutputLayout(
            envFiles: envFiles85 + [OutputLayout.consoleEnv],
            configFiles: [OutputLayout.consoleConfigFile],
            helmValues: OutputLayout.helmValues(
                components: components86, publicAPIAudience: .webModelerPublicAPIAudience,
                connectorsBlock: .connectorsMode(.inbound),
                keycloakNote: "Chart 11.x deploys Keycloak unless told not to; the external provider replaces it.",
                fullURLNote: "Identity's external URL (chart 11.x has no global.identity.auth.identity.redirectUrl).")
        ),
        outboundConnectorsWithoutClient: [.env, .helm],
        offByDefault: [.webModeler, .console],
        checklistNotes: outboundConnectorsChecklistNotes + consoleChecklistNotes
    )

    /// Outbound-only Connectors in Helm, the same in 8.6 and 8.7: the chart's warning is expected.
    static let outboundConnectorsChecklistNotes: [ChecklistNote] = [
        ChecklistNote(.connectors, when: .all([.output(.helm), .connectorsMode(.outbound)]),
                      "The overlay leaves `global.identity.auth.connectors` out (`connectors.inbound.mode: disabled`): the chart's notes then warn that its existingSecret is unset, which is harmless here."),
    ]

    /// Console's checklist lines, the same in 8.6 and 8.7.
    static let consoleChecklistNotes: [ChecklistNote] = [
        ChecklistNote(.console, when: .output(.helm),
                      "Chart 11.x (8.6) also creates an unused Secret `<release>-console-identity-secret` with a random value: Console is a public client and reads no secret. Leave it."),
    ]
}
