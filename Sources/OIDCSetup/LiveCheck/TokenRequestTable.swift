/// One form parameter a component sends in its client-credentials token request.
public struct TokenParameter: Sendable {
    public let name: String
    public let source: ValueSource
    public let condition: Condition

    init(_ name: String, _ source: ValueSource, when condition: Condition = .always) {
        self.name = name
        self.source = source
        self.condition = condition
    }
}

/// How one confidential application asks the provider for a token, as the component that uses
/// its credentials asks (client credentials grant), and what the receiving component checks.
/// The live check sends exactly these requests; the README's table is this table.
public struct TokenRequestSpec: Sendable {
    /// Whose credentials: the component selected (and named by `--only`).
    public let component: Component
    /// What the line says: "Operate", "Connectors (inbound)".
    public let application: String
    /// Who sends the request, for the README: "Operate (Identity SDK)".
    public let sender: String
    public let clientID: FieldID
    public let secret: FieldID
    /// The audience and scope parameters, each with the provider or mode it applies to.
    public let parameters: [TokenParameter]
    /// What the receiving component finds in `aud` before it accepts the token.
    public let expectedAudience: ValueSource
    /// The component that receives the token and checks its audience.
    public let receiver: String
    public let condition: Condition
    /// The skip line when the condition does not hold (nil: no line, another row covers it).
    public let otherwise: String?

    init(_ component: Component, application: String? = nil, sender: String, clientID: FieldID? = nil, secret: FieldID? = nil,
         parameters: [TokenParameter], expectedAudience: ValueSource, receiver: String,
         when condition: Condition = .always, otherwise: String? = nil) {
        self.component = component
        self.application = application ?? component.displayName
        self.sender = sender
        self.clientID = clientID ?? .clientID(component)
        self.secret = secret ?? .clientSecret(component)
        self.parameters = parameters
        self.expectedAudience = expectedAudience
        self.receiver = receiver
        self.condition = condition
        self.otherwise = otherwise
    }

    /// A stable key for results and JSON: the application's name in lower case, no spaces.
    public var key: String {
        application.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// An application the live check cannot test without a browser, and what to try by hand.
public struct ManualCheckSpec: Sendable {
    public let component: Component
    public let reason: String
    public let tryByHand: String
}

/// What the live check requests for one Camunda version, as data: the confidential applications
/// and how each is requested, and the applications left to the operator. Another version is
/// another value of this type (see `TokenRequestTable.layout(for:)`).
public struct LiveCheckLayout: Sendable {
    public let tokenRequests: [TokenRequestSpec]
    public let manual: [ManualCheckSpec]
}

/// The token requests of each Camunda version.
public enum TokenRequestTable {
    /// The layout of the Camunda version the configuration targets.
    public static func layout(for config: Configuration) -> LiveCheckLayout { layout(for: config.version) }

    public static func layout(for version: CamundaVersion) -> LiveCheckLayout {
        switch version {
        case .v8_5: return camunda85
        case .v8_6: return camunda86
        case .v8_7: return camunda87
        case .v8_8, .v8_9: return camunda88
        }
    }

    /// An Identity-SDK component (Identity, Operate, Tasklist, Optimize in 8.5): it asks with
    /// `audience=<its audience>`; with Entra, with `scope=<audience>/.default` (Entra has no
    /// audience parameter). The token is for its own API, which checks that audience.
    private static func identitySDK(_ c: Component) -> TokenRequestSpec {
        TokenRequestSpec(
            c, sender: "\(c.displayName) (Identity SDK)",
            parameters: [
                TokenParameter("audience", .field(.audience(c)), when: .provider(.generic)),
                TokenParameter("scope", .field(.audience(c), suffix: "/.default"), when: .provider(.microsoft)),
            ],
            expectedAudience: .field(.audience(c)), receiver: c.displayName)
    }

    /// Camunda 8.5 (chart 10.x).
    public static let camunda85 = LiveCheckLayout(
        tokenRequests: [
            identitySDK(.identity),
            identitySDK(.operate),
            identitySDK(.tasklist),
            identitySDK(.optimize),
            // The Zeebe Java client (in Operate, Tasklist and Connectors: ZEEBE_CLIENT_ID/SECRET,
            // ZEEBE_TOKEN_AUDIENCE, ZEEBE_TOKEN_SCOPE) sends the audience, and the scope when set.
            TokenRequestSpec(
                .zeebe, sender: "the Zeebe client in Operate, Tasklist and Connectors",
                parameters: [
                    TokenParameter("audience", .field(.audience(.zeebe))),
                    TokenParameter("scope", .field(.zeebeTokenScope), when: .fieldSet(.zeebeTokenScope)),
                ],
                expectedAudience: .field(.audience(.zeebe)), receiver: "the Zeebe gateway"),
            // Inbound Connectors read from Operate with their own app, asking for Operate's audience;
            // with Entra they need OPERATE_CLIENT_SCOPE.
            TokenRequestSpec(
                .connectors, application: "Connectors", sender: "Connectors, inbound (Identity SDK)",
                parameters: [
                    TokenParameter("audience", .field(.audience(.operate)), when: .provider(.generic)),
                    TokenParameter("scope", .field(.clientID(.operate), suffix: "/.default"), when: .provider(.microsoft)),
                ],
                expectedAudience: .field(.audience(.operate)), receiver: "Operate",
                when: .connectorsMode(.inbound),
                otherwise: "outbound only: Connectors use the Zeebe app's credentials (checked on the Zeebe line)"),
        ],
        manual: [webModeler])

    private static let webModeler = ManualCheckSpec(
        component: .webModeler,
        reason: "a public client (single-page app): its tokens need a browser sign-in",
        tryByHand: "open Web Modeler and sign in; a redirect URI error names the URI to register")

    /// Web Modeler as two apps (8.7 on): a public UI client and an API app whose secret the tool never asks.
    private static let webModelerTwoApps = ManualCheckSpec(
        component: .webModeler,
        reason: "the UI app is a public client (browser sign-in) and the API app's secret is not among these answers",
        tryByHand: "sign in to Web Modeler; for the public API, request a token for the API app's client ID with an API client")

    private static let console = ManualCheckSpec(
        component: .console,
        reason: "a public client (single-page app): its tokens need a browser sign-in",
        tryByHand: "open Console and sign in; a redirect URI error names the URI to register")

    /// Connectors of 8.8/8.9 (`camunda.client.auth`): the cluster's audience, the token scope when set,
    /// with their own app or the Orchestration cluster's.
    private static func connectors88(ownApp: Bool) -> TokenRequestSpec {
        let app: Component = ownApp ? .connectors : .orchestration
        return TokenRequestSpec(
            .connectors, application: "Connectors", sender: "Connectors (camunda.client.auth, \(ownApp ? "their own app" : "the cluster's app"))",
            clientID: .clientID(app), secret: .clientSecret(app),
            parameters: [
                TokenParameter("audience", .field(.audience(.orchestration))),
                TokenParameter("scope", .field(.connectorsTokenScope), when: .fieldSet(.connectorsTokenScope)),
            ],
            expectedAudience: .field(.audience(.orchestration)), receiver: "the Orchestration cluster",
            when: .equals(.connectorsUseOrchestrationApp, ownApp ? "false" : "true"))
    }

    /// Camunda 8.8 and 8.9 (charts 13.x/14.x, the Orchestration-cluster model): Management Identity and
    /// Optimize as before, the Orchestration cluster's app (its `camunda.identity` block asks as the
    /// Identity SDK does), and Connectors with their own app or the cluster's.
    public static let camunda88 = LiveCheckLayout(
        tokenRequests: [identitySDK(.identity), identitySDK(.optimize), identitySDK(.orchestration),
                        connectors88(ownApp: true), connectors88(ownApp: false)],
        manual: [
            webModelerTwoApps,
            console,
        ])

    /// Camunda 8.6 (chart 11.x): the 8.5 requests (the same Identity SDK and Zeebe client settings),
    /// and Console, a public client.
    public static let camunda86 = LiveCheckLayout(tokenRequests: camunda85.tokenRequests, manual: [webModeler, console])

    /// Camunda 8.7 (chart 12.x): Connectors ask with `CAMUNDA_CLIENT_*` (the Zeebe app: the Zeebe
    /// line) and `OPERATE_CLIENT_*` (their own app, Operate's audience; Entra `OPERATE_CLIENT_SCOPE`),
    /// the same requests as 8.5's. Web Modeler is two apps: the UI a public client, the API app the
    /// audience of the public API, whose secret this tool never asks for.
    public static let camunda87 = LiveCheckLayout(
        tokenRequests: camunda85.tokenRequests,
        manual: [
            webModelerTwoApps,
            console,
        ])
}

extension ValueSource {
    /// The value for a live-check request: fields and literals only (what token requests use).
    func resolved(in config: Configuration) -> String {
        switch self {
        case .literal(let text), .yamlLiteral(let text): return text
        case .providerType: return config.provider.identityType
        case .field(let field, let suffix):
            let value = config.value(field)
            return value.isEmpty ? "" : value + suffix
        default: return field.map(config.value) ?? ""
        }
    }
}

extension LiveCheckLayout {
    /// The table as Markdown, for the README (a test keeps the README equal to it).
    public func markdown() -> String {
        func source(_ value: ValueSource) -> String {
            switch value {
            case .field(let field, let suffix): return "<\(field.path)>" + suffix
            case .literal(let text), .yamlLiteral(let text): return text
            default: return "?"
            }
        }
        func condition(_ condition: Condition) -> String {
            switch condition {
            case .always: return ""
            case .provider(.generic): return " (generic)"
            case .provider(.microsoft): return " (Entra)"
            case .fieldSet: return " (when set)"
            case .connectorsMode(let mode): return " (\(mode.rawValue))"
            case .all: return " (conditions)"
            case .output(let format): return " (\(format.rawValue))"
            case .selected(let c): return " (with \(c.displayName))"
            case .equals(let field, let value): return " (when \(field.path) is \(value))"
            case .not: return " (conditions)"
            }
        }
        var lines = [
            "| Application | Requested by | Client | Form parameters besides the grant and client | `aud` must hold (checked by) |",
            "|---|---|---|---|---|",
        ]
        for spec in tokenRequests {
            let parameters = spec.parameters.map { "`\($0.name)=\(source($0.source))`\(condition($0.condition))" }.joined(separator: "; ")
            lines.append("| \(spec.application)\(condition(spec.condition)) | \(spec.sender) | `<\(spec.clientID.path)>` | \(parameters) | `\(source(spec.expectedAudience))` (\(spec.receiver)) |")
        }
        for manual in manual {
            lines.append("| \(manual.component.displayName) | - | - | skipped: \(manual.reason) | by hand: \(manual.tryByHand) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
