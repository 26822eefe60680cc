/// A secret on its way to the token endpoint. Printing it prints a placeholder, so a stray
/// interpolation or debug print cannot leak it.
public struct SecretValue: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "<secret>" }
    public var debugDescription: String { "<secret>" }
}

/// How the live check runs: from `verify`'s options or the wizard.
public struct LiveCheckOptions: Equatable, Sendable {
    /// Plain http to hosts other than this machine (in-cluster backend URLs often are).
    public var allowHTTP: Bool
    /// Only these components' token checks (empty: all).
    public var only: Set<Component>
    /// Per request.
    public var timeoutSeconds: Int
    /// A private CA was given (`--ca-file`): an unknown-CA message then says so.
    public var usesCAFile: Bool

    public init(allowHTTP: Bool = false, only: Set<Component> = [], timeoutSeconds: Int = 10, usesCAFile: Bool = false) {
        self.allowHTTP = allowHTTP
        self.only = only
        self.timeoutSeconds = timeoutSeconds
        self.usesCAFile = usesCAFile
    }
}

/// One token request, resolved from the table and the answers.
public struct PlannedTokenRequest: Equatable, Sendable {
    public let id: CheckID
    public let component: Component
    public let application: String
    public let clientID: String
    public let secret: SecretValue
    /// `audience` / `scope` form parameters, in the table's order (grant and client added by the sender).
    public let parameters: [(name: String, value: String)]
    public let expectedAudience: String
    public let receiver: String
    public let clientIDField: FieldID
    public let secretField: FieldID
    /// The field to change when the provider refuses the audience or scope.
    public let audienceField: FieldID

    public static func == (lhs: PlannedTokenRequest, rhs: PlannedTokenRequest) -> Bool {
        lhs.id == rhs.id && lhs.clientID == rhs.clientID && lhs.secret == rhs.secret
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name) && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
            && lhs.expectedAudience == rhs.expectedAudience
    }

    /// What the request asks for, for messages: `audience=operate-api`, `scope=<id>/.default`.
    public var asked: String {
        parameters.isEmpty ? "no audience or scope" : parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }
}

/// Everything the live check will do for one configuration, decided before any request: the
/// URLs (only the configured issuer, token and JWKS URLs are ever requested), the token requests,
/// and the lines that are skipped with a reason.
public struct LiveCheckPlan: Equatable, Sendable {
    public let provider: Provider
    public let version: CamundaVersion
    public let tenantID: String
    public let issuer: String
    public let backendIssuer: String
    public let tokenURL: String
    public let jwksURL: String
    public let options: LiveCheckOptions
    public let tokenRequests: [PlannedTokenRequest]
    /// Lines decided without a request (public clients, applications without a secret to send).
    public let skipped: [CheckResult]

    public init(config: Configuration, options: LiveCheckOptions = LiveCheckOptions()) {
        provider = config.provider
        version = config.version
        tenantID = config.raw(.tenantID)
        issuer = config.value(.issuer)
        backendIssuer = config.value(.issuerBackendURL)
        tokenURL = config.value(.tokenURL)
        jwksURL = config.value(.jwksURL)
        self.options = options
        let layout = TokenRequestTable.layout(for: config)
        let wanted = { (c: Component) in config.isSelected(c) && (options.only.isEmpty || options.only.contains(c)) }
        var requests: [PlannedTokenRequest] = []
        var skipped: [CheckResult] = []
        for spec in layout.tokenRequests where wanted(spec.component) {
            let id = CheckID.token(spec.key)
            guard spec.condition.holds(in: config), config.applies(spec.clientID) else {
                if let reason = spec.otherwise { skipped.append(CheckResult(id, .skip, subject: spec.application, reason)) }
                continue
            }
            let parameters = spec.parameters.filter { $0.condition.holds(in: config) }
                .map { (name: $0.name, value: $0.source.resolved(in: config)) }
                .filter { !$0.value.isEmpty }
            let audienceSource = spec.parameters.last { $0.name == "scope" && $0.condition.holds(in: config) && !$0.source.resolved(in: config).isEmpty }
                ?? spec.parameters.first { $0.name == "audience" && $0.condition.holds(in: config) }
            let secret = config.value(spec.secret)
            guard !secret.isEmpty else {
                skipped.append(CheckResult(id, .skip, subject: spec.application,
                                           "no secret to send: it is kept in the Kubernetes Secret, not in these files; verify the answers file (secretEnv) instead",
                                           field: spec.secret))
                continue
            }
            requests.append(PlannedTokenRequest(
                id: id, component: spec.component, application: spec.application,
                clientID: config.value(spec.clientID), secret: SecretValue(secret), parameters: parameters,
                expectedAudience: spec.expectedAudience.resolved(in: config), receiver: spec.receiver,
                clientIDField: spec.clientID, secretField: spec.secret,
                audienceField: audienceSource?.source.field ?? .audience(spec.component)))
        }
        if issuer.isEmpty {
            // 8.8+ generic setups may give the token and JWKS URLs without an issuer: nothing to discover.
            skipped.insert(CheckResult(.discovery, .skip, subject: "provider",
                                       "discovery: no issuer URL configured; the components use the token and JWKS URLs directly"), at: 0)
        }
        for manual in layout.manual where wanted(manual.component) {
            skipped.append(CheckResult(.manual(manual.component), .skip, subject: manual.component.displayName,
                                       "\(manual.reason); by hand: \(manual.tryByHand)"))
        }
        tokenRequests = requests
        self.skipped = skipped
    }

    /// Every line of the run, in the order shown.
    public var checkIDs: [CheckID] {
        var ids: [CheckID] = [.discovery, .jwks] + tokenRequests.map(\.id)
        for result in skipped where !ids.contains(result.id) { ids.append(result.id) }
        return ids.sorted { order($0) < order($1) }
    }

    /// Where a line goes: discovery, JWKS, then the applications in the table's order.
    private func order(_ id: CheckID) -> Int {
        switch id {
        case .discovery: return 0
        case .jwks: return 1
        case .token(let key):
            let keys = TokenRequestTable.layout(for: version).tokenRequests.map(\.key)
            return 10 + (keys.firstIndex(of: key) ?? 50)
        case .manual(let c): return 100 + (Component.allCases.firstIndex(of: c) ?? 0)
        }
    }

    /// The subject shown on a line.
    public func subject(of id: CheckID) -> String {
        switch id {
        case .discovery, .jwks: return "provider"
        case .token(let key):
            return tokenRequests.first { $0.id == id }?.application ?? skipped.first { $0.id == id }?.subject ?? key
        case .manual(let c): return c.displayName
        }
    }

    /// What a pending line says while its request runs.
    public func pendingMessage(of id: CheckID) -> String {
        switch id {
        case .discovery: return "discovery (\(issuer.trimmingTrailingSlashes())/.well-known/openid-configuration)"
        case .jwks: return "signing keys (\(jwksURL))"
        case .token: return "token" + (tokenRequests.first { $0.id == id }.map { " (\($0.asked))" } ?? "")
        case .manual: return ""
        }
    }

    /// Discovery documents to try: the public issuer's, then the backend's when it differs.
    public var discoveryURLs: [(url: String, backend: Bool)] {
        var urls = [(url: Self.discoveryURL(issuer), backend: false)]
        if backendIssuer != issuer, !backendIssuer.isEmpty { urls.append((url: Self.discoveryURL(backendIssuer), backend: true)) }
        return urls
    }

    public static func discoveryURL(_ issuer: String) -> String {
        issuer.trimmingTrailingSlashes() + "/.well-known/openid-configuration"
    }

    /// The reason a URL is not requested at all: not http(s), or plain http leaving this machine
    /// without `allowHTTP`. Nil when it may be requested.
    public func refusal(for url: String) -> TransportFailure? {
        guard let parts = URLParts(url) else { return .badURL(url) }
        if parts.scheme == "http", !parts.isLoopback, !options.allowHTTP { return .plainHTTPRefused(host: parts.host) }
        return nil
    }

    /// Hosts reached over plain http that are not this machine: what the wizard asks about first.
    public var plainHTTPHosts: [String] {
        var hosts: [String] = []
        for url in [issuer, backendIssuer, tokenURL, jwksURL] {
            guard let parts = URLParts(url), parts.scheme == "http", !parts.isLoopback, !hosts.contains(parts.host) else { continue }
            hosts.append(parts.host)
        }
        return hosts
    }

    /// The secrets of this run: what the report masks should one ever reach a message.
    public var secrets: [String] { tokenRequests.map(\.secret.value) }
}
